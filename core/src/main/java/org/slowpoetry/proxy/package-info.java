/**
 * The caching proxy's service (Parts 14 and 19), once for both styles: one poem, cached for a
 * time, fetched once however many clients ask at once, and cancelled when nobody wants it any more.
 *
 * <ul>
 *   <li>{@link org.slowpoetry.proxy.PoemCache}: the state machine {@code EMPTY → FETCHING → CACHED},
 *       on an injected clock, with single flight and a ttl.</li>
 *   <li>{@link org.slowpoetry.proxy.Request}: what a request gets, sealed: the cached poem, or a
 *       ticket for the download it started or joined.</li>
 *   <li>{@link org.slowpoetry.proxy.Ticket}: a claim on a download; the reactor listens to it, a
 *       virtual thread awaits it, either gives it back.</li>
 *   <li>{@link org.slowpoetry.proxy.Upstream}: how a style starts and cancels one download.</li>
 * </ul>
 */
package org.slowpoetry.proxy;

/**
 * Every poetry server as services (Part 16), in both styles, for {@code slowpoetry run}'s plugins
 * and for application files: the pieces a tree is built from.
 *
 * <ul>
 *   <li>{@link org.slowpoetry.servers.service.PoetryService}: the poem, loaded when the service
 *       starts (the text's {@code PoetryService}).</li>
 *   <li>{@link org.slowpoetry.servers.service.PoetryTcp}: a port that sends that poem, fast or
 *       slow, on the shared reactor, in the Loom style, or as the Erlang-style process tree.</li>
 *   <li>{@link org.slowpoetry.servers.service.TransformServices}: Part 12's transformation
 *       server, a port service per protocol.</li>
 *   <li>{@link org.slowpoetry.servers.service.ProxyServices}: the caching proxy, its cache and
 *       its port.</li>
 * </ul>
 *
 * The servers behind them are the {@code serve} command's own; here they log instead of printing.
 */
package org.slowpoetry.servers.service;

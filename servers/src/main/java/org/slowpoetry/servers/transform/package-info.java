/**
 * {@code slowpoetry serve transform}: Part 12's poetry transformation server in both styles, with
 * the text's exercises 1 to 4. {@link org.slowpoetry.servers.transform.TransformImpl} starts one
 * ({@code REACTOR} or {@code LOOM}) from a
 * {@link org.slowpoetry.servers.transform.TransformServerConfig}; what a connection means, framing,
 * parsing, and reply or close, is written once in {@code TransformExchange} and driven by the
 * reactor's {@code TransformProtocol} and the loom {@code TransformConnection} alike.
 *
 * <p>{@code slowpoetry serve transform-proxy}: {@link org.slowpoetry.servers.transform.TransformProxy},
 * Part 14's exercise 4, is the same server with a forwarder to another transform server as its
 * service.
 *
 * <p><b>Threading:</b> see each type.
 */
package org.slowpoetry.servers.transform;

/**
 * Part 4's clients on the reactor's lowest level: raw descriptors. {@code reactor-raw} is client
 * 1.0, a {@link org.slowpoetry.clients.reactor.raw.PoetrySocket} per server given to the reactor
 * with {@code addReader}, with the text's two exercises done (a failed connect is one line;
 * {@code --timeout} with {@code callLater}); {@code reactor-broken} is its deliberately broken twin,
 * whose {@code doRead} blocks and so turns the reactor back into a blocking client.
 *
 * <p>Start reading at {@link org.slowpoetry.clients.reactor.raw.RawClient}, then
 * {@link org.slowpoetry.clients.reactor.raw.PoetrySocket#doRead()} and
 * {@link org.slowpoetry.clients.reactor.raw.BrokenPoetrySocket#doRead()} side by side.
 */
package org.slowpoetry.clients.reactor.raw;

/**
 * Part 5's clients: transports, protocols and protocol factories. {@code reactor} is client 2.0
 * ({@link org.slowpoetry.clients.reactor.protocol.ProtocolClient}), {@code reactor-simple} client
 * 2.1 ({@link org.slowpoetry.clients.reactor.protocol.SimpleClient}). Both connect with the one
 * {@link org.slowpoetry.fetch.PoetryClient} (the factory and the protocol of every version from 2.0
 * on); each version's own part is a {@link org.slowpoetry.fetch.PoemSink}, which counts the poems
 * and stops the reactor itself, the job Part 6 takes away from it.
 *
 * <p>Start reading at {@link org.slowpoetry.clients.reactor.protocol.ProtocolClient#fetch}, then
 * {@code TaskPoetrySink} and {@code SimplePoetrySink}.
 */
package org.slowpoetry.clients.reactor.protocol;

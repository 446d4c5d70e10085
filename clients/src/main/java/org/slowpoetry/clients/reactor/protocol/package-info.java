/**
 * Part 5's clients: transports, protocols and protocol factories. {@code reactor} is client 2.0
 * ({@link org.slowpoetry.clients.reactor.protocol.ProtocolClient}), {@code reactor-simple} client
 * 2.1 ({@link org.slowpoetry.clients.reactor.protocol.SimpleClient}). Both use the shared
 * {@link org.slowpoetry.clients.reactor.PoetryProtocol}; their factories count the poems and stop
 * the reactor themselves, the job Part 6 takes away from them.
 *
 * <p>Start reading at {@link org.slowpoetry.clients.reactor.protocol.ProtocolClient#fetch}, then
 * {@code SimplePoetryFactory} and {@code TaskPoetryFactory}.
 */
package org.slowpoetry.clients.reactor.protocol;

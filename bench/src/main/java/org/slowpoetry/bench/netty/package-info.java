/**
 * Our own small Netty 4.2 poetry servers ({@code --impl netty}, {@code --impl netty-epoll}): the
 * JVM's "what people use today" peer, written the way Netty's documentation builds a server, and
 * registered as {@link org.slowpoetry.servers.ServerImpl} plugins like our own styles.
 */
package org.slowpoetry.bench.netty;

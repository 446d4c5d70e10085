/**
 * The blocking poetry servers of Part 2 (slow) and Part 11 (fast), {@code --impl blocking}: one
 * platform thread, plain {@link java.net.ServerSocket} and {@link java.net.Socket} calls that block,
 * one client at a time. It is the baseline the other impls are measured against: while it sends
 * one poem, every other client waits in the kernel's accept backlog.
 *
 * <p>Start reading at {@link org.slowpoetry.servers.blocking.BlockingServerImpl}; the loop is
 * {@code BlockingPoetryServer.serveForever()}.
 */
package org.slowpoetry.servers.blocking;

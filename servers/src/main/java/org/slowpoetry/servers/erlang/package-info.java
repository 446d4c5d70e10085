/**
 * {@code --impl erlang}: the poetry servers as a supervised process tree (Part 20, exercise 6),
 * built on {@link org.slowpoetry.loom}'s processes, mailboxes, monitors and supervisor. Start with
 * {@link org.slowpoetry.servers.erlang.ErlangPoetryServer}, which draws the tree and owns it, then
 * {@link org.slowpoetry.servers.erlang.ConnectionsProcess}, the process that spawns a monitored
 * process per client and hears each one go down. Each client is served by the same
 * {@link org.slowpoetry.servers.PoemConnection} as the blocking and loom impls; only who runs it
 * differs. {@link org.slowpoetry.servers.erlang.ErlangServerImpl} is the plugin that
 * {@code serve slow|fast --impl erlang} finds.
 */
package org.slowpoetry.servers.erlang;

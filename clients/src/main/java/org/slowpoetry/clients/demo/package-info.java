/**
 * {@code slowpoetry demo}: Parts 1 and 2 in one command. It starts slow servers in-process
 * ({@code DemoServers}), runs each client style against them with a
 * {@link org.slowpoetry.clients.demo.Timeline} listening, and draws the
 * {@link org.slowpoetry.clients.demo.Recording}s with a
 * {@link org.slowpoetry.clients.demo.TimelineRenderer}: Figure 1 from the blocking client, Figure 3
 * from the select client, drawn from real data. A new style joins the demo with
 * {@code --styles blocking,select,NAME}; nothing here needs to change.
 */
package org.slowpoetry.clients.demo;

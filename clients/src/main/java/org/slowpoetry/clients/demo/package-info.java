/**
 * {@code slowpoetry demo}: Parts 1 to 5 in one command. It starts slow servers in-process
 * ({@code DemoServers}), runs each client style against them with a
 * {@link org.slowpoetry.clients.demo.Timeline} listening, and draws the
 * {@link org.slowpoetry.clients.demo.Recording}s with a
 * {@link org.slowpoetry.clients.demo.TimelineRenderer}: Part 1's Figure 1 from the blocking client,
 * Figure 2 from the threaded one, Figure 3 from the select client and from the reactor's client
 * 2.0, and a Loom row, drawn from real data, each under its model's name ({@code Model}). The
 * totals say what each run cost in threads ({@code ThreadMeter}). A new style joins the demo with
 * {@code --styles blocking,select,NAME}; nothing here needs to change.
 */
package org.slowpoetry.clients.demo;

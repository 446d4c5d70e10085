/**
 * The poetry clients' plugin SPI and the {@code get} command. A {@link org.slowpoetry.clients.ClientStyle}
 * is one way of fetching poems ({@code blocking}, {@code select}, and the reactor and Loom styles of
 * later Parts); {@link org.slowpoetry.clients.ClientStyles} finds them on the class path;
 * {@link org.slowpoetry.clients.PoetryLines} words every output line, so all styles print the
 * text's lines the same way; {@link org.slowpoetry.clients.TaskListener} hears every task event,
 * which is how the demo draws its timelines.
 *
 * <p>Start reading at {@link org.slowpoetry.clients.ClientStyle}, then
 * {@link org.slowpoetry.clients.blocking.BlockingClient} and
 * {@link org.slowpoetry.clients.select.SelectClient} (Part 2).
 */
package org.slowpoetry.clients;

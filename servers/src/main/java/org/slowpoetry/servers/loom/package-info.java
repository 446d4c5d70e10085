/**
 * {@code --impl loom}: the poetry servers in Loom style. Start with {@link
 * org.slowpoetry.servers.loom.PoemConnection}, the blocking loop each client gets, then
 * {@link org.slowpoetry.servers.loom.LoomPoetryServer}, which gives every client its own virtual
 * thread inside a {@link java.util.concurrent.StructuredTaskScope} and ends them all on close.
 * {@link org.slowpoetry.servers.loom.LoomServerImpl} is the plugin that {@code serve slow|fast
 * --impl loom} finds.
 *
 * <p>This package uses the preview API {@code StructuredTaskScope} (JDK 25, JEP 505) and needs
 * {@code --enable-preview}, which the build and the launcher pass.
 */
package org.slowpoetry.servers.loom;

/**
 * The plugins of {@code slowpoetry run} (Part 16's {@code IServiceMaker}s), found with
 * {@link java.util.ServiceLoader} from {@code META-INF/services/org.slowpoetry.servers.run.ServiceMaker}:
 * {@code fastpoetry}, {@code slowpoetry}, {@code transform} and {@code proxy}. Each is an options
 * class (a picocli command: the text's options, exercise 16.3's second poem, {@code --impl}) and a
 * maker that builds the tree from {@link org.slowpoetry.servers.service}.
 */
package org.slowpoetry.servers.plugins;

package org.slowpoetry.servers.run;

import org.slowpoetry.service.Service;
import org.slowpoetry.service.ServiceContext;

/**
 * A plugin for {@code slowpoetry run}: a named recipe that turns command-line options into a tree
 * of services. Twisted's {@code IServiceMaker} (Part 16): {@code tapname}, {@code description},
 * {@code options} and {@code makeService}. Plugins are found with {@link java.util.ServiceLoader}:
 * a module lists its makers in {@code META-INF/services/org.slowpoetry.servers.run.ServiceMaker}.
 *
 * {@snippet :
 * public final class FastPoetryMaker implements ServiceMaker<FastPoetryOptions> {
 *     public String name() { return "fastpoetry"; }
 *     public String description() { return "A fast poetry service."; }
 *     public FastPoetryOptions newOptions() { return new FastPoetryOptions(); }
 *     public Service makeService(FastPoetryOptions o, ServiceContext context) { ... }
 * }
 * }
 *
 * <p><b>Logging.</b> The runner loads every plugin, and parses the chosen one's options, before it
 * configures the log ({@code --logfile}): a maker's constructor, its static initialiser and
 * {@link #newOptions()}, and the options class, must not log or get a logger (a static
 * {@code Logger} field counts: getting a logger fixes the log's configuration, and the runner then
 * fails). {@link #makeService} runs once the log is configured; the services it builds may log as
 * they like.
 *
 * <p><b>Threading:</b> the runner calls every method on its main thread, before starting anything.
 *
 * @param <O> the plugin's options: a picocli {@code @Command} object whose fields picocli fills from
 *            the arguments after the plugin's name
 */
public interface ServiceMaker<O> {

    /** The name the plugin is run by: {@code slowpoetry run NAME}. Lowercase, no spaces. */
    String name();

    /** One line for {@code slowpoetry run --help}. */
    String description();

    /** A fresh, unparsed options object. */
    O newOptions();

    /**
     * Builds the top service from parsed options: nothing is started or opened yet (the runner
     * starts it), except that reactor services are built on {@code context.reactor()}.
     *
     * @throws Exception for options that cannot be served (a missing poem file, say); the runner
     *                   reports it in one line and exits non-zero
     */
    Service makeService(O options, ServiceContext context) throws Exception;
}

package org.slowpoetry.servers.run;

import org.slowpoetry.service.Application;
import org.slowpoetry.service.ServiceContext;

/**
 * Where {@code slowpoetry run} gets its application: a plugin with its parsed options
 * ({@link PluginOptions}), or an application file ({@link ApplicationFile}). Built once the log
 * is configured, since building may log, on the runner's context.
 *
 * <p><b>Threading:</b> {@link #build} on the runner's main thread, once.
 */
@FunctionalInterface
interface ApplicationSource {

    /**
     * The application, built and not started.
     *
     * @throws org.slowpoetry.cli.UserException if it cannot be built from what the user gave
     *                                          (a poem file that is missing, say): one line
     */
    Application build(ServiceContext context);
}

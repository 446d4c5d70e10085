package org.slowpoetry.servers.run;

import java.time.Duration;
import org.slowpoetry.service.ServiceException;

/**
 * How a run of an application ended, as {@link LoomRun} and {@link ReactorRun} report it to
 * {@link ApplicationRunner}, which turns it into log lines and an exit status.
 *
 * <p><b>Threading:</b> immutable.
 */
sealed interface RunOutcome {

    /** A signal asked for a stop, and every service stopped cleanly: exit 0. */
    record Stopped(String signal) implements RunOutcome {
    }

    /**
     * The application could not start: a service failed to start (those started before it have
     * been stopped), or the pid file could not be written (and every service has been stopped).
     *
     * @param why a {@link ServiceException} naming the service, or the pid file's I/O error
     */
    record StartFailed(Exception why) implements RunOutcome {
    }

    /** A signal asked for a stop, and a service did not stop cleanly (the others did stop). */
    record StopFailed(ServiceException why) implements RunOutcome {
    }

    /** A signal asked for a stop, and the services had not stopped after {@code limit}. */
    record StopTimedOut(Duration limit) implements RunOutcome {
    }
}

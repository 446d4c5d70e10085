package org.slowpoetry.service;

import java.util.Objects;

/**
 * The root of a running program's services: a name and the one top service, which may be a tree.
 * Twisted's {@code Application} (Part 16), the object a {@code .tac} file builds and {@code twistd}
 * starts; here {@code slowpoetry run} builds it from a plugin or an application file, starts the
 * top service, and stops it on SIGTERM or SIGINT.
 *
 * {@snippet :
 * var top = new LoomMultiService("fastpoetry");
 * // ... add the services ...
 * Application application = Application.of("fastpoetry", top);
 * }
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param name what the program is called in log lines
 * @param top  the service started first and stopped last
 */
public record Application(String name, Service top) {

    public Application {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(top, "top");
    }

    public static Application of(String name, Service top) {
        return new Application(name, top);
    }
}

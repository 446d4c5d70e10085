/**
 * {@code slowpoetry run}, after Part 16's {@code twistd}: it runs an application of services,
 * built by a plugin ({@link org.slowpoetry.servers.run.ServiceMaker}, found with
 * {@link java.util.ServiceLoader}) or by an application file (the {@code .tac} analog, a Java
 * source compiled in memory), as a daemon or in the foreground, with a pid file and a log file
 * rotated by size, and stops it cleanly on SIGTERM or SIGINT.
 */
package org.slowpoetry.servers.run;

/**
 * Services: the parts of a long-running program that start and stop, grouped into trees under an
 * {@link org.slowpoetry.service.Application} (Part 16 of the text, Twisted's
 * {@code twisted.application.service}). A {@link org.slowpoetry.service.Service} is one of two
 * kinds, one per style: a {@link org.slowpoetry.service.LoomService} starts and stops with blocking
 * calls; a {@link org.slowpoetry.service.ReactorService} starts on its event loop and stops with a
 * {@code Deferred}. Multi-services start children in order and stop them in reverse. TCP servers
 * for both styles: {@link org.slowpoetry.service.ReactorTcpServer} and
 * {@link org.slowpoetry.service.LoomTcpServer}.
 * {@code slowpoetry run} (the servers module) is the runner, after {@code twistd}.
 */
package org.slowpoetry.service;

/**
 * Part 3's programs as {@code slowpoetry tour} examples: the first reactor programs, which do
 * nothing, say hello, show the stack a callback runs on, count down and stop, and survive a
 * callback that throws; then the Part's two exercises.
 *
 * <table class="striped">
 *   <caption>The examples, in the text's order</caption>
 *   <tr><th>Example</th><th>The text's program</th><th>Class</th></tr>
 *   <tr><td>{@code simple}</td><td>{@code basic-twisted/simple.py}</td><td>{@link org.slowpoetry.clients.tour.reactor.SimpleExample}</td></tr>
 *   <tr><td>{@code simple-poll}</td><td>{@code basic-twisted/simple-poll.py}</td><td>{@link org.slowpoetry.clients.tour.reactor.SimplePollExample}</td></tr>
 *   <tr><td>{@code hello}</td><td>{@code basic-twisted/hello.py}</td><td>{@link org.slowpoetry.clients.tour.reactor.HelloExample}</td></tr>
 *   <tr><td>{@code stack}</td><td>{@code basic-twisted/stack.py}</td><td>{@link org.slowpoetry.clients.tour.reactor.StackExample}</td></tr>
 *   <tr><td>{@code countdown}</td><td>{@code basic-twisted/countdown.py}</td><td>{@link org.slowpoetry.clients.tour.reactor.CountdownExample}</td></tr>
 *   <tr><td>{@code exception}</td><td>{@code basic-twisted/exception.py}</td><td>{@link org.slowpoetry.clients.tour.reactor.ExceptionExample}</td></tr>
 *   <tr><td>{@code countdown-counters}</td><td>exercise 1</td><td>{@link org.slowpoetry.clients.tour.reactor.CountdownCountersExample}</td></tr>
 *   <tr><td>{@code countdown-looping}</td><td>exercise 2</td><td>{@link org.slowpoetry.clients.tour.reactor.CountdownLoopingExample}</td></tr>
 * </table>
 *
 * <p>Where the text's program runs until you press Control-C, ours stops its reactor after a short
 * while with a {@code callLater}, and says so; where the text waits a second, ours waits a tenth of
 * one. Each opens its own {@link org.slowpoetry.reactor.Reactor} (Twisted's is a singleton you
 * import; ours is an object you open and close) and runs it on the calling thread, as the text's
 * programs run theirs on the main thread.
 */
package org.slowpoetry.clients.tour.reactor;

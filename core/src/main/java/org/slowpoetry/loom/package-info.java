/**
 * Loom style: plain blocking code on virtual threads, organised the way Erlang organises
 * processes (Parts 20 and 21 of the text).
 *
 * <p>Part 20 observes that an Erlang program is "a big collection of little reactors": each
 * process blocks in {@code gen_tcp:recv} or {@code receive} as if it had the machine to itself,
 * while the runtime multiplexes them all over a few OS threads with non-blocking I/O underneath.
 * Part 21 finds the same machinery hidden even deeper in Haskell's lazy I/O. Virtual threads
 * (JDK 21+) give Java that runtime: a virtual thread that blocks on a socket, a lock, a sleep or a
 * mailbox is unmounted from its carrier (platform) thread, which runs another virtual thread
 * meanwhile. The reactor has moved from the program into the JDK, and the program goes back to
 * being straight-line code.
 *
 * <h2>The classes, one idea each</h2>
 * <table class="striped">
 * <caption>Erlang/OTP ideas and their classes here</caption>
 * <thead><tr><th>Idea</th><th>Erlang</th><th>Here</th></tr></thead>
 * <tbody>
 * <tr><td>a message queue with selective receive</td><td>mailbox, {@code receive}</td>
 *     <td>{@link org.slowpoetry.loom.Mailbox}, {@link org.slowpoetry.loom.OverflowPolicy}</td></tr>
 * <tr><td>a lightweight process</td><td>{@code spawn}, {@code Pid}, {@code exit/2}</td>
 *     <td>{@link org.slowpoetry.loom.Pid}, {@link org.slowpoetry.loom.ProcessBody}</td></tr>
 * <tr><td>who owns the processes</td><td>(links, the application)</td>
 *     <td>{@link org.slowpoetry.loom.ProcessScope}</td></tr>
 * <tr><td>being told when a process ends</td><td>{@code spawn_monitor}, {@code 'DOWN'}</td>
 *     <td>{@link org.slowpoetry.loom.Down}, {@link org.slowpoetry.loom.ExitReason},
 *     {@link org.slowpoetry.loom.MonitorRef}, {@link org.slowpoetry.loom.Monitored}</td></tr>
 * <tr><td>restarting what crashed</td><td>OTP {@code supervisor}</td>
 *     <td>{@link org.slowpoetry.loom.Supervisor}, {@link org.slowpoetry.loom.ChildSpec},
 *     {@link org.slowpoetry.loom.Restart}, {@link org.slowpoetry.loom.RestartStrategy},
 *     {@link org.slowpoetry.loom.RestartIntensity}</td></tr>
 * <tr><td>fan-out and fan-in of subtasks</td><td>(a list comprehension of {@code spawn_monitor})</td>
 *     <td>{@link org.slowpoetry.loom.Scopes}, {@link org.slowpoetry.loom.Outcome}
 *     (on {@link java.util.concurrent.StructuredTaskScope})</td></tr>
 * <tr><td>per-task context</td><td>(the process dictionary)</td>
 *     <td>{@link org.slowpoetry.loom.TaskContext} (a {@link java.lang.ScopedValue})</td></tr>
 * </tbody>
 * </table>
 *
 * <h2>Ownership: no thread escapes its owner</h2>
 * Every thread started here has an owner that ends it and waits for it:
 * {@link java.util.concurrent.StructuredTaskScope} for subtasks (closed by the thread that opened
 * it), {@link org.slowpoetry.loom.ProcessScope} for processes, and a
 * {@link org.slowpoetry.loom.Supervisor} for its children. Each is {@link java.lang.AutoCloseable}
 * and its {@code close()} returns only when all its threads have ended, so try-with-resources
 * proves by its shape that nothing leaks. {@code ProcessScope}'s Javadoc explains why processes
 * need an owner more permissive than a structured task scope.
 *
 * <h2>Pinning on JDK 25</h2>
 * A virtual thread is <em>pinned</em> when it blocks but cannot be unmounted, so it holds its
 * carrier thread hostage; enough of them and the few carriers (one per core by default) are all
 * stuck. What is true on JDK 25:
 * <ul>
 * <li><b>{@code synchronized} no longer pins.</b> Since JDK 24 (JEP 491), a virtual thread that
 *     blocks while holding a monitor, blocks to enter one, or waits in {@link Object#wait()} is
 *     unmounted like any other. (The old {@code -Djdk.tracePinnedThreads} option was removed with
 *     it.) This package still uses {@link java.util.concurrent.locks.ReentrantLock} and never
 *     {@code synchronized}, which is the house style, and which keeps the code free of pinning on
 *     JDK 21–23 too.</li>
 * <li><b>Native frames still pin.</b> While a virtual thread is inside a native method (JNI) or a
 *     foreign function (FFM API), and if that native code calls back into Java which then blocks,
 *     the thread cannot unmount: the native frame cannot be moved off the carrier's stack.</li>
 * <li><b>Class initialization still pins.</b> A static initializer ({@code <clinit>}) runs under a
 *     VM frame, so a virtual thread that blocks inside one (on I/O, a lock, a sleep) stays mounted;
 *     so does a virtual thread that waits for another thread to finish initializing a class.
 *     Keep static initializers free of blocking work.</li>
 * <li><b>Some operations hold the carrier without counting as pinned.</b> Most file I/O, for
 *     example, has no non-blocking implementation; the virtual thread stays mounted, and the
 *     scheduler compensates by temporarily adding a carrier thread, so there may briefly be more
 *     carriers than cores.</li>
 * <li><b>What does not pin:</b> blocking on {@code java.net} and {@code java.nio.channels}
 *     sockets (their blocking calls are implemented over the JDK's own poller), on
 *     {@code java.util.concurrent} locks, conditions and queues (hence
 *     {@link org.slowpoetry.loom.Mailbox}), in {@link Thread#sleep}, and in
 *     {@link Thread#join}.</li>
 * </ul>
 * To check a program, record the JFR event {@code jdk.VirtualThreadPinned} with threshold 0 (its
 * default is 20 ms); since JDK 24 it is emitted whenever a virtual thread parks, blocks on a
 * monitor or waits while pinned, with the stack trace showing where. The tests of this package
 * and of the {@code loom} server do exactly that.
 *
 * <h2>Preview API</h2>
 * {@link java.util.concurrent.StructuredTaskScope} is a preview API in JDK 25 (JEP 505): this
 * package compiles and runs with {@code --enable-preview}, and is the only place in slowpoetry
 * (with the programs built on it) that uses it. {@link java.lang.ScopedValue} is final in JDK 25
 * (JEP 506).
 */
package org.slowpoetry.loom;

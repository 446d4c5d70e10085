package org.slowpoetry.clients.reactor.raw;

import java.util.List;
import java.util.Set;
import org.slowpoetry.clients.ClientRun;
import org.slowpoetry.clients.ClientStyle;
import org.slowpoetry.clients.GetOption;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.protocol.Address;

/**
 * Part 4's deliberately broken client ({@code get --style reactor-broken}): client 1.0 whose
 * {@code doRead} reads until the poem ends ({@link BrokenPoetrySocket}). The reactor can only make
 * one callback at a time, so the poems are read one after another, each in a single line:
 *
 * <pre>
 * Task 1: got 3003 bytes of poetry from 127.0.0.1:10000
 * Task 3: got 653 bytes of poetry from 127.0.0.1:10002
 * Task 2: got 623 bytes of poetry from 127.0.0.1:10001
 * </pre>
 *
 * <p>That, the poems' sizes and {@code Got 3 poems in ...} are the original's stdout; it never says
 * {@code Task N finished}. A failed task is one line on stderr, as in client 1.0.
 *
 * <p>Cooperative multitasking only works if every callback cooperates. (It still runs faster than
 * the blocking client: it connects to every server first, and the kernel buffers what the others
 * send meanwhile; with longer poems the buffers fill and that advantage goes.)
 *
 * <p><b>Threading:</b> as {@link RawClient}; its reactor thread blocks in {@code doRead} by design.
 */
public final class BrokenClient implements ClientStyle {

    @Override
    public String name() {
        return "reactor-broken";
    }

    @Override
    public String description() {
        return "client 1.0 made to block: its doRead reads until the poem ends, so the reactor serves"
                + " one socket at a time and the poems arrive one after another (Part 4)";
    }

    @Override
    public Set<GetOption> options() {
        return Set.of(GetOption.PRINT, GetOption.SELECTOR);
    }

    @Override
    public List<TaskOutcome> fetch(List<Address> addresses, ClientRun run) throws InterruptedException {
        return RawClient.fetchWith(BrokenPoetrySocket::new, addresses, run);
    }
}

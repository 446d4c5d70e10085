package org.slowpoetry.servers.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.reactor.Reactor;
import org.slowpoetry.servers.service.PoetryService;
import org.slowpoetry.servers.service.PoetryTcp;
import org.slowpoetry.service.Lifecycle;
import org.slowpoetry.service.LoomMultiService;
import org.slowpoetry.service.LoomService;
import org.slowpoetry.service.ReactorMultiService;
import org.slowpoetry.service.ReactorService;
import org.slowpoetry.service.Service;
import org.slowpoetry.service.ServiceContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code testpoetry}, a plugin for the runner's tests (registered in the test resources): the
 * text's fastpoetry, a poem loaded at start and sent whole to each connection, in either style, on
 * one port or two, and, on request, with a stop that never ends; built on the library's services
 * ({@code PoetryService}, {@code PoetryTcp}), whose {@code NAME listening on HOST:PORT} lines tell
 * the tests their ports.
 *
 * <p><b>Threading:</b> as {@link ServiceMaker}: the runner's main thread.
 */
public final class TestPoetryMaker implements ServiceMaker<TestPoetryMaker.Options> {

    /** The two styles. */
    enum Impl { reactor, loom }

    /** The plugin's options. Written by picocli on the runner's main thread, read there after. */
    @Command(name = "testpoetry")
    public static final class Options {
        @Option(names = {"-p", "--port"}, defaultValue = "0", description = "The port to listen on.")
        int port;

        @Option(names = "--port2", description = "A second port, listened on after the first.")
        Integer port2;

        @Option(names = "--poem", required = true, description = "The file containing the poem.")
        Path poem;

        @Option(names = "--iface", defaultValue = "127.0.0.1", description = "The interface to listen on.")
        String iface;

        @Option(names = "--impl", defaultValue = "reactor", description = "reactor or loom.")
        Impl impl;

        @Option(names = "--hang-on-stop", description = "A service whose stop never ends.")
        boolean hangOnStop;
    }

    /** Used by {@link java.util.ServiceLoader}. */
    public TestPoetryMaker() {
    }

    @Override
    public String name() {
        return "testpoetry";
    }

    @Override
    public String description() {
        return "A poetry service for the runner's tests.";
    }

    @Override
    public Options newOptions() {
        return new Options();
    }

    @Override
    public Service makeService(Options o, ServiceContext context) {
        if (!Files.isReadable(o.poem)) {
            throw new IllegalArgumentException("cannot read the poem " + o.poem);
        }
        var poem = new PoetryService(o.poem);
        return switch (o.impl) {
            case reactor -> {
                Reactor reactor = context.reactor();
                var top = new ReactorMultiService(name(), reactor);
                top.add(poem.reactor("poetry", reactor));
                if (o.hangOnStop) {
                    top.add(new HangingReactorService(reactor));
                }
                top.add(PoetryTcp.fast().reactor("tcp-1", reactor, o.iface, o.port, poem));
                if (o.port2 != null) {
                    top.add(PoetryTcp.fast().reactor("tcp-2", reactor, o.iface, o.port2, poem));
                }
                yield top;
            }
            case loom -> {
                var top = new LoomMultiService(name());
                top.add(poem.loom("poetry"));
                if (o.hangOnStop) {
                    top.add(LoomService.of("hang", Hang.FOREVER));
                }
                top.add(PoetryTcp.fast().loom("tcp-1", o.iface, o.port, poem));
                if (o.port2 != null) {
                    top.add(PoetryTcp.fast().loom("tcp-2", o.iface, o.port2, poem));
                }
                yield top;
            }
        };
    }

    /** A Loom stop step that blocks for good: what the runner's stop timeout is for. */
    enum Hang implements Lifecycle {
        FOREVER;

        @Override
        public void start() {
        }

        @Override
        public void stop() throws InterruptedException {
            new CountDownLatch(1).await();
        }
    }

    /** A reactor service whose stop Deferred never fires (the loop goes on: it is not blocked). */
    static final class HangingReactorService extends ReactorService {
        HangingReactorService(Reactor reactor) {
            super("hang", reactor);
        }

        @Override
        protected void onStart() {
        }

        @Override
        protected Deferred<Void> onStop() {
            return new Deferred<>();
        }
    }
}

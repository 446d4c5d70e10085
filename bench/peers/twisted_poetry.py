#!/usr/bin/env python3
"""The slow and fast poetry servers of Parts 2 and 11, written with Twisted: the peer that
`slowpoetry bench load` measures our Java styles against ("what people use today" in Python).

    python3 twisted_poetry.py --kind fast --port 0 poems/lamplighter.txt
    python3 twisted_poetry.py --kind slow --num-bytes 10 --delay 0.1 poems/lamplighter.txt

Prints "Serving POEM on port N." once listening, like `slowpoetry serve`. Per-connection lines
only with --verbose (the benchmark measures serving, not printing). With --stop-on-eof it stops
when its standard input closes, so a harness that dies never leaves it running. Needs Twisted
(Debian: apt-get install python3-twisted).
"""

import argparse
import sys

from twisted.internet import reactor, stdio
from twisted.internet.protocol import Protocol, ServerFactory


class FastPoetry(Protocol):
    """Part 11: write the whole poem, and close once it has been written."""

    def connectionMade(self):
        self.factory.log("Somebody at %s wants poetry!" % self.peer())
        self.transport.write(self.factory.poem)
        self.transport.loseConnection()

    def peer(self):
        addr = self.transport.getPeer()
        return "%s:%d" % (addr.host, addr.port)


class SlowPoetry(FastPoetry):
    """Part 2: NUM_BYTES now, the next NUM_BYTES DELAY seconds later (reactor.callLater), ..."""

    def connectionMade(self):
        self.factory.log("Somebody at %s wants poetry!" % self.peer())
        self.offset = 0
        self.pending = None
        self.send_some()

    def send_some(self):
        self.pending = None
        poem, n = self.factory.poem, self.factory.num_bytes
        chunk = poem[self.offset:self.offset + n]
        self.offset += len(chunk)
        self.transport.write(chunk)
        self.factory.log("Sending %d bytes" % len(chunk))
        if self.offset < len(poem):
            self.pending = reactor.callLater(self.factory.delay, self.send_some)
        else:
            self.transport.loseConnection()

    def connectionLost(self, reason):
        if self.pending is not None and self.pending.active():
            self.pending.cancel()
            self.factory.log("Lost %s before the poem was done" % self.peer())


class PoetryFactory(ServerFactory):
    def __init__(self, kind, poem, num_bytes, delay, verbose):
        self.protocol = SlowPoetry if kind == "slow" else FastPoetry
        self.poem = poem
        self.num_bytes = num_bytes
        self.delay = delay
        self.verbose = verbose

    def log(self, line):
        if self.verbose:
            print(line, flush=True)


class StopOnEof(Protocol):
    """Standard input as a Twisted protocol: when it closes, stop the reactor."""

    def connectionLost(self, reason):
        if reactor.running:
            reactor.stop()


def positive_int(text):
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("%s is less than 1" % text)
    return value


def seconds(text):
    value = float(text)
    if not value >= 0:
        raise argparse.ArgumentTypeError("'%s' is not a number of seconds >= 0" % text)
    return value


def main():
    parser = argparse.ArgumentParser(description="Twisted slow/fast poetry server (a benchmark peer).")
    parser.add_argument("--kind", choices=["slow", "fast"], default="slow")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--iface", default="127.0.0.1")
    parser.add_argument("--num-bytes", type=positive_int, default=10)
    parser.add_argument("--delay", type=seconds, default=0.1)
    parser.add_argument("--backlog", type=positive_int, default=50,
                        help="listen backlog (Twisted's default is 50)")
    parser.add_argument("--verbose", action="store_true", help="print a line per client and send")
    parser.add_argument("--stop-on-eof", action="store_true", help="stop when stdin closes")
    parser.add_argument("poem")
    args = parser.parse_args()

    try:
        with open(args.poem, "rb") as f:
            poem = f.read()
    except OSError as e:
        sys.exit("twisted_poetry: poem '%s' cannot be read: %s" % (args.poem, e.strerror))
    if not poem:
        sys.exit("twisted_poetry: poem '%s' is empty" % args.poem)

    factory = PoetryFactory(args.kind, poem, args.num_bytes, args.delay, args.verbose)
    port = reactor.listenTCP(args.port, factory, backlog=args.backlog, interface=args.iface)
    print("Serving %s on port %d." % (args.poem, port.getHost().port), flush=True)
    if args.stop_on_eof:
        stdio.StandardIO(StopOnEof())
    reactor.run()


if __name__ == "__main__":
    main()

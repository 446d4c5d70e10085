#!/usr/bin/env python3
"""A Part 12 transformation server written with Twisted, for slowpoetry's interop tests: one
netstring request NAME.POEM, one netstring reply, then close. Knows 'cummingsify' (lower case) and
'upper'. Prints "Serving transforms on PORT." once listening, and stops when stdin closes, so a test
that dies never leaves it running. Needs Twisted (Debian: apt-get install python3-twisted)."""

import sys

from twisted.internet import reactor, stdio
from twisted.internet.protocol import Protocol, ServerFactory
from twisted.protocols.basic import NetstringReceiver

TRANSFORMS = {
    "cummingsify": lambda poem: poem.lower(),
    "upper": lambda poem: poem.upper(),
}


class TransformProtocol(NetstringReceiver):
    def stringReceived(self, request):
        name, dot, poem = request.decode("utf-8").partition(".")
        transform = TRANSFORMS.get(name) if dot else None
        if transform is not None:
            self.sendString(transform(poem).encode("utf-8"))
        self.transport.loseConnection()


class StopOnEof(Protocol):
    def connectionLost(self, reason):
        if reactor.running:
            reactor.stop()


def main():
    factory = ServerFactory()
    factory.protocol = TransformProtocol
    port = reactor.listenTCP(0, factory, interface="127.0.0.1")
    print("Serving transforms on %d." % port.getHost().port, flush=True)
    stdio.StandardIO(StopOnEof())
    reactor.run()


if __name__ == "__main__":
    main()

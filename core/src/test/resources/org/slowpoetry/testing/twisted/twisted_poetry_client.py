#!/usr/bin/env python3
"""A poetry client written with Twisted, for slowpoetry's interop tests: fetches one poem from
127.0.0.1:PORT (read until the server closes) and writes it to stdout; exits 1 with a line on stderr
if the connection fails.

    python3 twisted_poetry_client.py PORT"""

import sys

from twisted.internet import reactor
from twisted.internet.protocol import ClientFactory, Protocol


class PoetryClient(Protocol):
    def connectionMade(self):
        self.chunks = []

    def dataReceived(self, data):
        self.chunks.append(data)

    def connectionLost(self, reason):
        self.factory.poem = b"".join(self.chunks)
        if reactor.running:
            reactor.stop()


class PoetryClientFactory(ClientFactory):
    protocol = PoetryClient
    poem = None

    def clientConnectionFailed(self, connector, reason):
        print("cannot connect: %s" % reason.getErrorMessage(), file=sys.stderr)
        reactor.stop()


def main():
    factory = PoetryClientFactory()
    reactor.connectTCP("127.0.0.1", int(sys.argv[1]), factory, timeout=10)
    reactor.callLater(30, reactor.stop)
    reactor.run()
    if factory.poem is None:
        sys.exit(1)
    sys.stdout.buffer.write(factory.poem)


if __name__ == "__main__":
    main()

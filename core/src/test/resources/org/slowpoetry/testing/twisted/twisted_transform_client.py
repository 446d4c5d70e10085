#!/usr/bin/env python3
"""A Part 12 transformation client written with Twisted, for slowpoetry's interop tests:

    python3 twisted_transform_client.py PORT NAME < poem.txt

sends the poem on stdin as one netstring NAME.POEM to 127.0.0.1:PORT and writes the reply's text to
stdout; exits 1, with a line on stderr, if the server closes without a reply."""

import sys

from twisted.internet import reactor
from twisted.internet.protocol import ClientFactory
from twisted.protocols.basic import NetstringReceiver


class TransformClient(NetstringReceiver):
    reply = None

    def connectionMade(self):
        request = "%s.%s" % (self.factory.name, self.factory.poem)
        self.sendString(request.encode("utf-8"))

    def stringReceived(self, reply):
        self.reply = reply.decode("utf-8")
        self.transport.loseConnection()

    def connectionLost(self, reason):
        self.factory.result = self.reply
        if reactor.running:
            reactor.stop()


class TransformClientFactory(ClientFactory):
    protocol = TransformClient
    result = None

    def __init__(self, name, poem):
        self.name = name
        self.poem = poem

    def clientConnectionFailed(self, connector, reason):
        print("cannot connect: %s" % reason.getErrorMessage(), file=sys.stderr)
        reactor.stop()


def main():
    port, name = int(sys.argv[1]), sys.argv[2]
    factory = TransformClientFactory(name, sys.stdin.read())
    reactor.connectTCP("127.0.0.1", port, factory, timeout=10)
    reactor.callLater(30, reactor.stop)
    reactor.run()
    if factory.result is None:
        print("no reply", file=sys.stderr)
        sys.exit(1)
    sys.stdout.write(factory.result)


if __name__ == "__main__":
    main()

/**
 * JMH microbenchmarks of the building blocks of both styles ({@code slowpoetry bench jmh}):
 * netstring decoding, Deferred against CompletableFuture chains, Mailbox against the JDK's queues
 * between virtual threads, and a StructuredTaskScope fork against a reactor callLater.
 */
package org.slowpoetry.bench.jmh;

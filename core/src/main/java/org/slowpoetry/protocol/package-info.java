/**
 * Wire formats shared by every server and client, in both styles (reactor and Loom): each codec is
 * an incremental, single-owner state machine fed arbitrary chunks, with no threads or I/O of its own.
 *
 * <ul>
 *   <li>{@link org.slowpoetry.protocol.PoetryProtocol} and
 *       {@link org.slowpoetry.protocol.PoemAccumulator}: the poem-until-close protocol of Parts 2–11,
 *       and why it cannot tell a whole poem from a cut one.</li>
 *   <li>{@link org.slowpoetry.protocol.NetstringDecoder} and
 *       {@link org.slowpoetry.protocol.NetstringEncoder}: the length-prefixed framing of Part 12's
 *       transformation protocol.</li>
 *   <li>{@link org.slowpoetry.protocol.PoemFraming}: a poem as the text sends it, or as one
 *       netstring (Part 12, exercise 6).</li>
 *   <li>{@link org.slowpoetry.protocol.LineSplitter}: lines as they arrive, for Part 21's per-line
 *       client.</li>
 *   <li>{@link org.slowpoetry.protocol.Address}: the {@code [HOST:]PORT} arguments every client
 *       takes.</li>
 * </ul>
 *
 * <p>Bad bytes from a peer throw a {@link org.slowpoetry.protocol.ProtocolException} naming the
 * problem and its stream offset; misuse by the caller (feeding a finished or failed codec) throws
 * {@link java.lang.IllegalStateException}.
 */
package org.slowpoetry.protocol;

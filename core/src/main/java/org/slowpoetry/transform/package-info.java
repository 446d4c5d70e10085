/**
 * Poetry transformations (Parts 10 and 12), written once and shared by the clients of both styles
 * and by the transformation servers: {@link org.slowpoetry.transform.Cummingsify} and its
 * unreliable twin {@link org.slowpoetry.transform.FlakyCummingsifier}; our own
 * {@link org.slowpoetry.transform.Transforms}; the named set a server offers,
 * {@link org.slowpoetry.transform.TransformRegistry}, and the
 * {@link org.slowpoetry.transform.TransformService} that runs them, synchronously or not (a
 * {@link org.slowpoetry.transform.Transformer}, what a transform server serves); and the
 * two request formats, {@link org.slowpoetry.transform.TransformRequest} (the text's netstring
 * {@code NAME.POEM}) and {@link org.slowpoetry.transform.LineRequest} (our one-line protocol).
 *
 * <p><b>Threading:</b> see each type.
 */
package org.slowpoetry.transform;

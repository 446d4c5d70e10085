/**
 * Poetry transformations (Parts 10 and 12), written once and shared by the clients of both styles
 * and by the transformation server: {@link org.slowpoetry.transform.Cummingsify} and its
 * unreliable twin {@link org.slowpoetry.transform.FlakyCummingsifier}.
 *
 * <p><b>Threading:</b> see each type.
 */
package org.slowpoetry.transform;

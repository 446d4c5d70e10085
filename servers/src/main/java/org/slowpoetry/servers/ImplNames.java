package org.slowpoetry.servers;

import java.util.Iterator;

/**
 * The {@code --impl} names on the class path, for picocli's {@code ${COMPLETION-CANDIDATES}}.
 *
 * <p><b>Threading:</b> stateless; each iteration loads the plugins afresh.
 */
final class ImplNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return ServerImpls.all().stream().map(ServerImpl::name).iterator();
    }
}

package org.slowpoetry.servers.proxy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slowpoetry.fetch.FailureText;
import org.slowpoetry.fetch.FetchFailure;

/**
 * {@link ProxyEvents#logging}: the text's proxy lines as log lines (info), our additions at debug
 * and warn. Where it listens is not logged here: the TCP service running the proxy logs it.
 *
 * <p><b>Threading:</b> thread-safe: stateless, and slf4j loggers are.
 */
final class LoggingProxyEvents implements ProxyEvents {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingProxyEvents.class);

    @Override
    public void usingCache() {
        LOG.info("using cached poem");
    }

    @Override
    public void fetching() {
        LOG.info("fetching poem from server");
    }

    @Override
    public void joined() {
        LOG.debug("waiting for the poem being fetched");
    }

    @Override
    public void cancelling() {
        LOG.info("canceling poem download");
    }

    @Override
    public void failed(FetchFailure failure) {
        LOG.warn("poem download failed: {}; its clients get no poem", FailureText.reason(failure));
    }
}

package dev.dealeval.config;

import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The byte counters of the HTTP servers as one meter: with the management listener (probes and
 * metrics on a port of their own) Vert.x reports them once without a {@code server_port} tag and
 * once with it ({@code server.port}), and the Prometheus registry refuses a name with two sets of tag keys, failing the
 * management listener's start.
 */
public class MetricsFilters {
    @Produces
    @Singleton
    MeterFilter oneSetOfServerTags() {
        return MeterFilter.ignoreTags("server.port", "server_port");
    }
}

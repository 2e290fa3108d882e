package org.netweave.manager.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.javalin.http.HandlerType;
import io.javalin.http.RequestLogger;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.netweave.manager.controllers.ControllerView;
import org.netweave.proto.manager.v1.HostCounters;

/**
 * The manager's meters. Counters that live elsewhere — a controller's slices, a host's datapath
 * — are read when Prometheus scrapes, from what the manager last heard, so nothing here polls.
 */
public final class ManagerMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final HostDatapathMeters hosts;
    private final Timer realizationLag;
    private final MultiGauge controllerSlices;
    private final MultiGauge controllerSessions;
    private final MultiGauge refusedHostClaims;
    private volatile Supplier<List<ControllerView>> controllers = List::of;

    public ManagerMetrics() {
        realizationLag = Timer.builder("netweave.realization.lag")
                .description("From the manager computing a host's new configuration to the host reporting it applied")
                .publishPercentiles(0.5, 0.99).register(registry);
        hosts = new HostDatapathMeters(registry);
        controllerSlices = MultiGauge.builder("netweave.controller.assigned.slices")
                .description("Slices the newest assignment gives each controller node, per sharding role").register(registry);
        controllerSessions = MultiGauge.builder("netweave.controller.host.sessions")
                .description("Host sessions open at each controller node").register(registry);
        refusedHostClaims = MultiGauge.builder("netweave.controller.refused.host.claims")
                .description("Host claims (joins, MACs, IP bindings) each controller node refused since it started,"
                        + " by reason").register(registry);
    }

    /** {@code GET /metrics}, in Prometheus's text exposition format. */
    public Endpoint endpoint() {
        return new Endpoint(HandlerType.GET, "/metrics", ctx -> {
            refreshControllers();
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
        }, Set.of());
    }

    /** Times every API request by method, route template and status. */
    public RequestLogger requestLogger() {
        return (ctx, millis) -> {
            String route;
            try {
                route = ctx.endpoint().path;
            } catch (RuntimeException noEndpointMatched) {
                route = "unmatched";
            }
            if (route.equals("/metrics")) {
                return;
            }
            Timer.builder("netweave.api.requests").description("API requests, by route template and status")
                    .tags("method", ctx.method().name(), "route", route, "status", Integer.toString(ctx.statusCode()))
                    .register(registry).record(Duration.ofNanos((long) (millis * 1_000_000)));
        };
    }

    public void jobFinished(String kind, String outcome, long nanos) {
        Timer.builder("netweave.jobs").description("Job durations, by kind and outcome")
                .tags("kind", kind, "outcome", outcome).register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    public void realized(long lagNanos) {
        realizationLag.record(lagNanos, TimeUnit.NANOSECONDS);
    }

    public void hostCounters(HostCounters report) {
        hosts.update(report);
    }

    /** Where the controllers' assigned slices and host sessions come from; read at each scrape. */
    public void controllers(Supplier<List<ControllerView>> source) {
        this.controllers = source;
    }

    private void refreshControllers() {
        List<ControllerView> running = controllers.get().stream().filter(v -> v.runtime() != null && v.runtime().up())
                .toList();
        controllerSlices.register(running.stream().flatMap(v -> v.runtime().assignedSlices().entrySet().stream()
                .map(e -> MultiGauge.Row.of(Tags.of("controller", v.id().value(), "role", e.getKey()), e.getValue())))
                .toList(), true);
        controllerSessions.register(running.stream().map(v -> MultiGauge.Row.of(Tags.of("controller", v.id().value()),
                v.runtime().hostSessions())).toList(), true);
        refusedHostClaims.register(running.stream().flatMap(v -> v.runtime().refusedHostClaims().entrySet().stream()
                .map(e -> MultiGauge.Row.of(Tags.of("controller", v.id().value(), "reason", e.getKey()), e.getValue())))
                .toList(), true);
    }
}

package org.netweave.controlvm;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.grpc.Channel;
import io.grpc.Context;
import io.grpc.StatusRuntimeException;
import org.netweave.controller.client.ControllerChannels;
import org.netweave.controller.client.ControllerWriter;
import org.netweave.model.InvalidValueException;
import org.netweave.proto.controller.v1.WriteResult;
import org.netweave.proto.manager.v1.ControlVmConfig;
import org.netweave.proto.manager.v1.ControlVmManagerChannelGrpc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control VM's worker: for each configuration it computes the forwarding table, reports to
 * the manager, and, when the manager allows it and this is the active control VM, pushes the table
 * to the DLR's owning controller and reports the outcome.
 *
 * <p>It runs on its own {@link SerialThread}, so a slow controller (a push waits up to the write
 * deadline) never holds up the manager stream. A configuration waiting while a push is under way
 * is replaced by a newer one: only the newest is ever pushed next. A push that no controller
 * applied is tried again after a backoff, unless a newer configuration came meanwhile. Only
 * {@link #offer} is called from other threads; all other state is confined to the thread.
 */
final class TablePublisher {
    private static final Logger LOG = LoggerFactory.getLogger(TablePublisher.class);
    /** A status report is small; a manager that cannot take it in this time will get the next one. */
    private static final long REPORT_TIMEOUT_MS = 5_000;

    private final ControlVmSettings settings;
    private final ControllerChannels channels;
    private final ControlVmManagerChannelGrpc.ControlVmManagerChannelBlockingStub manager;
    private final SerialThread thread;
    private final Context lifetime;
    private final AtomicReference<ControlVmView> view;
    private final AtomicReference<ControlVmConfig> pending = new AtomicReference<>();

    private RoutingConfig held;
    private ForwardingTableResult table = new ForwardingTableResult(List.of(), List.of());
    private Publication publication = Publication.NO_CONFIGURATION;
    private long publishedGeneration;
    private int publishedRoutes;
    private ControllerWriter writer;
    private List<String> writerControllers = List.of();
    private Duration retryDelay;
    private HaAgent ha;
    private boolean paired;

    TablePublisher(ControlVmSettings settings, Channel manager, ControllerChannels channels, SerialThread thread,
            Context lifetime, AtomicReference<ControlVmView> view) {
        this.settings = settings;
        this.channels = channels;
        this.manager = ControlVmManagerChannelGrpc.newBlockingStub(manager);
        this.thread = thread;
        this.lifetime = lifetime;
        this.view = view;
        this.retryDelay = settings.backoff().initial();
    }

    /** The HA pair's heartbeat, set once before the first configuration can arrive. */
    void useHa(HaAgent agent) {
        this.ha = agent;
    }

    /** The HA role changed (from the heartbeat's thread): publish now if this became the active one. */
    void haChanged(HaRole ignored) {
        thread.execute(() -> {
            if (held == null || !paired) {
                return;
            }
            // Callbacks come from two threads and may arrive out of order: act on the role as it is now.
            HaRole role = ha.role();
            if (!held.publish()) {
                return;
            }
            if (role.active() && publication == Publication.STANDBY) {
                publication = Publication.PUSHING;
                LOG.info("{}: active for {} (HA term {}): pushing the forwarding table", settings.vmId(), held.dlr(),
                        role.term());
                push(held);
                return;
            }
            if (!role.active()) {
                publication = Publication.STANDBY;
            } else if (publication == Publication.RETRYING || publication == Publication.REFUSED) {
                push(held);
                return;
            }
            show(table.unresolvedSummary());
            report(table.unresolvedSummary());
        });
    }

    /** Takes a configuration from any thread without waiting; it replaces one that is still waiting. */
    void offer(ControlVmConfig config) {
        if (pending.getAndSet(config) == null) {
            thread.execute(this::takePending);
        }
    }

    private void takePending() {
        ControlVmConfig config = pending.getAndSet(null);
        if (config != null) {
            process(config);
        }
    }

    private void process(ControlVmConfig wire) {
        RoutingConfig config;
        try {
            config = ProtoTranslation.config(wire);
            if (!config.dlr().equals(settings.dlr())) {
                throw new InvalidValueException("dlrId", config.dlr().value(), "is not " + settings.dlr()
                        + ", the DLR this control VM serves");
            }
        } catch (InvalidValueException e) {
            String error = "configuration generation " + wire.getGeneration() + " refused: " + e.getMessage();
            LOG.warn("{}: {}", settings.vmId(), error);
            show(error);
            report(error);
            return;
        }
        held = config;
        table = config.forwardingTable();
        retryDelay = settings.backoff().initial();
        HaSettings haSettings = HaSettings.of(wire);
        paired = haSettings.paired() && ha != null;
        if (paired) {
            ha.configure(haSettings, config.active());
        }
        publication = !config.publish() ? Publication.NOT_PUBLISHING
                : !isActive(config) ? Publication.STANDBY : Publication.PUSHING;
        LOG.info("{}: configuration generation {} received: {} LIF(s), {} static route(s), a forwarding table of {} "
                + "route(s){}; {}", settings.vmId(), config.generation(), config.lifs().size(),
                config.staticRoutes().size(), table.routes().size(),
                table.unresolved().isEmpty() ? "" : " (" + table.unresolved().size() + " left out)", publication);
        if (!table.unresolved().isEmpty()) {
            LOG.warn("{}: {}", settings.vmId(), table.unresolvedSummary());
        }
        show(table.unresolvedSummary());
        report(table.unresolvedSummary());
        if (publication == Publication.PUSHING) {
            push(config);
        }
    }

    private void push(RoutingConfig config) {
        if (config.controllers().isEmpty()) {
            refused("configuration generation " + config.generation() + " names no controllers");
            return;
        }
        WriteResult result;
        try {
            result = writerFor(config.controllers()).pushForwardingTable(config.dlr(), settings.vmId(),
                    ProtoTranslation.toWire(table.routes()));
        } catch (RuntimeException e) {
            // The writer gives up with an IllegalStateException at its deadline; anything else it throws
            // is as transient for us, and a control VM that stopped pushing would strand its DLR.
            notApplied(config, Objects.requireNonNullElse(e.getMessage(), e.toString()));
            return;
        }
        switch (result.getOutcomeCase()) {
            case APPLIED -> applied(config);
            case REFUSED -> refused("the DLR's controller refused the forwarding table of generation "
                    + config.generation() + ": " + result.getRefused().getReason() + ": " + result.getRefused().getDetail());
            case REDIRECT, OUTCOME_NOT_SET -> notApplied(config, "the controller writer answered " + result);
        }
    }

    private void applied(RoutingConfig config) {
        publishedGeneration = config.generation();
        publishedRoutes = table.routes().size();
        publication = Publication.APPLIED;
        LOG.info("{}: forwarding table of {} routes (generation {}) applied by {}'s controller", settings.vmId(),
                publishedRoutes, publishedGeneration, config.dlr());
        show(table.unresolvedSummary());
        report(table.unresolvedSummary());
    }

    /** The controller's answer is final for this generation; the manager's next one is pushed anew. */
    private void refused(String why) {
        publication = Publication.REFUSED;
        LOG.warn("{}: {}", settings.vmId(), why);
        String error = errors(why, table.unresolvedSummary());
        show(error);
        report(error);
    }

    private void notApplied(RoutingConfig config, String why) {
        if (lifetime.isCancelled()) {
            return;
        }
        publication = Publication.RETRYING;
        String error = "the forwarding table of generation " + config.generation() + " was not applied; retrying in "
                + retryDelay.toMillis() + " ms: " + why;
        LOG.warn("{}: {}", settings.vmId(), error);
        show(errors(error, table.unresolvedSummary()));
        report(errors(error, table.unresolvedSummary()));
        thread.schedule(() -> {
            // A control VM demoted meanwhile must not push: the new active one does.
            if (held == config && pending.get() == null && publication == Publication.RETRYING && isActive(config)) {
                push(config);
            }
        }, retryDelay);
        retryDelay = settings.backoff().after(retryDelay);
    }

    /** In an HA pair the heartbeat decides; the manager's flag is only the role it starts in. */
    private boolean isActive(RoutingConfig config) {
        return paired ? ha.role().active() : config.active();
    }

    /** A writer per controller list: the manager may add, remove or move controllers. */
    private ControllerWriter writerFor(List<String> controllers) {
        if (writer == null || !controllers.equals(writerControllers)) {
            writer = new ControllerWriter(controllers, channels, settings.space(), settings.writeDeadline());
            writerControllers = controllers;
        }
        return writer;
    }

    private void show(String error) {
        long configGeneration = held == null ? 0 : held.generation();
        view.updateAndGet(v -> new ControlVmView(v.connectedToManager(), configGeneration, publishedGeneration,
                publication, table.routes(), table.unresolved(), error.isEmpty() ? Optional.empty() : Optional.of(error)));
    }

    /**
     * Tells the manager where this control VM stands. A report lost to a manager that is away is not
     * repeated: the manager sends the configuration again when the stream reconnects, and the report
     * that follows it is complete.
     */
    private void report(String error) {
        try {
            HaRole role = paired ? ha.role() : null;
            boolean active = role != null ? role.active() : held == null || held.active();
            manager.withDeadlineAfter(REPORT_TIMEOUT_MS, TimeUnit.MILLISECONDS).reportStatus(ProtoTranslation.status(
                    settings.vmId(), settings.dlr(), held == null ? 0 : held.generation(), publishedGeneration,
                    publishedRoutes, error, active, role == null ? 0 : role.term()));
        } catch (StatusRuntimeException e) {
            if (!lifetime.isCancelled()) {
                LOG.warn("{}: the manager did not take a status report: {}", settings.vmId(), e.getStatus());
            }
        }
    }

    private static String errors(String... errors) {
        return Stream.of(errors).filter(e -> !e.isEmpty()).collect(Collectors.joining("; "));
    }
}

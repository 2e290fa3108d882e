package org.netweave.manager.controllers;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.netweave.model.ControllerId;

/**
 * Controllers that run outside the manager (their own processes or VMs, on an ensemble the
 * operator set up): the manager adopts them as they are and cannot deploy or remove them.
 */
public final class ExternalControllerFleet implements ControllerFleet {
    private final Map<ControllerId, String> addresses;
    private final List<ControllerId> order;

    /** @param addresses each controller's host-facing gRPC address, in the order hosts should try them */
    public ExternalControllerFleet(Map<ControllerId, String> addresses) {
        this.addresses = Map.copyOf(addresses);
        this.order = addresses.keySet().stream().sorted().toList();
    }

    @Override
    public String deploy(ControllerId id) {
        throw new UnsupportedOperationException("the controllers of this manager run outside it; deploy "
                + id + " where they run and restart the manager with it in the list");
    }

    @Override
    public void remove(ControllerId id, boolean force) {
        throw new UnsupportedOperationException("the controllers of this manager run outside it; stop " + id
                + " where it runs");
    }

    @Override
    public boolean contains(ControllerId id) {
        return addresses.containsKey(id);
    }

    @Override
    public List<ControllerId> ids() {
        return order;
    }

    @Override
    public Optional<String> address(ControllerId id) {
        return Optional.ofNullable(addresses.get(id));
    }

    @Override
    public Optional<ControllerRuntime> runtime(ControllerId id) {
        // What an external node says about itself is not visible from here (its status API is issue 5's CLI).
        return Optional.empty();
    }

    @Override
    public List<String> addresses() {
        return order.stream().map(addresses::get).toList();
    }

    @Override
    public void close() {
    }
}

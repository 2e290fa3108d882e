package org.netweave.cli.allinone;

import java.time.Duration;
import java.util.function.Supplier;

import org.netweave.manager.api.ApiException;
import org.netweave.manager.api.ApiRegistry;
import org.netweave.manager.api.ApiRoutes;
import org.netweave.manager.api.RequestBodies;
import org.netweave.manager.inventory.InventoryService;
import org.netweave.model.InvalidValueException;
import org.netweave.model.VmId;

/**
 * {@code POST /vms/{id}/ping}: what an operator does from a VM's console in a lab, served only by
 * the all-in-one, where the guests are emulated in the same process.
 */
final class GuestRoutes implements ApiRoutes {
    /** A ping must end well within the CLI's 60 s request timeout. */
    static final Duration LONGEST_PING = Duration.ofSeconds(55);

    private final Supplier<LabGuests> guests;
    private final InventoryService inventory;

    /** @param guests the lab's guests; null while the hosts start or after the lab stopped (503) */
    GuestRoutes(Supplier<LabGuests> guests, InventoryService inventory) {
        this.guests = guests;
        this.inventory = inventory;
    }

    @Override
    public void register(ApiRegistry api) {
        api.post("/vms/{id}/ping", "Ping from the VM's guest (all-in-one mode): 200 with what came back, replies or not;"
                        + " 404 for an unknown VM, 409 for one without a running guest",
                VmPingRequest.class, VmPingReport.class, 200, ctx -> {
                    VmId vm = vmId(ctx.pathParam("id"));
                    if (inventory.vm(vm).isEmpty()) {
                        throw ApiException.notFound("id", "VM", vm);
                    }
                    VmPingRequest request = RequestBodies.decode(ctx, VmPingRequest.class);
                    var target = request.toTarget();
                    int count = request.toCount();
                    Duration interval = request.toInterval();
                    Duration timeout = request.toTimeout();
                    if (interval.multipliedBy(count).plus(timeout).compareTo(LONGEST_PING) > 0) {
                        throw ApiException.invalid("count", "count × intervalMillis + timeoutMillis must stay within "
                                + LONGEST_PING.toSeconds() + " s");
                    }
                    LabGuests running = guests.get();
                    if (running == null) {
                        throw ApiException.unavailable("the lab's hosts are starting or stopping");
                    }
                    var host = running.hostOf(vm).orElseThrow(() -> ApiException.conflict("id", vm
                            + " has no running guest: it must be a powered-on workload VM with an addressed vNIC on a"
                            + " logical switch"));
                    try {
                        ctx.json(VmPingReport.of(vm, host.value(), running.ping(vm, target, count, interval, timeout)));
                    } catch (IllegalArgumentException | IllegalStateException e) {
                        throw ApiException.conflict("id", e.getMessage());
                    }
                });
    }

    private static VmId vmId(String text) {
        try {
            return VmId.of(text);
        } catch (InvalidValueException e) {
            throw ApiException.invalid("id", e.getMessage());
        }
    }
}

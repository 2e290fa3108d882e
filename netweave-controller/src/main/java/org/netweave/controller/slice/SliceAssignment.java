package org.netweave.controller.slice;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import org.netweave.model.ControllerId;
import org.netweave.model.DlrId;
import org.netweave.model.Vni;

/**
 * The controller assignment list of one role as its master published it: the owner of every
 * slice, the address hosts use to reach each node, and the fencing epoch.
 *
 * @param epoch      grows by one with every publication; a write that carries an older epoch
 *                   is refused by the owner
 * @param owners     {@code owners.get(slice)} owns that slice; empty when no node is live
 * @param addresses  the host-facing address ("host:port") of every node in {@code owners}
 * @param registrations the zxid of every node's registration that this assignment was computed
 *                   from; a node acts as owner only while its current registration is the one named
 * @param failed     nodes that owned slices in the previous epoch and are gone in this one
 */
public record SliceAssignment(Role role, long epoch, List<ControllerId> owners,
                              SortedMap<ControllerId, String> addresses, SortedMap<ControllerId, Long> registrations,
                              Set<ControllerId> failed) {

    public SliceAssignment {
        owners = List.copyOf(owners);
        addresses = new TreeMap<>(addresses);
        registrations = new TreeMap<>(registrations);
        failed = Set.copyOf(new TreeSet<>(failed));
        for (ControllerId owner : owners) {
            if (!addresses.containsKey(owner)) {
                throw new IllegalArgumentException("owner " + owner + " has no address in the assignment");
            }
        }
    }

    /** The state before a role master has published anything: epoch 0, nobody owns anything. */
    public static SliceAssignment none(Role role) {
        return new SliceAssignment(role, 0, List.of(), new TreeMap<>(), new TreeMap<>(), Set.of());
    }

    public boolean isAssigned() {
        return !owners.isEmpty();
    }

    public Optional<ControllerId> ownerOf(int slice) {
        return owners.isEmpty() ? Optional.empty() : Optional.of(owners.get(slice));
    }

    public Optional<ControllerId> ownerOf(Vni vni, SliceSpace space) {
        return ownerOf(space.sliceOf(vni));
    }

    public Optional<ControllerId> ownerOf(DlrId dlr, SliceSpace space) {
        return ownerOf(space.sliceOf(dlr));
    }

    public Optional<Long> registrationOf(ControllerId node) {
        return Optional.ofNullable(registrations.get(node));
    }

    public Optional<String> addressOf(ControllerId node) {
        return Optional.ofNullable(addresses.get(node));
    }

    public List<Integer> slicesOf(ControllerId node) {
        List<Integer> slices = new ArrayList<>();
        for (int slice = 0; slice < owners.size(); slice++) {
            if (owners.get(slice).equals(node)) {
                slices.add(slice);
            }
        }
        return slices;
    }

    /** Slice count per node, for the status views and the balance checks. */
    public SortedMap<ControllerId, Integer> sliceCounts() {
        SortedMap<ControllerId, Integer> counts = new TreeMap<>();
        for (ControllerId node : addresses.keySet()) {
            counts.put(node, 0);
        }
        for (ControllerId owner : owners) {
            counts.merge(owner, 1, Integer::sum);
        }
        return counts;
    }

    public Map<ControllerId, String> nodes() {
        return addresses;
    }
}

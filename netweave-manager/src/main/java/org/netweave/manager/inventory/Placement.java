package org.netweave.manager.inventory;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;

import org.netweave.model.HostId;

/**
 * Where a VM goes when only a cluster is given, as DRS's initial placement would put it: a powered-on
 * host, the one with the fewest VMs, ties to the lowest id in natural order (host-2 before
 * host-10), never a host that runs a VM an anti-affinity rule keeps apart from this one. Pure; the
 * callers gather the candidates and the excluded hosts.
 */
public final class Placement {
    /** A host the VM may go to, with the number of VMs it runs now. */
    public record Candidate(HostId host, boolean poweredOn, int vmCount) {
    }

    private static final Comparator<Candidate> LEAST_LOADED = Comparator.comparingInt(Candidate::vmCount)
            .thenComparing(NaturalOrder.by(Candidate::host));

    private Placement() {
    }

    /**
     * @param excluded hosts that run a VM this one must be kept apart from (anti-affinity), or that
     *                 the caller rules out for another reason
     * @return the chosen host, or empty when no powered-on host is left
     */
    public static Optional<HostId> choose(Collection<Candidate> candidates, Set<HostId> excluded) {
        return candidates.stream()
                .filter(Candidate::poweredOn)
                .filter(candidate -> !excluded.contains(candidate.host()))
                .min(LEAST_LOADED)
                .map(Candidate::host);
    }
}

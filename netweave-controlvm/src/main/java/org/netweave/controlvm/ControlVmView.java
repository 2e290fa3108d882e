package org.netweave.controlvm;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A read-only snapshot of a control VM, for tests and the CLI.
 *
 * @param connectedToManager  the current Connect stream has delivered a configuration and not ended
 * @param configGeneration    the generation of the configuration held, 0 before the first; kept
 *                            while the manager is away
 * @param publishedGeneration the generation whose table the DLR's owning controller applied, 0 until one was
 * @param forwardingTable     the table computed from the held configuration, whether or not it is published
 * @param unresolved          the configured routes left out of that table
 * @param lastError           what the last status report said went wrong, if anything: routes left out,
 *                            a refused or unapplied push, or a configuration that could not be read
 */
public record ControlVmView(boolean connectedToManager, long configGeneration, long publishedGeneration,
        Publication publication, List<ForwardingRoute> forwardingTable, List<UnresolvedRoute> unresolved,
        Optional<String> lastError) {
    static final ControlVmView INITIAL = new ControlVmView(false, 0, 0, Publication.NO_CONFIGURATION, List.of(),
            List.of(), Optional.empty());

    public ControlVmView {
        Objects.requireNonNull(publication, "publication");
        forwardingTable = List.copyOf(forwardingTable);
        unresolved = List.copyOf(unresolved);
        Objects.requireNonNull(lastError, "lastError");
    }

    ControlVmView withConnected(boolean connected) {
        return new ControlVmView(connected, configGeneration, publishedGeneration, publication, forwardingTable,
                unresolved, lastError);
    }
}

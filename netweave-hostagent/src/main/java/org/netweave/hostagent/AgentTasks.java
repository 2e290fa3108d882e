package org.netweave.hostagent;

import org.netweave.model.HostId;
import org.slf4j.Logger;

/** What the agent's scheduled work shares. */
final class AgentTasks {
    private AgentTasks() {
    }

    /**
     * An executor keeps a task's exception to itself, and one ends a fixed-delay schedule for
     * good; a task run through this logs its failure and its schedule goes on.
     */
    static Runnable guarded(Logger log, HostId host, String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("{}: {} failed", host, what, e);
            }
        };
    }
}

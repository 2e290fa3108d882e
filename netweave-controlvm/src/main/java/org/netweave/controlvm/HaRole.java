package org.netweave.controlvm;

import java.time.Duration;
import java.time.Instant;

import org.netweave.proto.manager.v1.HaBeat;

/**
 * Where one control VM of an HA pair stands, as a pure value: active or standby, the term, and
 * when it last heard its peer. The standby takes over when the peer has been silent for the dead
 * time (NSX-V: heartbeat every 3 s, dead after 15 s); two control VMs that both think they are
 * active settle on the higher term, or the lower VM id on a tie, the moment they hear each other.
 *
 * @param lastHeard when the peer's last heartbeat (or its answer to ours) arrived; the standby's
 *                  clock for the dead time starts when it takes the role
 */
public record HaRole(String self, boolean active, long term, Instant lastHeard, Duration deadTime) {

    /** The role the manager gave this control VM at first. */
    public static HaRole initial(String self, boolean active, Instant now, Duration deadTime) {
        return new HaRole(self, active, 1, now, deadTime);
    }

    /**
     * The peer's state arrived (its heartbeat, or its answer to ours). Only an active peer keeps a
     * standby's dead-time clock from running out: two standbys hearing each other would otherwise
     * wait for each other forever; of two standbys, the lower VM id takes over at once.
     */
    public HaRole heard(HaBeat peer, Instant now) {
        if (active && peer.getActive()) {
            boolean peerWins = peer.getTerm() > term
                    || (peer.getTerm() == term && peer.getVmId().compareTo(self) < 0);
            return peerWins ? new HaRole(self, false, peer.getTerm(), now, deadTime)
                    : new HaRole(self, true, term, now, deadTime);
        }
        long newTerm = Math.max(term, peer.getTerm());
        if (!active && !peer.getActive()) {
            return self.compareTo(peer.getVmId()) < 0 ? new HaRole(self, true, newTerm + 1, now, deadTime)
                    : new HaRole(self, false, newTerm, lastHeard, deadTime);
        }
        return new HaRole(self, active, newTerm, peer.getActive() ? now : lastHeard, deadTime);
    }

    /** Time passed without news: a standby whose peer was silent for the dead time takes over. */
    public HaRole tick(Instant now) {
        if (!active && Duration.between(lastHeard, now).compareTo(deadTime) >= 0) {
            return new HaRole(self, true, term + 1, now, deadTime);
        }
        return this;
    }

    public HaBeat beat() {
        return HaBeat.newBuilder().setVmId(self).setActive(active).setTerm(term).build();
    }

    public HaRole withDeadTime(Duration newDeadTime) {
        return new HaRole(self, active, term, lastHeard, newDeadTime);
    }
}

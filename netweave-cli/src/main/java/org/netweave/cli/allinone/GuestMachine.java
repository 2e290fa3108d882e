package org.netweave.cli.allinone;

import java.time.Duration;

import org.netweave.dataplane.emulated.PingResult;
import org.netweave.model.HostId;
import org.netweave.model.Ipv4Address;

/**
 * A VM's guest operating system as the lab runs it: an emulated endpoint, or a network namespace
 * on real Open vSwitch. It is started on one host and may move (vMotion) with its state.
 */
interface GuestMachine {
    void start(HostId host);

    /** vMotion: the same guest, with its ARP cache, now on {@code to}. */
    void move(HostId from, HostId to);

    void stop(HostId host);

    PingResult ping(Ipv4Address target, int count, Duration interval, Duration timeout) throws InterruptedException;
}

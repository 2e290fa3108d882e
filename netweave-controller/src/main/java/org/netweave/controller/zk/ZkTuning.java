package org.netweave.controller.zk;

import java.time.Duration;
import java.util.Objects;
import org.netweave.model.InvalidValueException;

/**
 * The timing of one ZooKeeper peer. ZooKeeper counts everything in ticks: a follower must connect
 * and sync to a new leader within {@code initLimit} ticks and must not fall behind it by more than
 * {@code syncLimit} ticks, or it drops out of the quorum. Client session timeouts are clamped by
 * the server into {@code [minSessionTimeout, maxSessionTimeout]}.
 *
 * <p>How fast a controller notices a lost majority is therefore about {@code syncLimit × tickTime},
 * and how fast a Curator leader latch notices a dead node is the session timeout. Tests use a
 * short tick (200 ms) so that failover takes a second, not half a minute.
 *
 * @param tickTime ZooKeeper's basic time unit
 * @param initLimit ticks a follower may take to connect and sync to the leader
 * @param syncLimit ticks a follower may lag behind the leader
 * @param minSessionTimeout the shortest session timeout the server grants
 * @param maxSessionTimeout the longest session timeout the server grants
 */
public record ZkTuning(Duration tickTime, int initLimit, int syncLimit, Duration minSessionTimeout,
        Duration maxSessionTimeout) {

    public ZkTuning {
        Objects.requireNonNull(tickTime, "tickTime");
        Objects.requireNonNull(minSessionTimeout, "minSessionTimeout");
        Objects.requireNonNull(maxSessionTimeout, "maxSessionTimeout");
        if (tickTime.toMillis() < 1 || tickTime.toMillis() > Integer.MAX_VALUE) {
            throw new InvalidValueException("tickTime", tickTime, "must be between 1 ms and 24 days");
        }
        if (initLimit < 1) {
            throw new InvalidValueException("initLimit", initLimit, "must be 1 tick or more");
        }
        if (syncLimit < 1) {
            throw new InvalidValueException("syncLimit", syncLimit, "must be 1 tick or more");
        }
        if (minSessionTimeout.compareTo(tickTime.multipliedBy(2)) < 0) {
            throw new InvalidValueException("minSessionTimeout", minSessionTimeout, "must be at least two ticks");
        }
        if (maxSessionTimeout.compareTo(minSessionTimeout) < 0 || maxSessionTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new InvalidValueException("maxSessionTimeout", maxSessionTimeout,
                    "must be at least minSessionTimeout and below 24 days");
        }
    }

    /** ZooKeeper's own defaults: a 2 s tick, 10 ticks to join, 5 ticks of lag, sessions of 2–20 ticks. */
    public static ZkTuning defaults() {
        return ofTick(Duration.ofSeconds(2));
    }

    /** ZooKeeper's default proportions around another tick: 10 ticks to join, 5 of lag, sessions of 2–20 ticks. */
    public static ZkTuning ofTick(Duration tickTime) {
        return new ZkTuning(tickTime, 10, 5, tickTime.multipliedBy(2), tickTime.multipliedBy(20));
    }
}

package org.netweave.controlvm;

import java.util.Objects;

import org.netweave.model.InvalidValueException;
import org.netweave.model.Ipv4Address;
import org.netweave.model.Ipv4Prefix;

/**
 * A static route as the manager configured it, before it is resolved to a LIF.
 *
 * @param adminDistance 1–255; among routes for one prefix the lowest wins. Connected routes have
 *                      0, so a static route never beats one.
 */
public record StaticRouteConfig(Ipv4Prefix prefix, Ipv4Address nextHop, int adminDistance) {
    /** NSX's default for static routes and for the default gateway. */
    public static final int DEFAULT_DISTANCE = 1;
    public static final int MAX_DISTANCE = 255;

    public StaticRouteConfig {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(nextHop, "nextHop");
        if (adminDistance < DEFAULT_DISTANCE || adminDistance > MAX_DISTANCE) {
            throw new InvalidValueException("adminDistance", adminDistance, "of static route " + prefix
                    + " is outside " + DEFAULT_DISTANCE + "-" + MAX_DISTANCE);
        }
    }

    @Override
    public String toString() {
        return prefix + " via " + nextHop + " distance " + adminDistance;
    }
}

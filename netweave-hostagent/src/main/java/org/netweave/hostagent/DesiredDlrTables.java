package org.netweave.hostagent;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

import org.netweave.dataplane.Lif;
import org.netweave.dataplane.StaticRoute;
import org.netweave.model.DlrId;
import org.netweave.model.Ipv4Prefix;
import org.netweave.model.LifId;

/**
 * One DLR instance as the host's datapath should hold it: its LIFs and the routes that are not a
 * LIF's connected prefix (the datapath derives those from the LIFs).
 */
public record DesiredDlrTables(DlrId id, SortedMap<LifId, Lif> lifs, SortedMap<Ipv4Prefix, StaticRoute> routes) {
    public DesiredDlrTables {
        Objects.requireNonNull(id, "id");
        lifs = Collections.unmodifiableSortedMap(new TreeMap<>(lifs));
        routes = Collections.unmodifiableSortedMap(new TreeMap<>(routes));
    }
}

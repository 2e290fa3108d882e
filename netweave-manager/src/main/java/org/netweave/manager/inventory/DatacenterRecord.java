package org.netweave.manager.inventory;

import org.netweave.model.DatacenterId;

/** A datacenter as stored: the top of the compute inventory. */
public record DatacenterRecord(DatacenterId id, String name, long generation) {
}

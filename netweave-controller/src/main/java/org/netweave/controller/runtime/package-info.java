/**
 * The runtime tables a controller node keeps for the logical switches and distributed routers it
 * owns (NSX-V's per-VNI VTEP, MAC, ARP and connection tables and per-DLR instance, LIF, route and
 * bridge tables), and their operator views with the NSX controller CLI's columns.
 *
 * <p><b>Threading.</b> Nothing here is thread-safe, by contract: the owner of a node's objects
 * calls every class of this package from one thread or one serialised executor, so the tables
 * need no locks and every operation sees the result of the one before. The snapshots and rows
 * they hand out are immutable and may cross threads freely.
 *
 * <p><b>Pure.</b> No clock, socket, ZooKeeper or protobuf class is used here: operations take
 * typed values and return what changed ({@link org.netweave.controller.runtime.VniDelta}) or the
 * whole state to push ({@link org.netweave.controller.runtime.DlrStateSnapshot}); the gRPC glue
 * translates them to the wire and sends them.
 *
 * <p><b>Errors.</b> A refused operation throws {@link org.netweave.model.InvalidValueException}
 * naming the field (and the VNI, DLR, connection or route involved) and changes nothing.
 */
package org.netweave.controller.runtime;

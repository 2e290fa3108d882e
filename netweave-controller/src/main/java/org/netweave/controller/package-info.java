/**
 * A controller node of the Netweave control cluster (NSX Controller): an embedded ZooKeeper peer,
 * role masters elected by majority, the slice assignment of logical switches and routers with
 * fencing epochs, and the runtime tables of the objects this node owns.
 */
package org.netweave.controller;

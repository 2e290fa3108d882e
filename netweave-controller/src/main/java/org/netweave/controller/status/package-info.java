/**
 * The NSX Controller's status views of one controller node: {@code show control-cluster status},
 * {@code show control-cluster roles} and {@code show control-cluster startup-nodes}.
 *
 * <p>The text is made by pure functions over values ({@link
 * org.netweave.controller.zk.ClusterStatus}, {@link org.netweave.controller.cluster.RoleStatus},
 * {@link org.netweave.controller.status.RoleActivity}), so it is tested as golden text; {@link
 * org.netweave.controller.status.ControllerStatusService} gathers those values from a running
 * node and its embedded ZooKeeper peer.
 */
package org.netweave.controller.status;

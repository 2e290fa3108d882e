/**
 * The controller cluster's ZooKeeper layer: one embedded ZooKeeper quorum peer per controller,
 * grown one node at a time by dynamic reconfiguration, as NSX Manager grows an NSX Controller
 * cluster.
 *
 * <p>The first controller starts alone and leads; each further controller starts with the
 * current members plus itself and is then proposed to the running ensemble
 * ({@link org.netweave.controller.zk.EnsembleAdmin#proposeNode}). The membership that ZooKeeper
 * commits in {@code /zookeeper/config} is the only list of nodes; {@link
 * org.netweave.controller.zk.EnsembleView} reads it and {@link
 * org.netweave.controller.zk.ClusterStatus} turns it into the columns of NSX's
 * {@code show control-cluster status}.
 */
package org.netweave.controller.zk;

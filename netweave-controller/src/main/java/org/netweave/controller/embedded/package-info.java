/**
 * Netweave's embedded mode: a whole controller cluster in one JVM, each controller node with its
 * own ZooKeeper peer, grown one node at a time as seed 002 demands. {@code netweave run} and the
 * fault tests start the cluster through {@link
 * org.netweave.controller.embedded.EmbeddedControllerCluster}.
 */
package org.netweave.controller.embedded;

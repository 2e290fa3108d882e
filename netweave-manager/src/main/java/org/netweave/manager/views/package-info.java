/**
 * The NSX-style operator table views: what a controller node holds for a VNI or a DLR (read over
 * its manager channel, from the node itself) and what a host's datapath has installed (read
 * through {@link org.netweave.manager.hosttables.HostTablesSource}). Everything here is read-only;
 * the translations from the wire and from {@link org.netweave.dataplane.DatapathTables} to the
 * API's records are pure functions.
 */
package org.netweave.manager.views;

/**
 * The manager: the desired state in SQL, the REST API, the compute inventory (the vCenter part),
 * jobs and the DLR deployment workflow, and the channels that hand configuration south to hosts,
 * controllers and control VMs.
 *
 * <p>Packages: {@code store} (database, generations), {@code api} (HTTP server, errors, OpenAPI),
 * {@code realization} (what hosts applied), {@code inventory} (datacenters, clusters, hosts, VMs,
 * placement), {@code network} (transport zones, logical switches, DLR configuration),
 * {@code jobs}, {@code dlr} (the deployment workflow), {@code controllers}, {@code southbound}.
 */
package org.netweave.manager;

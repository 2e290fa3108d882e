/**
 * Logical networking in the manager: segment pools, transport zones, logical switches, vNIC
 * attachment, external VTEPs and the desired configuration of distributed logical routers (LIFs,
 * static routes, L2 bridges).
 *
 * <p>Each entity is a vertical slice in its own package: a {@code XxxService} (reads),
 * {@code XxxAdminService} (writes; every check runs inside the {@code Store.write} that would
 * change the rows, so a refused request writes nothing), {@code XxxStore} (SQL over a JDBI
 * handle), {@code XxxRules} (pure checks over records, unit-tested without a database),
 * {@code XxxRoutes} (decode, call, encode) and the request and response records. Errors name the
 * field by its path in the request ({@code interfaces[1].address}): 400 for a request wrong in
 * itself, 404 for a reference to nothing, 409 for a conflict with what is stored.
 * {@link org.netweave.manager.network.NetworkApi} wires the slices.
 *
 * <p>Generations: a write stamps what it changes and what hosts hold because of it. External
 * VTEP writes stamp their logical switch; LIF, route and bridge writes stamp their DLR; expanding
 * or shrinking a transport zone stamps the zone, its logical switches and its DLRs, since each of
 * them now belongs on another set of hosts. Realised state is measured over the hosts of the
 * object's transport zone ({@link org.netweave.manager.network.Spans}).
 *
 * <p>A DLR's transport zone is the {@code dlr.transport_zone_id} column once the deployment job
 * set it, and until then the zone of its LIFs' logical switches (the rules keep those in one
 * zone, and keep at least one LIF on a logical switch). Its interfaces, routes and bridges change
 * only while it is DEPLOYED and no job about it is QUEUED, RUNNING or ROLLING_BACK.
 */
package org.netweave.manager.network;

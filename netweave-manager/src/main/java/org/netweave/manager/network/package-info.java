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
 */
package org.netweave.manager.network;

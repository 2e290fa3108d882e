/**
 * The compute inventory: the vCenter part of the manager. Datacenters (datacenter-N) hold compute
 * clusters (domain-cN), clusters hold hosts (host-N) with their VMkernel ports, hosts run VMs
 * (vm-N, workloads and DLR control VMs), and anti-affinity rules (rule-N) keep VMs on different
 * hosts.
 *
 * <p>The slice: {@link org.netweave.manager.inventory.InventoryService} reads,
 * {@link org.netweave.manager.inventory.InventoryAdminService} writes (each check before the first
 * changed row, one transaction per write), {@code InventoryStore} and {@code VmStore} hold the SQL,
 * {@link org.netweave.manager.inventory.InventoryRoutes} is the API below {@code /api/v1}. The
 * rules are pure functions with their own tests: {@link org.netweave.manager.inventory.Placement},
 * {@link org.netweave.manager.inventory.AntiAffinityPlan},
 * {@link org.netweave.manager.inventory.HostHealth},
 * {@link org.netweave.manager.inventory.IpPoolAllocator}.
 *
 * <p>Choices, with the reason for each:
 * <ul>
 * <li>Host preparation (NSX's VIB install and VTEP creation) is per cluster and sticky: a host
 *     added to a prepared cluster is prepared in the same write, or not added when the pool is
 *     used up. NSX prepares hosts that join a prepared cluster too, and a cluster half of whose
 *     hosts have no VTEP would black-hole its logical switches.</li>
 * <li>Only host preparation creates a VTEP VMkernel port, and it sets the router MAC with it, so
 *     "has a VTEP port", "has a VTEP address" and "is prepared" never disagree.</li>
 * <li>Anti-affinity rules hold from the moment they exist: creating one moves VMs apart as DRS
 *     would, and vMotion refuses a move that would break one.</li>
 * <li>Hosts have a power state; placement, deployment and vMotion use powered-on hosts only.</li>
 * <li>Ids and lists are in natural order (host-2 before host-10), also for placement ties.</li>
 * </ul>
 */
package org.netweave.manager.inventory;

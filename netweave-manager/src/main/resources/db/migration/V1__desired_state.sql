-- The manager's desired state. Every row that a write creates or changes carries the generation
-- of that write; hosts report the generation they applied, which gives realised state per host.
-- Rules a single row or pair of rows can hold are constraints here (a logical switch or VLAN on at
-- most one DLR, one bridge per VXLAN and per VLAN); the services check them first so the client
-- gets an error naming the field, and the constraints keep the store right if a check is missed.
-- Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.

CREATE TABLE generation_counter (
  id INTEGER PRIMARY KEY,
  current_value BIGINT NOT NULL
);
INSERT INTO generation_counter (id, current_value) VALUES (1, 0);

-- Next number per id prefix: virtualwire-1, edge-1, host-1, …
CREATE TABLE id_sequence (
  prefix VARCHAR(32) PRIMARY KEY,
  next_value BIGINT NOT NULL
);

-- ---- controller cluster ----

CREATE TABLE controller (
  id VARCHAR(128) PRIMARY KEY,
  name VARCHAR(255) NOT NULL UNIQUE,
  -- host:port of the node's gRPC endpoint once it runs
  address VARCHAR(255),
  status VARCHAR(16) NOT NULL,
  generation BIGINT NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- ---- compute inventory (the vCenter part) ----

CREATE TABLE datacenter (
  id VARCHAR(128) PRIMARY KEY,
  name VARCHAR(255) NOT NULL UNIQUE,
  generation BIGINT NOT NULL
);

CREATE TABLE compute_cluster (
  id VARCHAR(128) PRIMARY KEY,
  datacenter_id VARCHAR(128) NOT NULL REFERENCES datacenter (id),
  name VARCHAR(255) NOT NULL,
  generation BIGINT NOT NULL,
  UNIQUE (datacenter_id, name)
);

CREATE TABLE host (
  id VARCHAR(128) PRIMARY KEY,
  cluster_id VARCHAR(128) NOT NULL REFERENCES compute_cluster (id),
  name VARCHAR(255) NOT NULL UNIQUE,
  management_ip VARCHAR(15) NOT NULL UNIQUE,
  -- host preparation sets these three: the VTEP VMkernel port's address and the router MAC
  prepared BOOLEAN NOT NULL,
  vtep_ip VARCHAR(15) UNIQUE,
  router_mac VARCHAR(17) UNIQUE,
  generation BIGINT NOT NULL
);

-- services: comma-separated, sorted names of MANAGEMENT, VMOTION, FAULT_TOLERANCE, IP_STORAGE, VTEP
CREATE TABLE vmkernel_port (
  host_id VARCHAR(128) NOT NULL REFERENCES host (id) ON DELETE CASCADE,
  device VARCHAR(16) NOT NULL,
  ip VARCHAR(15) NOT NULL UNIQUE,
  prefix_length INTEGER NOT NULL,
  services VARCHAR(255) NOT NULL,
  PRIMARY KEY (host_id, device)
);

-- kind: WORKLOAD or CONTROL_VM; power_state: POWERED_ON or POWERED_OFF.
-- dlr_id names the DLR a control VM serves (no foreign key: the DLR table comes later).
CREATE TABLE vm (
  id VARCHAR(128) PRIMARY KEY,
  name VARCHAR(255) NOT NULL UNIQUE,
  host_id VARCHAR(128) NOT NULL REFERENCES host (id),
  kind VARCHAR(16) NOT NULL,
  power_state VARCHAR(16) NOT NULL,
  dlr_id VARCHAR(128),
  generation BIGINT NOT NULL
);

CREATE TABLE anti_affinity_rule (
  id VARCHAR(128) PRIMARY KEY,
  name VARCHAR(255) NOT NULL UNIQUE,
  generation BIGINT NOT NULL
);

CREATE TABLE anti_affinity_member (
  rule_id VARCHAR(128) NOT NULL REFERENCES anti_affinity_rule (id) ON DELETE CASCADE,
  vm_id VARCHAR(128) NOT NULL REFERENCES vm (id) ON DELETE CASCADE,
  PRIMARY KEY (rule_id, vm_id)
);

-- ---- logical networking ----

CREATE TABLE segment_pool (
  id VARCHAR(128) PRIMARY KEY,
  name VARCHAR(255) NOT NULL UNIQUE,
  vni_begin INTEGER NOT NULL,
  vni_end INTEGER NOT NULL,
  generation BIGINT NOT NULL,
  CHECK (vni_begin <= vni_end)
);

-- replication_mode: UNICAST, HYBRID or MULTICAST
CREATE TABLE transport_zone (
  id VARCHAR(128) PRIMARY KEY,
  name VARCHAR(255) NOT NULL UNIQUE,
  replication_mode VARCHAR(16) NOT NULL,
  generation BIGINT NOT NULL
);

CREATE TABLE transport_zone_cluster (
  transport_zone_id VARCHAR(128) NOT NULL REFERENCES transport_zone (id) ON DELETE CASCADE,
  cluster_id VARCHAR(128) NOT NULL REFERENCES compute_cluster (id),
  PRIMARY KEY (transport_zone_id, cluster_id)
);

CREATE TABLE logical_switch (
  id VARCHAR(128) PRIMARY KEY,
  name VARCHAR(255) NOT NULL UNIQUE,
  vni INTEGER NOT NULL UNIQUE,
  transport_zone_id VARCHAR(128) NOT NULL REFERENCES transport_zone (id),
  replication_mode VARCHAR(16) NOT NULL,
  generation BIGINT NOT NULL
);

CREATE TABLE vnic (
  vm_id VARCHAR(128) NOT NULL REFERENCES vm (id) ON DELETE CASCADE,
  vnic_index INTEGER NOT NULL,
  mac VARCHAR(17) NOT NULL UNIQUE,
  ip VARCHAR(15),
  logical_switch_id VARCHAR(128) REFERENCES logical_switch (id),
  generation BIGINT NOT NULL,
  PRIMARY KEY (vm_id, vnic_index)
);

-- A VTEP outside the manager's hosts (a hardware VTEP or another system's), with the MACs and
-- addresses behind it.
CREATE TABLE external_vtep (
  logical_switch_id VARCHAR(128) NOT NULL REFERENCES logical_switch (id) ON DELETE CASCADE,
  vtep_ip VARCHAR(15) NOT NULL,
  generation BIGINT NOT NULL,
  PRIMARY KEY (logical_switch_id, vtep_ip)
);

CREATE TABLE external_vtep_binding (
  logical_switch_id VARCHAR(128) NOT NULL,
  vtep_ip VARCHAR(15) NOT NULL,
  mac VARCHAR(17) NOT NULL,
  ip VARCHAR(15),
  PRIMARY KEY (logical_switch_id, mac),
  FOREIGN KEY (logical_switch_id, vtep_ip) REFERENCES external_vtep (logical_switch_id, vtep_ip) ON DELETE CASCADE
);

-- ---- distributed logical routers ----

-- state: DEPLOYING (its job runs), DEPLOYED, FAILED (kept only for a job that could not roll back)
-- instances_created: seed 000 step 5 done, so hosts of the zone carry the DLR id.
-- lifs_published: step 9 done, so the control VM may publish its forwarding table.
-- controller_id: the master the controller cluster chose for it (step 6).
-- appliance_cluster_id: where its control VM(s) run; null = any cluster of its transport zone.
-- transport_zone_id: the zone of its logical switches, set by step 5.
CREATE TABLE dlr (
  id VARCHAR(128) PRIMARY KEY,
  name VARCHAR(255) NOT NULL UNIQUE,
  tenant VARCHAR(255) NOT NULL,
  ha_enabled BOOLEAN NOT NULL,
  appliance_cluster_id VARCHAR(128) REFERENCES compute_cluster (id),
  transport_zone_id VARCHAR(128) REFERENCES transport_zone (id),
  state VARCHAR(16) NOT NULL,
  instances_created BOOLEAN NOT NULL,
  lifs_published BOOLEAN NOT NULL,
  controller_id VARCHAR(128),
  generation BIGINT NOT NULL
);

-- lif_type: INTERNAL or UPLINK. Exactly one of logical_switch_id / vlan.
CREATE TABLE lif (
  dlr_id VARCHAR(128) NOT NULL REFERENCES dlr (id) ON DELETE CASCADE,
  lif_index INTEGER NOT NULL,
  name VARCHAR(255) NOT NULL,
  lif_type VARCHAR(16) NOT NULL,
  logical_switch_id VARCHAR(128) UNIQUE REFERENCES logical_switch (id),
  vlan INTEGER UNIQUE,
  ip VARCHAR(15) NOT NULL,
  prefix_length INTEGER NOT NULL,
  mac VARCHAR(17) NOT NULL,
  mtu INTEGER NOT NULL,
  generation BIGINT NOT NULL,
  PRIMARY KEY (dlr_id, lif_index),
  UNIQUE (dlr_id, name),
  CHECK ((logical_switch_id IS NULL AND vlan IS NOT NULL) OR (logical_switch_id IS NOT NULL AND vlan IS NULL))
);

-- The default route is the row with network 0.0.0.0/0.
CREATE TABLE static_route (
  dlr_id VARCHAR(128) NOT NULL REFERENCES dlr (id) ON DELETE CASCADE,
  network VARCHAR(18) NOT NULL,
  next_hop VARCHAR(15) NOT NULL,
  admin_distance INTEGER NOT NULL,
  description VARCHAR(255),
  generation BIGINT NOT NULL,
  PRIMARY KEY (dlr_id, network)
);

CREATE TABLE bridge (
  id VARCHAR(128) PRIMARY KEY,
  dlr_id VARCHAR(128) NOT NULL REFERENCES dlr (id) ON DELETE CASCADE,
  name VARCHAR(40) NOT NULL,
  logical_switch_id VARCHAR(128) NOT NULL UNIQUE REFERENCES logical_switch (id),
  vlan INTEGER NOT NULL UNIQUE,
  generation BIGINT NOT NULL,
  UNIQUE (dlr_id, name)
);

-- ---- jobs ----

-- state: QUEUED, RUNNING, ROLLING_BACK, SUCCEEDED, FAILED
CREATE TABLE job (
  id VARCHAR(128) PRIMARY KEY,
  kind VARCHAR(64) NOT NULL,
  subject_id VARCHAR(128),
  state VARCHAR(16) NOT NULL,
  error VARCHAR(4000),
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  started_at TIMESTAMP WITH TIME ZONE,
  finished_at TIMESTAMP WITH TIME ZONE,
  generation BIGINT NOT NULL
);

-- state: PENDING, RUNNING, DONE, FAILED, ROLLED_BACK
CREATE TABLE job_step (
  job_id VARCHAR(128) NOT NULL REFERENCES job (id) ON DELETE CASCADE,
  step_index INTEGER NOT NULL,
  name VARCHAR(128) NOT NULL,
  state VARCHAR(16) NOT NULL,
  detail VARCHAR(4000),
  started_at TIMESTAMP WITH TIME ZONE,
  finished_at TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (job_id, step_index)
);

-- The compute inventory's state beyond V1: VTEP IP pools, which clusters are prepared, and which
-- hosts are powered off. These are tables of their own, not columns added to V1's host and
-- compute_cluster, so rows that other code and fixtures insert into those tables stay valid.
-- Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.

-- Host preparation gives each host's VTEP VMkernel port the lowest address of a pool that no host
-- uses yet. The range lies in one subnet and holds neither the gateway nor the subnet's network
-- and broadcast addresses (the manager checks this). Which address went to which host is not kept
-- here: the VMkernel ports hold it, so nothing can drift.
CREATE TABLE ip_pool (
  id VARCHAR(128) PRIMARY KEY,
  name VARCHAR(255) NOT NULL UNIQUE,
  range_start VARCHAR(15) NOT NULL,
  range_end VARCHAR(15) NOT NULL,
  prefix_length INTEGER NOT NULL,
  gateway VARCHAR(15),
  generation BIGINT NOT NULL,
  CHECK (prefix_length BETWEEN 1 AND 32)
);

-- A prepared cluster and the pool its hosts' VTEP addresses come from. A host added to a prepared
-- cluster is prepared from this pool in the same write.
CREATE TABLE cluster_preparation (
  cluster_id VARCHAR(128) PRIMARY KEY REFERENCES compute_cluster (id) ON DELETE CASCADE,
  ip_pool_id VARCHAR(128) NOT NULL REFERENCES ip_pool (id)
);

-- A host is powered on unless it is listed here. Placement skips powered-off hosts, and no VM runs
-- on one.
CREATE TABLE host_powered_off (
  host_id VARCHAR(128) PRIMARY KEY REFERENCES host (id) ON DELETE CASCADE
);

-- The Neutron v2.0 API's state that has no native counterpart. A Neutron network IS a logical
-- switch and a router IS a DLR (with its LIFs and static routes in the V1 tables); these tables
-- hold only what Neutron adds: its UUIDs, names and flags, subnets with their allocation pools, and
-- ports with their fixed IPs. Deleting the logical switch or the DLR takes the Neutron rows with
-- it, so the two APIs never disagree about what exists.
-- Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.

CREATE TABLE neutron_network (
  id VARCHAR(36) PRIMARY KEY,
  logical_switch_id VARCHAR(128) NOT NULL UNIQUE REFERENCES logical_switch (id) ON DELETE CASCADE,
  name VARCHAR(255) NOT NULL,
  project_id VARCHAR(255) NOT NULL,
  admin_state_up BOOLEAN NOT NULL,
  shared BOOLEAN NOT NULL,
  mtu INTEGER NOT NULL,
  generation BIGINT NOT NULL
);

-- gateway_ip: null when the subnet has no gateway.
CREATE TABLE neutron_subnet (
  id VARCHAR(36) PRIMARY KEY,
  network_id VARCHAR(36) NOT NULL REFERENCES neutron_network (id) ON DELETE CASCADE,
  name VARCHAR(255) NOT NULL,
  project_id VARCHAR(255) NOT NULL,
  ip_version INTEGER NOT NULL,
  cidr VARCHAR(18) NOT NULL,
  gateway_ip VARCHAR(15),
  enable_dhcp BOOLEAN NOT NULL,
  generation BIGINT NOT NULL
);

CREATE TABLE neutron_allocation_pool (
  subnet_id VARCHAR(36) NOT NULL REFERENCES neutron_subnet (id) ON DELETE CASCADE,
  first_ip VARCHAR(15) NOT NULL,
  last_ip VARCHAR(15) NOT NULL,
  PRIMARY KEY (subnet_id, first_ip)
);

-- status: DOWN until an agent reports the port up. host_id is binding:host_id ('' = unbound).
CREATE TABLE neutron_port (
  id VARCHAR(36) PRIMARY KEY,
  network_id VARCHAR(36) NOT NULL REFERENCES neutron_network (id) ON DELETE CASCADE,
  name VARCHAR(255) NOT NULL,
  project_id VARCHAR(255) NOT NULL,
  mac_address VARCHAR(17) NOT NULL,
  admin_state_up BOOLEAN NOT NULL,
  device_id VARCHAR(255) NOT NULL,
  device_owner VARCHAR(255) NOT NULL,
  host_id VARCHAR(255) NOT NULL,
  status VARCHAR(16) NOT NULL,
  generation BIGINT NOT NULL,
  UNIQUE (network_id, mac_address)
);
CREATE INDEX neutron_port_device ON neutron_port (device_id);

-- An address is held by at most one port: the key is what refuses a second allocation.
CREATE TABLE neutron_fixed_ip (
  port_id VARCHAR(36) NOT NULL REFERENCES neutron_port (id) ON DELETE CASCADE,
  subnet_id VARCHAR(36) NOT NULL REFERENCES neutron_subnet (id) ON DELETE CASCADE,
  ip_address VARCHAR(15) NOT NULL,
  PRIMARY KEY (subnet_id, ip_address)
);
CREATE INDEX neutron_fixed_ip_port ON neutron_fixed_ip (port_id);

-- A Neutron router and the DLR it is. distributed is what the client asked for; the model has
-- only distributed routers, so it decides the device_owner of the router's interface ports.
CREATE TABLE neutron_router (
  id VARCHAR(36) PRIMARY KEY,
  dlr_id VARCHAR(128) NOT NULL UNIQUE REFERENCES dlr (id) ON DELETE CASCADE,
  name VARCHAR(255) NOT NULL,
  project_id VARCHAR(255) NOT NULL,
  admin_state_up BOOLEAN NOT NULL,
  distributed BOOLEAN NOT NULL,
  generation BIGINT NOT NULL
);

package org.netweave.manager;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.netweave.manager.auth.RateLimit;
import org.netweave.manager.dlr.DlrDeployment;
import org.netweave.model.TransportZoneId;

/**
 * How a manager runs.
 *
 * @param dataDir          the H2 database file lives here unless {@code jdbcUrl} is set
 * @param jdbcUrl          a JDBC URL (PostgreSQL) instead of the H2 file
 * @param apiPort          the REST API's port on {@code bindAddress}; 0 picks a free one
 * @param southboundPort   the gRPC port for host agents and control VMs; 0 picks a free one
 * @param controllerWrites how long a write to the controller cluster may take, retries included
 * @param neutronTransportZone the transport zone of the logical switches the Neutron API creates for
 *                         its networks (Neutron has no zones); empty: the only zone there is
 * @param apiAuth          bearer tokens required on /api/v1, /v2.0 and /metrics (the default); off
 *                         only for explicit lab use ({@code --insecure-no-auth}) and tests of other things
 * @param rateLimit        requests per second and burst one API client (a token, else an address) may make
 */
public record ManagerSettings(Path dataDir, Optional<String> jdbcUrl, String dbUser, String dbPassword,
                              String bindAddress, int apiPort, int southboundPort, Duration controllerWrites,
                              Duration controllerSettle, DlrDeployment.Timeouts dlrTimeouts,
                              Optional<TransportZoneId> neutronTransportZone, boolean apiAuth,
                              RateLimit rateLimit) {

    /** An H2 store in {@code dataDir}, everything on loopback, free ports. */
    public static ManagerSettings local(Path dataDir) {
        return new ManagerSettings(dataDir, Optional.empty(), "", "", "127.0.0.1", 0, 0, Duration.ofSeconds(30),
                Duration.ofSeconds(60), DlrDeployment.Timeouts.DEFAULT, Optional.empty(), true, RateLimit.DEFAULT);
    }

    public ManagerSettings withApiPort(int port) {
        return new ManagerSettings(dataDir, jdbcUrl, dbUser, dbPassword, bindAddress, port, southboundPort,
                controllerWrites, controllerSettle, dlrTimeouts, neutronTransportZone, apiAuth, rateLimit);
    }

    public ManagerSettings withDatabase(String url, String user, String password) {
        return new ManagerSettings(dataDir, Optional.of(url), user, password, bindAddress, apiPort, southboundPort,
                controllerWrites, controllerSettle, dlrTimeouts, neutronTransportZone, apiAuth, rateLimit);
    }

    public ManagerSettings withNeutronTransportZone(TransportZoneId zone) {
        return new ManagerSettings(dataDir, jdbcUrl, dbUser, dbPassword, bindAddress, apiPort, southboundPort,
                controllerWrites, controllerSettle, dlrTimeouts, Optional.of(zone), apiAuth, rateLimit);
    }

    public ManagerSettings withDlrTimeouts(DlrDeployment.Timeouts timeouts) {
        return new ManagerSettings(dataDir, jdbcUrl, dbUser, dbPassword, bindAddress, apiPort, southboundPort,
                controllerWrites, controllerSettle, timeouts, neutronTransportZone, apiAuth, rateLimit);
    }

    public ManagerSettings withRateLimit(RateLimit limit) {
        return new ManagerSettings(dataDir, jdbcUrl, dbUser, dbPassword, bindAddress, apiPort, southboundPort,
                controllerWrites, controllerSettle, dlrTimeouts, neutronTransportZone, apiAuth, limit);
    }

    /** No API authentication: for tests of other things, and the lab's --insecure-no-auth. */
    public ManagerSettings withoutApiAuth() {
        return new ManagerSettings(dataDir, jdbcUrl, dbUser, dbPassword, bindAddress, apiPort, southboundPort,
                controllerWrites, controllerSettle, dlrTimeouts, neutronTransportZone, false, rateLimit);
    }
}

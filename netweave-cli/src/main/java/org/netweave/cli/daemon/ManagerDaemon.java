package org.netweave.cli.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.netweave.manager.Manager;
import org.netweave.manager.ManagerSettings;
import org.netweave.manager.controllers.ExternalControllerFleet;
import org.netweave.model.ControllerId;
import org.netweave.model.InvalidValueException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code netweave manager serve}: the manager as a daemon of its own, against controllers that run
 * as daemons elsewhere ({@code netweave controller serve}). It holds the platform's certificate
 * authority in its data directory and serves the REST API and the southbound gRPC port (host
 * agents, control VMs) with mutual TLS.
 */
@Command(name = "manager", description = "The manager as a daemon of its own (multi-process mode).",
        subcommands = ManagerDaemon.Serve.class)
public final class ManagerDaemon {

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Serve the REST API and the hosts' configuration until SIGTERM.")
    static final class Serve implements Callable<Integer> {
        @Option(names = "--data-dir", required = true,
                description = "The store (H2 file unless --jdbc-url), the certificate authority (pki/) and the admin token.")
        Path dataDir;
        @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address of the API and southbound port (default: ${DEFAULT-VALUE}).")
        String bind;
        @Option(names = "--api-port", defaultValue = "8080", description = "REST API port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
        int apiPort;
        @Option(names = "--southbound-port", defaultValue = "5671",
                description = "gRPC port for host agents and control VMs, mutual TLS; 0 picks a free one (default: ${DEFAULT-VALUE}, NSX-V's message bus).")
        int southboundPort;
        @Option(names = "--controller", required = true, paramLabel = "<id>=<host:port>",
                description = "A controller node and the address hosts reach it on; once per controller.")
        List<String> controllers;
        @Option(names = "--jdbc-url", description = "PostgreSQL instead of the H2 file, e.g. jdbc:postgresql://db:5432/netweave.")
        String jdbcUrl;
        @Option(names = "--db-user", defaultValue = "", description = "The database user (with --jdbc-url).")
        String dbUser;
        @Option(names = "--db-password-file", description = "A file holding the database password (with --jdbc-url).")
        Path dbPasswordFile;
        @Option(names = "--insecure-no-auth", description = "Serve the API without authentication. Explicit lab use only.")
        boolean insecureNoAuth;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Map<ControllerId, String> fleet = controllers(controllers);
            ManagerSettings settings = settings();
            return DaemonLifecycle.run("manager", spec.commandLine().getOut(),
                    () -> Manager.start(settings, new ExternalControllerFleet(fleet)),
                    manager -> "Netweave manager is running: API http://%s:%d/api/v1, southbound port %d"
                            .formatted(bind, manager.apiPort(), manager.southboundPort()));
        }

        ManagerSettings settings() throws IOException {
            Files.createDirectories(dataDir);
            ManagerSettings local = ManagerSettings.local(dataDir.toAbsolutePath());
            ManagerSettings settings = new ManagerSettings(local.dataDir(), local.jdbcUrl(), local.dbUser(),
                    local.dbPassword(), bind, port("api-port", apiPort), port("southbound-port", southboundPort),
                    local.controllerWrites(), local.controllerSettle(), local.dlrTimeouts(),
                    local.neutronTransportZone(), local.apiAuth(), local.rateLimit());
            if (jdbcUrl == null && (!dbUser.isEmpty() || dbPasswordFile != null)) {
                throw new InvalidValueException("--db-user", dbUser, "and --db-password-file go with --jdbc-url");
            }
            if (dbPasswordFile != null && !Files.isRegularFile(dbPasswordFile)) {
                throw new InvalidValueException("--db-password-file", dbPasswordFile, "is not a file");
            }
            if (jdbcUrl != null) {
                String password = dbPasswordFile == null ? "" : Files.readString(dbPasswordFile).strip();
                settings = settings.withDatabase(jdbcUrl, dbUser, password);
            }
            return insecureNoAuth ? settings.withoutApiAuth() : settings;
        }

        private static int port(String field, int port) {
            if (port < 0 || port > 65535) {
                throw new InvalidValueException("--" + field, port, "is not a TCP port (0 picks a free one)");
            }
            return port;
        }
    }

    /** {@code id=host:port} pairs, in the order given. */
    static Map<ControllerId, String> controllers(List<String> arguments) {
        Map<ControllerId, String> fleet = new LinkedHashMap<>();
        for (String argument : arguments) {
            String[] pair = argument.split("=", 2);
            if (pair.length != 2) {
                throw new InvalidValueException("--controller", argument, "is not <id>=<host:port>");
            }
            HostAndPort address = HostAndPort.parse("--controller", pair[1]);
            if (address.port() == 0) {
                throw new InvalidValueException("--controller", argument, "names port 0");
            }
            ControllerId id;
            try {
                id = ControllerId.of(pair[0]);
            } catch (InvalidValueException e) {
                throw new InvalidValueException("--controller", argument, e.getMessage());
            }
            if (fleet.put(id, pair[1]) != null) {
                throw new InvalidValueException("--controller", argument, "names " + pair[0] + " twice");
            }
        }
        return fleet;
    }
}

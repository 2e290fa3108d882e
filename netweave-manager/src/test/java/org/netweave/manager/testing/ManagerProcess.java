package org.netweave.manager.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.netweave.manager.Manager;
import org.netweave.manager.ManagerSettings;
import org.netweave.manager.controllers.ExternalControllerFleet;
import org.netweave.model.ControllerId;

/**
 * A manager in a process of its own, against controllers that run elsewhere, so a test can kill
 * it with SIGKILL. Arguments: data directory, API port, southbound port, then {@code id=host:port}
 * per controller.
 */
public final class ManagerProcess {
    private ManagerProcess() {
    }

    public static void main(String[] args) throws Exception {
        Map<ControllerId, String> controllers = new LinkedHashMap<>();
        for (int i = 3; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            controllers.put(ControllerId.of(pair[0]), pair[1]);
        }
        ManagerSettings local = ManagerSettings.local(Path.of(args[0])).withoutApiAuth();
        ManagerSettings settings = new ManagerSettings(local.dataDir(), local.jdbcUrl(), local.dbUser(),
                local.dbPassword(), local.bindAddress(), Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                local.controllerWrites(), local.controllerSettle(), local.dlrTimeouts(), local.neutronTransportZone(),
                local.apiAuth(), local.rateLimit());
        Manager.start(settings, new ExternalControllerFleet(controllers));
        System.out.println("MANAGER UP");
        new CountDownLatch(1).await();
    }

    /** Starts it with this JVM's classpath; its output goes to {@code log}. */
    public static Process launch(Path dataDir, int apiPort, int southboundPort, Map<ControllerId, String> controllers,
                                 Path log) throws IOException {
        List<String> command = new ArrayList<>(JavaProcess.command(ManagerProcess.class));
        command.addAll(List.of(dataDir.toString(), String.valueOf(apiPort), String.valueOf(southboundPort)));
        controllers.forEach((id, address) -> command.add(id.value() + "=" + address));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** SIGKILL, as a crash would: no shutdown hook, no closing of the store. */
    public static void kill(Process process) throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }
}

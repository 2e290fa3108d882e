package org.netweave.cli;

import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import org.netweave.cli.api.ApiOptions;
import org.netweave.cli.api.Columns;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code netweave vm list|ping|move}: the VMs of the compute inventory. */
@Command(name = "vm", description = "The VMs of the compute inventory.",
        subcommands = {VmCommand.ListVms.class, VmPing.class, VmMove.class})
final class VmCommand {

    @Command(name = "list", description = "Every VM with its host, power state and vNICs.")
    static final class ListVms implements Callable<Integer> {
        @Mixin
        ApiOptions api;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            api.print(spec.commandLine().getOut(), api.manager().get("/vms"), VmCommand::table);
            return 0;
        }
    }

    private static String table(JsonNode vms) {
        Columns table = new Columns("ID", "NAME", "KIND", "HOST", "POWER", "VNICS");
        for (JsonNode vm : vms) {
            StringBuilder vnics = new StringBuilder();
            vm.path("vnics").forEach(n -> vnics.append(vnics.isEmpty() ? "" : " ").append(n.path("mac").asText())
                    .append(n.hasNonNull("ip") ? "/" + n.path("ip").asText() : "")
                    .append(n.hasNonNull("logicalSwitchId") ? "@" + n.path("logicalSwitchId").asText() : ""));
            table.row(vm.path("id").asText(), vm.path("name").asText(), vm.path("kind").asText(),
                    vm.path("hostId").asText(), vm.path("powerState").asText(), vnics.isEmpty() ? "-" : vnics);
        }
        return table.render();
    }
}

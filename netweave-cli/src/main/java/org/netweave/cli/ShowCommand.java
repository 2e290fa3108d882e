package org.netweave.cli;

import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import org.netweave.cli.api.ApiOptions;
import org.netweave.cli.api.Columns;
import org.netweave.cli.api.ManagerApi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** NSX-style operator views ({@code show …}) of a running system, through the manager's API. */
@Command(name = "show", description = "NSX-style operator views of a running system.",
        subcommands = {ShowCommand.ControlCluster.class, ShowCommand.LogicalRouter.class, ShowCommand.LogicalSwitch.class})
final class ShowCommand {

    @Command(name = "control-cluster", description = "show control-cluster status|roles|startup-nodes, as a controller prints it.")
    static final class ControlCluster implements Callable<Integer> {
        @Mixin
        ApiOptions api;
        @Parameters(paramLabel = "<view>", description = "status, roles or startup-nodes")
        String view;
        @Option(names = "--controller", description = "The controller to ask (default: the first running one).")
        String controller;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ManagerApi manager = api.manager();
            String id = controller;
            if (id == null) {
                for (JsonNode c : manager.get("/controllers")) {
                    if (c.path("runtime").path("up").asBoolean()) {
                        id = c.path("id").asText();
                        break;
                    }
                }
                if (id == null) {
                    throw new ManagerApi.Failure("no controller is running");
                }
            }
            JsonNode shown = manager.get("/controllers/" + id + "/show/" + view);
            spec.commandLine().getOut().print(api.json ? ManagerApi.pretty(shown) + "\n" : shown.path("text").asText());
            return 0;
        }
    }

    @Command(name = "logical-router", description = "show logical-router list all")
    static final class LogicalRouter implements Callable<Integer> {
        @Mixin
        ApiOptions api;
        @Parameters(arity = "2", paramLabel = "list all")
        java.util.List<String> words;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ManagerApi manager = api.manager();
            api.print(spec.commandLine().getOut(), manager.get("/dlrs"), dlrs -> {
                Columns table = new Columns("Edge-Id", "Name", "Instance", "State", "Transport-Zone", "Controller", "Lifs");
                for (JsonNode d : dlrs) {
                    JsonNode full = manager.get("/dlrs/" + d.path("id").asText());
                    table.row(full.path("id").asText(), full.path("name").asText(), full.path("instanceName").asText("-"),
                            full.path("state").asText(), full.path("transportZoneId").asText("-"),
                            full.path("controllerId").asText("-"), full.path("interfaces").size());
                }
                return table.render();
            });
            return 0;
        }
    }

    @Command(name = "logical-switch", description = "show logical-switch list all")
    static final class LogicalSwitch implements Callable<Integer> {
        @Mixin
        ApiOptions api;
        @Parameters(arity = "2", paramLabel = "list all")
        java.util.List<String> words;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            api.print(spec.commandLine().getOut(), api.manager().get("/logical-switches"), switches -> {
                Columns table = new Columns("NAME", "UUID", "VNI", "Trans Zone ID", "Replication", "Realization");
                for (JsonNode ls : switches) {
                    table.row(ls.path("name").asText(), ls.path("id").asText(), ls.path("vni").asText(),
                            ls.path("transportZoneId").asText(), ls.path("replicationMode").asText(),
                            ls.path("realization").path("state").asText("-"));
                }
                return table.render();
            });
            return 0;
        }
    }
}

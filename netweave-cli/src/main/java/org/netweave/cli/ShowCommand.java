package org.netweave.cli;

import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import org.netweave.cli.api.ApiOptions;
import org.netweave.cli.api.ManagerApi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** NSX-style operator views ({@code show …}) of a running system, through the manager's API. */
@Command(name = "show", description = "NSX-style operator views of a running system.",
        subcommands = {ShowCommand.ControlCluster.class, ShowLogicalRouter.class, ShowLogicalSwitch.class})
final class ShowCommand {

    @Command(name = "control-cluster", description = "show control-cluster status|roles|startup-nodes, as a controller prints it.",
            subcommands = ShowControlClusterLogicalSwitches.class)
    static final class ControlCluster implements Callable<Integer> {
        @Mixin
        ApiOptions api;
        // Optional to picocli only: a required parameter here would also be demanded of the
        // logical-switches subcommand; call() insists on it instead.
        @Parameters(paramLabel = "<view>", arity = "0..1", description = "status, roles or startup-nodes")
        String view;
        @Option(names = "--controller", description = "The controller to ask (default: the first running one).")
        String controller;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (view == null) {
                throw new ParameterException(spec.commandLine(), "Missing required parameter: '<view>' "
                        + "(status, roles, startup-nodes, or the logical-switches command)");
            }
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
}

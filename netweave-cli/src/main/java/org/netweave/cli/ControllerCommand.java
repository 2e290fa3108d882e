package org.netweave.cli;

import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import org.netweave.cli.api.ApiOptions;
import org.netweave.cli.api.Columns;
import org.netweave.cli.api.ManagerApi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code netweave controller list|stop|start}: the controller nodes of a running system. */
@Command(name = "controller", description = "List the controller nodes, or stop/start one (lab mode: a real crash).",
        subcommands = {ControllerCommand.ListNodes.class, ControllerCommand.Stop.class, ControllerCommand.Start.class})
final class ControllerCommand {

    @Command(name = "list", description = "Every controller with its state and the roles it is master of.")
    static final class ListNodes implements Callable<Integer> {
        @Mixin
        ApiOptions api;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            JsonNode controllers = api.manager().get("/controllers");
            if (api.json) {
                spec.commandLine().getOut().println(ManagerApi.pretty(controllers));
                return 0;
            }
            Columns table = new Columns("ID", "NAME", "ADDRESS", "STATUS", "UP", "MAJORITY", "MASTER OF");
            for (JsonNode c : controllers) {
                JsonNode runtime = c.path("runtime");
                table.row(c.path("id").asText(), c.path("name").asText(), c.path("address").asText("-"),
                        c.path("status").asText(), runtime.isMissingNode() || runtime.isNull() ? "?" : runtime.path("up").asBoolean() ? "yes" : "no",
                        runtime.path("majorityStatus").asText("-"), join(runtime.path("masterOf")));
            }
            spec.commandLine().getOut().print(table.render());
            return 0;
        }
    }

    @Command(name = "stop", description = "Crash a controller node and its ZooKeeper peer (all-in-one lab mode).")
    static final class Stop implements Callable<Integer> {
        @Mixin
        ApiOptions api;
        @Parameters(paramLabel = "<id>", description = "e.g. controller-2")
        String id;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            api.manager().post("/controllers/" + id + "/stop", "");
            spec.commandLine().getOut().println(id + " stopped; the others take its slices after the session timeout");
            return 0;
        }
    }

    @Command(name = "start", description = "Start a stopped controller node again (all-in-one lab mode).")
    static final class Start implements Callable<Integer> {
        @Mixin
        ApiOptions api;
        @Parameters(paramLabel = "<id>", description = "e.g. controller-2")
        String id;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            api.manager().post("/controllers/" + id + "/start", "");
            spec.commandLine().getOut().println(id + " started; it rejoins the cluster");
            return 0;
        }
    }

    static String join(JsonNode array) {
        if (!array.isArray() || array.isEmpty()) {
            return "-";
        }
        StringBuilder text = new StringBuilder();
        array.forEach(item -> text.append(text.isEmpty() ? "" : ",").append(item.asText()));
        return text.toString();
    }
}

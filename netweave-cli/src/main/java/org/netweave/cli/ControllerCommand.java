package org.netweave.cli;

import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import org.netweave.cli.api.ApiOptions;
import org.netweave.cli.api.Columns;
import org.netweave.cli.daemon.ControllerDaemon;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code netweave controller list|stop|start}: the controller nodes of a running system; {@code
 * netweave controller serve} runs one as a daemon.
 */
@Command(name = "controller", description = "List the controller nodes, or stop/start one (lab mode: a real crash).",
        subcommands = {ControllerCommand.ListNodes.class, ControllerCommand.Stop.class, ControllerCommand.Start.class,
                ControllerDaemon.class})
final class ControllerCommand {

    @Command(name = "list", description = "Every controller with its state and the roles it is master of.")
    static final class ListNodes implements Callable<Integer> {
        @Mixin
        ApiOptions api;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            api.print(spec.commandLine().getOut(), api.manager().get("/controllers"), controllers -> {
                Columns table = new Columns("ID", "NAME", "ADDRESS", "STATUS", "UP", "MAJORITY", "MASTER OF");
                for (JsonNode c : controllers) {
                    JsonNode runtime = c.path("runtime");
                    table.row(c.path("id").asText(), c.path("name").asText(), c.path("address").asText("-"),
                            c.path("status").asText(), runtime.isMissingNode() || runtime.isNull() ? "?"
                                    : runtime.path("up").asBoolean() ? "yes" : "no",
                            runtime.path("majorityStatus").asText("-"), join(runtime.path("masterOf")));
                }
                return table.render();
            });
            return 0;
        }
    }

    /** Stop and start differ only in the verb and what follows it. */
    abstract static class Operation implements Callable<Integer> {
        @Mixin
        ApiOptions api;
        @Parameters(paramLabel = "<id>", description = "e.g. controller-2")
        String id;
        @Spec
        CommandSpec spec;

        abstract String verb();

        abstract String outcome();

        @Override
        public Integer call() {
            api.manager().post("/controllers/" + id + "/" + verb(), "");
            spec.commandLine().getOut().println(id + " " + outcome());
            return 0;
        }
    }

    @Command(name = "stop", description = "Crash a controller node and its ZooKeeper peer (all-in-one lab mode).")
    static final class Stop extends Operation {
        @Override
        String verb() {
            return "stop";
        }

        @Override
        String outcome() {
            return "stopped; the others take its slices after the session timeout";
        }
    }

    @Command(name = "start", description = "Start a stopped controller node again (all-in-one lab mode).")
    static final class Start extends Operation {
        @Override
        String verb() {
            return "start";
        }

        @Override
        String outcome() {
            return "started; it rejoins the cluster";
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

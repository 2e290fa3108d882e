package org.netweave.cli;

import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import org.netweave.cli.api.ApiOptions;
import org.netweave.cli.api.Columns;
import org.netweave.cli.api.ManagerApi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code show logical-router list|controller|host …}, NSX's central CLI views of DLRs. */
@Command(name = "logical-router", description = "DLRs: the list, the master controller's routes, a host's tables.",
        subcommands = {ShowLogicalRouter.ListAll.class, ShowLogicalRouter.Controller.class, ShowLogicalRouter.Host.class})
final class ShowLogicalRouter {

    @Command(name = "list", description = "show logical-router list all")
    static final class ListAll implements Callable<Integer> {
        @Mixin
        ApiOptions api;
        @Parameters(paramLabel = "all")
        String all;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Keywords.expect(spec, "all", all);
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

    @Command(name = "controller", description = "show logical-router controller master dlr <dlr> route: the DLR's "
            + "routing table as its master controller holds it.")
    static final class Controller implements Callable<Integer> {
        @Mixin
        ApiOptions api;
        @Parameters(index = "0", paramLabel = "master")
        String master;
        @Parameters(index = "1", paramLabel = "dlr")
        String dlrWord;
        @Parameters(index = "2", paramLabel = "<dlr>")
        String dlr;
        @Parameters(index = "3", paramLabel = "route")
        String route;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Keywords.expect(spec, "master", master);
            Keywords.expect(spec, "dlr", dlrWord);
            Keywords.expect(spec, "route", route);
            api.print(spec.commandLine().getOut(), api.manager().get("/dlrs/" + dlr + "/controller-routes"),
                    routes -> TableText.routes(routes.path("routes")));
            return 0;
        }
    }

    @Command(name = "host", description = "show logical-router host <host> dlr <dlr> route|interface|arp: the table "
            + "the host's instance of the DLR holds (net-vdr --route, --lif, --nbr on the host).")
    static final class Host implements Callable<Integer> {
        @Mixin
        ApiOptions api;
        @Parameters(index = "0", paramLabel = "<host>")
        String host;
        @Parameters(index = "1", paramLabel = "dlr")
        String dlrWord;
        @Parameters(index = "2", paramLabel = "<dlr>")
        String dlr;
        @Parameters(index = "3", paramLabel = "route|interface|arp")
        String table;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Keywords.expect(spec, "dlr", dlrWord);
            Keywords.oneOf(spec, List.of("route", "interface", "arp"), table);
            api.print(spec.commandLine().getOut(), api.manager().get("/hosts/" + host + "/dlrs/" + dlr),
                    tables -> TableText.hostDlr(tables, table));
            return 0;
        }
    }
}

package org.netweave.cli;

import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import org.netweave.cli.api.ApiOptions;
import org.netweave.cli.api.Columns;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code show logical-switch list|controller|host …}, NSX's central CLI views of logical switches. */
@Command(name = "logical-switch", description = "Logical switches: the list, a controller's tables, a host's tables.",
        subcommands = {ShowLogicalSwitch.ListAll.class, ShowLogicalSwitch.Controller.class, ShowLogicalSwitch.Host.class})
final class ShowLogicalSwitch {

    @Command(name = "list", description = "show logical-switch list all")
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

    @Command(name = "controller", description = "show logical-switch controller <controller> vni <vni> "
            + "mac|arp|vtep|connection: the table that controller holds. A controller that is not the VNI's master "
            + "holds none: it prints the empty table and a note naming the master, as NSX's controller does.")
    static final class Controller implements Callable<Integer> {
        @Mixin
        ApiOptions api;
        @Parameters(index = "0", paramLabel = "<controller>")
        String controller;
        @Parameters(index = "1", paramLabel = "vni")
        String vniWord;
        @Parameters(index = "2", paramLabel = "<vni>")
        String vni;
        @Parameters(index = "3", paramLabel = "mac|arp|vtep|connection")
        String table;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Keywords.expect(spec, "vni", vniWord);
            Keywords.oneOf(spec, List.of("mac", "arp", "vtep", "connection"), table);
            api.print(spec.commandLine().getOut(),
                    api.manager().get("/controllers/" + controller + "/logical-switches/" + vni),
                    tables -> TableText.controllerVni(tables, table));
            return 0;
        }
    }

    @Command(name = "host", description = "show logical-switch host <host> vni <vni> mac|arp|vtep: the table the "
            + "host's datapath holds (net-vdl2 -M on the host).")
    static final class Host implements Callable<Integer> {
        @Mixin
        ApiOptions api;
        @Parameters(index = "0", paramLabel = "<host>")
        String host;
        @Parameters(index = "1", paramLabel = "vni")
        String vniWord;
        @Parameters(index = "2", paramLabel = "<vni>")
        String vni;
        @Parameters(index = "3", paramLabel = "mac|arp|vtep")
        String table;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Keywords.expect(spec, "vni", vniWord);
            Keywords.oneOf(spec, List.of("mac", "arp", "vtep"), table);
            api.print(spec.commandLine().getOut(), api.manager().get("/hosts/" + host + "/logical-switches/" + vni),
                    tables -> TableText.hostVni(tables, table));
            return 0;
        }
    }
}

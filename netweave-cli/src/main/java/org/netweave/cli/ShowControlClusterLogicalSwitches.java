package org.netweave.cli;

import java.util.concurrent.Callable;

import org.netweave.cli.api.ApiOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code show control-cluster logical-switches vni <vni>}: which controller is the VNI's master,
 * with its counts. On NSX it must be run on the owning controller; here the manager finds it.
 */
@Command(name = "logical-switches", description = "show control-cluster logical-switches vni <vni>: the VNI's master "
        + "controller, its replication and ARP proxy, and how many connections and VTEPs joined it.")
final class ShowControlClusterLogicalSwitches implements Callable<Integer> {
    @Mixin
    ApiOptions api;
    @Parameters(index = "0", paramLabel = "vni")
    String vniWord;
    @Parameters(index = "1", paramLabel = "<vni>")
    String vni;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Keywords.expect(spec, "vni", vniWord);
        api.print(spec.commandLine().getOut(), api.manager().get("/logical-switches/vni/" + vni + "/controller"),
                TableText::vniSummary);
        return 0;
    }
}

package org.netweave.cli;

import java.util.concurrent.Callable;

import org.netweave.cli.api.ApiOptions;
import org.netweave.cli.api.ManagerApi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code netweave vm move <vm> <host>}: vMotion, through the manager's migrate call. */
@Command(name = "move", description = "Move a VM to another host (vMotion when it runs).")
final class VmMove implements Callable<Integer> {
    @Mixin
    ApiOptions api;
    @Parameters(index = "0", paramLabel = "<vm>", description = "The VM, e.g. vm-4")
    String vm;
    @Parameters(index = "1", paramLabel = "<host>", description = "The host to move to, e.g. host-3")
    String host;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var moved = api.manager().post("/vms/" + vm + "/migrate", ManagerApi.object("hostId", host));
        var out = spec.commandLine().getOut();
        if (api.json) {
            out.println(ManagerApi.pretty(moved));
        } else {
            out.println(moved.path("id").asText() + " (" + moved.path("name").asText() + ") now runs on "
                    + moved.path("hostId").asText() + " (generation " + moved.path("generation").asLong() + ")");
        }
        out.flush();
        return 0;
    }
}

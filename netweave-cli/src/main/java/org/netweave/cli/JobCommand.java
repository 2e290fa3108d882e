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

/** {@code netweave job <id>}: a job's named steps, as the manager ran them. */
@Command(name = "job", description = "A job and its named steps (e.g. a DLR deployment).")
final class JobCommand implements Callable<Integer> {
    @Mixin
    ApiOptions api;
    @Parameters(paramLabel = "<id>", description = "e.g. jobdata-2")
    String id;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        JsonNode job = api.manager().get("/jobs/" + id);
        if (api.json) {
            spec.commandLine().getOut().println(ManagerApi.pretty(job));
            return 0;
        }
        var out = spec.commandLine().getOut();
        out.println(job.path("id").asText() + " " + job.path("kind").asText() + " " + job.path("subjectId").asText()
                + ": " + job.path("state").asText() + (job.hasNonNull("error") ? " (" + job.path("error").asText() + ")" : ""));
        Columns steps = new Columns("#", "STEP", "STATE", "DETAIL");
        job.path("steps").forEach(step -> steps.row(step.path("index").asText(), step.path("name").asText(),
                step.path("state").asText(), step.path("detail").asText("")));
        out.print(steps.render());
        return 0;
    }
}

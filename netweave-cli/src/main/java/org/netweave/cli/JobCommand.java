package org.netweave.cli;

import java.time.Duration;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import org.netweave.cli.api.ApiOptions;
import org.netweave.cli.api.Columns;
import org.netweave.cli.api.Jobs;
import org.netweave.cli.api.ManagerApi;
import picocli.CommandLine.Command;
import org.netweave.model.InvalidValueException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code netweave job <id> [--wait]}: a job's named steps, as the manager ran them; with
 * {@code --wait}, each step as it starts, reports and ends, until the job does.
 */
@Command(name = "job", description = "A job and its named steps (e.g. a DLR deployment). With --wait, follow it: "
        + "one line per step as it starts, reports progress and ends; exit 0 if it succeeded, 1 if it failed.")
final class JobCommand implements Callable<Integer> {
    @Mixin
    ApiOptions api;
    @Parameters(paramLabel = "<id>", description = "e.g. jobdata-2")
    String id;
    @Option(names = "--wait", description = "Follow the job until it ends, printing its progress.")
    boolean await;
    @Option(names = "--timeout", defaultValue = "600", paramLabel = "<s>",
            description = "With --wait: give up after this many seconds (exit 2). Default: ${DEFAULT-VALUE}.")
    int timeoutSeconds;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (await) {
            return follow();
        }
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

    private int follow() {
        var out = spec.commandLine().getOut();
        if (timeoutSeconds < 1) {
            throw new InvalidValueException("--timeout", timeoutSeconds, "must be at least 1 second");
        }
        try {
            Jobs.awaitSuccess(api.manager(), id, Duration.ofSeconds(timeoutSeconds), line -> {
                out.println(line);
                out.flush();
            });
            return 0;
        } catch (Jobs.NotSucceeded e) {
            spec.commandLine().getErr().println("netweave: " + e.getMessage());
            return e.failed() ? 1 : 2;
        }
    }
}

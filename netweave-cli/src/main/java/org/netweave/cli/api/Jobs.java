package org.netweave.cli.api;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/** Waits for a manager job the way an operator watches it: polling its state until it ends. */
public final class Jobs {
    private static final Duration POLL = Duration.ofMillis(100);

    private Jobs() {
    }

    /**
     * The job once it succeeded.
     *
     * @throws ManagerApi.Failure when it failed (with its error and the step that failed) or did not end in time
     */
    public static JsonNode awaitSuccess(ManagerApi api, String jobId, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            JsonNode job = api.get("/jobs/" + jobId);
            switch (job.path("state").asText()) {
                case "SUCCEEDED" -> {
                    return job;
                }
                case "FAILED" -> throw new ManagerApi.Failure("job " + jobId + " (" + job.path("kind").asText()
                        + ") failed: " + job.path("error").asText("no error given") + failedStep(job));
                default -> {
                    if (Instant.now().isAfter(deadline)) {
                        throw new ManagerApi.Failure("job " + jobId + " did not end within " + timeout.toSeconds()
                                + " s; it is " + job.path("state").asText() + failedStep(job));
                    }
                    pause();
                }
            }
        }
    }

    private static String failedStep(JsonNode job) {
        for (JsonNode step : job.path("steps")) {
            if (!step.path("state").asText().equals("SUCCEEDED")) {
                return " at step " + step.path("index").asText() + " '" + step.path("name").asText() + "'"
                        + (step.hasNonNull("detail") ? ": " + step.path("detail").asText() : "");
            }
        }
        return "";
    }

    private static void pause() {
        pause("a job");
    }

    /** Waits one poll interval before asking the manager again; an interrupt ends the wait with a failure. */
    public static void pause(String waitingFor) {
        try {
            Thread.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ManagerApi.Failure("interrupted while waiting for " + waitingFor);
        }
    }
}

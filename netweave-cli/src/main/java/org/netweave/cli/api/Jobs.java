package org.netweave.cli.api;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

/** Waits for a manager job the way an operator watches it: polling its state until it ends. */
public final class Jobs {
    private static final Duration POLL = Duration.ofMillis(100);

    private Jobs() {
    }

    /** The job did not succeed: it failed ({@link #failed}), or it had not ended by the deadline. */
    public static final class NotSucceeded extends ManagerApi.Failure {
        private final boolean failed;

        NotSucceeded(boolean failed, String message) {
            super(message);
            this.failed = failed;
        }

        public boolean failed() {
            return failed;
        }
    }

    /**
     * The job once it succeeded.
     *
     * @throws ManagerApi.Failure when it failed (with its error and the step that failed) or did not end in time
     */
    public static JsonNode awaitSuccess(ManagerApi api, String jobId, Duration timeout) {
        return awaitSuccess(api, jobId, timeout, line -> { });
    }

    /**
     * The job once it succeeded, telling {@code progress} each step as it starts, reports and ends
     * ({@link JobProgress}).
     *
     * @throws NotSucceeded when it failed (with its error and the step that failed) or did not end in time
     * @throws ManagerApi.Failure when the manager did not answer
     */
    public static JsonNode awaitSuccess(ManagerApi api, String jobId, Duration timeout, Consumer<String> progress) {
        Instant deadline = Instant.now().plus(timeout);
        JobProgress seen = new JobProgress();
        while (true) {
            JsonNode job = api.get("/jobs/" + jobId);
            seen.update(job).forEach(progress);
            switch (job.path("state").asText()) {
                case "SUCCEEDED" -> {
                    return job;
                }
                case "FAILED" -> throw new NotSucceeded(true, "job " + jobId + " (" + job.path("kind").asText()
                        + ") failed: " + job.path("error").asText("no error given") + failedStep(job));
                default -> {
                    if (Instant.now().isAfter(deadline)) {
                        throw new NotSucceeded(false, "job " + jobId + " did not end within " + timeout.toSeconds()
                                + " s; it is " + job.path("state").asText() + failedStep(job));
                    }
                    pause();
                }
            }
        }
    }

    /**
     * Where it stopped: the last step that failed (a step whose undo failed is marked FAILED too,
     * and comes earlier), else the first that has not finished (steps end DONE).
     */
    private static String failedStep(JsonNode job) {
        JsonNode stopped = null;
        for (JsonNode step : job.path("steps")) {
            String state = step.path("state").asText();
            if (state.equals("FAILED") || stopped == null && !state.equals("DONE")) {
                stopped = step;
            }
        }
        return stopped == null ? "" : " at step " + stopped.path("index").asText() + " '" + stopped.path("name").asText()
                + "'" + (stopped.hasNonNull("detail") ? ": " + stopped.path("detail").asText() : "");
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

package org.netweave.cli.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JobProgressTest {
    final JobProgress progress = new JobProgress();

    @Test
    void eachPollTellsOnlyWhatChangedSinceTheLast() throws Exception {
        assertThat(progress.update(job("RUNNING", step(1, "deploy the control VM", "RUNNING", null),
                step(2, "push the LIFs", "PENDING", null))))
                .containsExactly("step 1/2 'deploy the control VM' RUNNING", "job jobdata-7 (DEPLOY_DLR edge-3) RUNNING");
        assertThat(progress.update(job("RUNNING", step(1, "deploy the control VM", "RUNNING", null),
                step(2, "push the LIFs", "PENDING", null)))).as("nothing new").isEmpty();
        assertThat(progress.update(job("RUNNING", step(1, "deploy the control VM", "RUNNING", "1 of 2 powered on"),
                step(2, "push the LIFs", "PENDING", null))))
                .containsExactly("step 1/2 'deploy the control VM' RUNNING: 1 of 2 powered on");
        assertThat(progress.update(job("SUCCEEDED", step(1, "deploy the control VM", "DONE", "vm-3, vm-4"),
                step(2, "push the LIFs", "DONE", "2 LIFs on 4 hosts")))).containsExactly(
                "step 1/2 'deploy the control VM' DONE: vm-3, vm-4",
                "step 2/2 'push the LIFs' DONE: 2 LIFs on 4 hosts",
                "job jobdata-7 (DEPLOY_DLR edge-3) SUCCEEDED");
    }

    @Test
    void aFailedJobSaysWhichStepFailedAndWhatWasUndone() throws Exception {
        progress.update(job("RUNNING", step(1, "deploy the control VM", "DONE", "vm-3"),
                step(2, "push the LIFs", "RUNNING", null)));

        assertThat(progress.update(job("FAILED\",\"error\":\"step 2 'push the LIFs' failed: no host answered",
                step(1, "deploy the control VM", "ROLLED_BACK", "undone: vm-3 deleted"),
                step(2, "push the LIFs", "FAILED", "no host answered")))).containsExactly(
                "step 1/2 'deploy the control VM' ROLLED_BACK: undone: vm-3 deleted",
                "step 2/2 'push the LIFs' FAILED: no host answered",
                "job jobdata-7 (DEPLOY_DLR edge-3) FAILED: step 2 'push the LIFs' failed: no host answered");
    }

    private static JsonNode job(String state, String... steps) throws Exception {
        return new ObjectMapper().readTree("{\"id\":\"jobdata-7\",\"kind\":\"DEPLOY_DLR\",\"subjectId\":\"edge-3\","
                + "\"state\":\"" + state + "\",\"steps\":[" + String.join(",", steps) + "]}");
    }

    private static String step(int index, String name, String state, String detail) {
        return "{\"index\":" + index + ",\"name\":\"" + name + "\",\"state\":\"" + state + "\",\"detail\":"
                + (detail == null ? "null" : "\"" + detail + "\"") + "}";
    }
}

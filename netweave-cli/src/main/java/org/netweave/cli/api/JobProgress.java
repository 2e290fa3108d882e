package org.netweave.cli.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What changed in a job since the last poll, as the lines an operator watching it wants: one per
 * step that started, reported progress (its detail changed), finished, failed or was rolled back,
 * and one when the job itself changes state. Feed it every poll of {@code GET /jobs/{id}}.
 */
public final class JobProgress {
    private final Map<Integer, String> steps = new HashMap<>();
    private String jobState = "";

    /** The lines for what {@code job} shows that the previous poll did not; none when nothing changed. */
    public List<String> update(JsonNode job) {
        List<String> lines = new ArrayList<>();
        int count = job.path("steps").size();
        for (JsonNode step : job.path("steps")) {
            int index = step.path("index").asInt();
            String state = step.path("state").asText();
            String detail = step.path("detail").asText("");
            String now = state + "\n" + detail;
            String before = steps.put(index, now);
            if (now.equals(before) || before == null && state.equals("PENDING")) {
                continue;
            }
            lines.add("step " + index + "/" + count + " '" + step.path("name").asText() + "' " + state
                    + (detail.isEmpty() ? "" : ": " + detail));
        }
        String state = job.path("state").asText();
        if (!state.equals(jobState)) {
            jobState = state;
            lines.add("job " + job.path("id").asText() + " (" + job.path("kind").asText() + " "
                    + job.path("subjectId").asText("") + ") " + state
                    + (job.hasNonNull("error") ? ": " + job.path("error").asText() : ""));
        }
        return lines;
    }
}

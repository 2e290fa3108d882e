package org.netweave.bench.scale;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.netweave.manager.api.Json;

/** The manager's REST API as the harness uses it: JSON in, JSON out, any answer above 299 an error. */
final class ScaleApi {
    private static final Duration JOB_WAIT = Duration.ofMinutes(5);

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    ScaleApi(int port) {
        this.base = "http://127.0.0.1:" + port + "/api/v1";
    }

    JsonNode post(String path, String body) {
        return send("POST", path, body);
    }

    JsonNode put(String path, String body) {
        return send("PUT", path, body);
    }

    JsonNode get(String path) {
        return send("GET", path, null);
    }

    /** Waits for a job to succeed; a failed job or one still running after five minutes is an error. */
    void awaitJob(String job) {
        long deadline = System.nanoTime() + JOB_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode state = get("/jobs/" + job);
            switch (state.at("/state").asText()) {
                case "SUCCEEDED" -> {
                    return;
                }
                case "FAILED" -> throw new IllegalStateException("job " + job + " failed: " + state);
                default -> LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            }
        }
        throw new IllegalStateException("job " + job + " did not end within " + JOB_WAIT);
    }

    private JsonNode send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", e);
        }
    }
}

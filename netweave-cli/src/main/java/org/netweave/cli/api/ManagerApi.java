package org.netweave.cli.api;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The CLI's client of a running manager's REST API. */
public final class ManagerApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A refusal or failure the CLI reports in one line. */
    public static class Failure extends RuntimeException {
        public Failure(String message) {
            super(message);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final Optional<String> token;

    /** A client without a token: for a manager run with --insecure-no-auth. */
    public ManagerApi(String base) {
        this(base, Optional.empty());
    }

    /** @param token the bearer token every request carries */
    public ManagerApi(String base, Optional<String> token) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.token = token;
    }

    public JsonNode get(String path) {
        return send("GET", path, null);
    }

    public JsonNode post(String path, String body) {
        return send("POST", path, body);
    }

    public JsonNode put(String path, String body) {
        return send("PUT", path, body);
    }

    private JsonNode send(String method, String path, String body) {
        URI uri;
        try {
            uri = URI.create(base + path);
        } catch (IllegalArgumentException e) {
            throw new Failure("not a valid request: " + base + path);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
            if (response.statusCode() == 401) {
                throw new Failure(json.path("message").asText("HTTP 401") + " (401; the CLI sends $NETWEAVE_TOKEN, or "
                        + "the token in --data-dir or in " + ApiCredentials.tokenFile(base) + ")");
            }
            if (response.statusCode() >= 400) {
                // Neutron's errors wrap theirs in NeutronError.
                String message = json.path("message").asText(json.path("NeutronError").path("message")
                        .asText("HTTP " + response.statusCode()));
                throw new Failure(message + " ("
                        + response.statusCode() + (json.hasNonNull("field") ? ", field " + json.get("field").asText() : "")
                        + ")");
            }
            return json;
        } catch (ConnectException e) {
            throw new Failure("no manager answers at " + base + "; start one with ./netweave run, or point --api at it");
        } catch (IOException e) {
            throw new Failure(method + " " + base + path + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted");
        }
    }

    /** A JSON object of alternating names and values, with the values escaped as JSON requires. */
    public static String object(Object... namesAndValues) {
        var node = JSON.createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            node.set((String) namesAndValues[i], JSON.valueToTree(namesAndValues[i + 1]));
        }
        return node.toString();
    }

    public static String pretty(JsonNode json) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

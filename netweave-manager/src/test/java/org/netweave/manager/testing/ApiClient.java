package org.netweave.manager.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.netweave.manager.api.Json;

/** A small JSON client for API tests: every call returns the status and the parsed body. */
public final class ApiClient {
    public record Reply(int status, JsonNode body, String text) {
        /** The body's field, for short assertions. */
        public JsonNode at(String pointer) {
            return body.at(pointer);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final Map<String, String> headers;

    public ApiClient(int port) {
        this("http://127.0.0.1:" + port + "/api/v1");
    }

    /** A client for paths below {@code base}, e.g. the server root for the Neutron API. */
    public ApiClient(String base) {
        this(base, Map.of());
    }

    private ApiClient(String base, Map<String, String> headers) {
        this.base = base;
        this.headers = Map.copyOf(headers);
    }

    /** The same client, sending {@code name: value} with every request (e.g. a bearer token). */
    public ApiClient withHeader(String name, String value) {
        Map<String, String> more = new java.util.HashMap<>(headers);
        more.put(name, value);
        return new ApiClient(base, more);
    }

    /** The same client with {@code Authorization: Bearer <token>}. */
    public ApiClient withToken(String token) {
        return withHeader("Authorization", "Bearer " + token);
    }

    public Reply get(String path) {
        return send("GET", path, null);
    }

    public Reply post(String path, String json) {
        return send("POST", path, json);
    }

    public Reply put(String path, String json) {
        return send("PUT", path, json);
    }

    public Reply delete(String path) {
        return send("DELETE", path, null);
    }

    public Reply send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode body = text == null || text.isBlank() ? MissingNode.getInstance() : Json.mapper().readTree(text);
            return new Reply(response.statusCode(), body, text);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", e);
        }
    }
}

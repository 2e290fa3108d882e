package org.netweave.manager.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;

/**
 * The web console at {@code /ui}: a page a network engineer opens instead of the CLI. Three
 * static files from the classpath, plain HTML, CSS and JavaScript that read {@code /api/v1}; no
 * build step, so what is in the jar is what runs.
 */
public final class WebConsole {
    private static final Map<String, String> FILES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "console.js", "text/javascript; charset=utf-8",
            "console.css", "text/css; charset=utf-8");

    private final Map<String, byte[]> content;

    public WebConsole() {
        this.content = FILES.keySet().stream().collect(java.util.stream.Collectors.toMap(name -> name, WebConsole::read));
    }

    public List<Endpoint> endpoints() {
        return List.of(
                new Endpoint(HandlerType.GET, "/ui", ctx -> ctx.contentType(FILES.get("index.html"))
                        .result(content.get("index.html")), Set.of()),
                new Endpoint(HandlerType.GET, "/ui/{file}", ctx -> {
                    String file = ctx.pathParam("file");
                    byte[] body = content.get(file);
                    if (body == null) {
                        ctx.status(404).contentType("text/plain").result("no file " + file + " in the console");
                        return;
                    }
                    ctx.contentType(FILES.get(file)).header("Cache-Control", "no-cache").result(body);
                }, Set.of()));
    }

    private static byte[] read(String name) {
        try (InputStream in = WebConsole.class.getResourceAsStream("/console/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the console file " + name + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

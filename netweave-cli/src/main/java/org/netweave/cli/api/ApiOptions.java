package org.netweave.cli.api;

import picocli.CommandLine.Option;

/** The options every command that talks to a running manager shares. */
public final class ApiOptions {
    @Option(names = "--api", description = "The manager's API (default: $NETWEAVE_API or http://127.0.0.1:8080/api/v1).")
    String api;

    @Option(names = "--json", description = "Print the API's JSON instead of a table, for scripts.")
    public boolean json;

    @Option(names = "--data-dir", paramLabel = "<dir>", description = "The manager's data directory, where its "
            + "admin.token is (default: $NETWEAVE_DATA_DIR). $NETWEAVE_TOKEN wins over it; without either, the token "
            + "a running 'netweave run' published in ~/.netweave.")
    java.nio.file.Path dataDir;

    /** Prints the API's JSON with --json, otherwise the table the command renders from it. */
    public void print(java.io.PrintWriter out, com.fasterxml.jackson.databind.JsonNode json,
                      java.util.function.Function<com.fasterxml.jackson.databind.JsonNode, String> table) {
        out.print(this.json ? ManagerApi.pretty(json) + "\n" : table.apply(json));
        out.flush();
    }

    public ManagerApi manager() {
        String url = api != null ? api : System.getenv().getOrDefault("NETWEAVE_API", "http://127.0.0.1:8080/api/v1");
        return new ManagerApi(url, ApiCredentials.token(url, dataDir, System.getenv()));
    }
}

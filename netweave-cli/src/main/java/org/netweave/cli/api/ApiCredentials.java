package org.netweave.cli.api;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.netweave.manager.auth.ApiTokens;

/**
 * Where the CLI finds the API token, first match wins: {@code $NETWEAVE_TOKEN}; the manager's data
 * directory ({@code --data-dir} or {@code $NETWEAVE_DATA_DIR}, the all-in-one's or the manager's
 * own); else the file a running {@code netweave run} publishes for its API URL under
 * {@code ~/.netweave}, so that commands beside a lab need no setup.
 */
public final class ApiCredentials {
    /** The file name the manager writes its bootstrap administrator token to (0600). */
    public static final String TOKEN_FILE = "admin.token";

    private ApiCredentials() {
    }

    public static Optional<String> token(String apiUrl, Path dataDir, Map<String, String> env) {
        String fromEnv = env.get("NETWEAVE_TOKEN");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(fromEnv.strip());
        }
        Path dir = dataDir != null ? dataDir : Optional.ofNullable(env.get("NETWEAVE_DATA_DIR")).map(Path::of).orElse(null);
        if (dir != null) {
            Optional<String> inDir = read(dir.resolve("manager").resolve(TOKEN_FILE)).or(() -> read(dir.resolve(TOKEN_FILE)));
            if (inDir.isPresent()) {
                return inDir;
            }
        }
        return read(tokenFile(apiUrl));
    }

    /** {@code ~/.netweave/api-<host>-<port>.token}: where a lab publishes the token of the API at {@code apiUrl}. */
    public static Path tokenFile(String apiUrl) {
        URI uri = URI.create(apiUrl);
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        return Path.of(System.getProperty("user.home"), ".netweave", "api-" + uri.getHost() + "-" + port + ".token");
    }

    /** Publishes {@code token} for the API at {@code apiUrl} (owner-only), for the CLI beside it. */
    public static Path publish(String apiUrl, String token) throws IOException {
        Path file = tokenFile(apiUrl);
        ApiTokens.writeOwnerOnly(file, token);
        return file;
    }

    private static Optional<String> read(Path file) {
        try {
            String token = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return token.isEmpty() ? Optional.empty() : Optional.of(token);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}

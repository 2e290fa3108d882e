package org.netweave.manager.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.netweave.manager.api.ApiException;
import org.netweave.manager.store.Store;
import org.netweave.model.InvalidValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API's bearer tokens: made and revoked through {@code /api/v1/tokens}, checked on every
 * request against an in-memory copy of their hashes (this manager is the only writer of its
 * store). On the first start, with no token yet, one enterprise administrator token is made and
 * its secret written to {@code <data dir>/admin.token}, readable by its owner only, where the CLI
 * finds it.
 */
public final class ApiTokens {
    public static final String BOOTSTRAP_FILE = "admin.token";
    private static final Logger LOG = LoggerFactory.getLogger(ApiTokens.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Store store;
    private final Clock clock;
    private final Map<String, TokenStore.Row> byHash = new ConcurrentHashMap<>();

    public ApiTokens(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
        reload();
    }

    /** The token whose secret this is, if any. */
    public Optional<TokenStore.Row> authenticate(String secret) {
        return Optional.ofNullable(byHash.get(sha256(secret)));
    }

    /**
     * Makes the bootstrap administrator token when no enterprise_admin token exists (tokens made
     * while authentication was off do not count). Its secret is in {@code dataDir} before the
     * token is stored, so a crash in between leaves a file that opens nothing, never a token whose
     * secret nobody has.
     */
    public void bootstrap(Path dataDir) {
        if (byHash.values().stream().anyMatch(t -> t.role() == ApiRole.ENTERPRISE_ADMIN)) {
            return;
        }
        String secret = newSecret();
        Path file = dataDir.resolve(BOOTSTRAP_FILE);
        try {
            writeOwnerOnly(file, secret);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the bootstrap admin token to " + file, e);
        }
        String name = byHash.values().stream().anyMatch(t -> t.name().equals("admin")) ? "admin-" + clock.millis() : "admin";
        NewApiToken admin = store(name, ApiRole.ENTERPRISE_ADMIN, secret);
        LOG.atInfo().setMessage("bootstrap enterprise administrator token {} written to {} (mode 0600)")
                .addArgument(admin.id()).addArgument(file).addKeyValue("event", "token-created")
                .addKeyValue("token", admin.id()).addKeyValue("role", admin.role()).log();
    }

    public NewApiToken create(NewApiTokenRequest request) {
        if (request == null || request.name() == null || request.name().isBlank() || request.name().length() > 255) {
            throw ApiException.invalid("name", "name must be 1-255 characters");
        }
        if (request.role() == null) {
            throw ApiException.missing("role");
        }
        ApiRole role;
        try {
            role = ApiRole.parse("role", request.role());
        } catch (InvalidValueException e) {
            throw ApiException.of(e, "");
        }
        NewApiToken made = store(request.name(), role, newSecret());
        LOG.atInfo().setMessage("token {} ({}) made for {}").addArgument(made.id()).addArgument(role.apiName())
                .addArgument(made.name()).addKeyValue("event", "token-created").addKeyValue("token", made.id())
                .addKeyValue("role", role.apiName()).log();
        return made;
    }

    /**
     * Writes {@code secret} to {@code file}, readable by its owner only from the first byte: a
     * temporary file created with mode 0600, then moved into place.
     */
    public static void writeOwnerOnly(Path file, String secret) throws IOException {
        Files.createDirectories(file.getParent());
        Path partial = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".partial",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(partial, secret + "\n", StandardCharsets.US_ASCII);
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "nwt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private NewApiToken store(String name, ApiRole role, String secret) {
        TokenStore.Row row = store.write((handle, generation) -> {
            if (TokenStore.nameTaken(handle, name)) {
                throw ApiException.conflict("name", "a token named '" + name + "' exists");
            }
            TokenStore.Row made = new TokenStore.Row(Store.nextId(handle, "token", "-"), name, role, sha256(secret),
                    clock.instant());
            TokenStore.insert(handle, generation, made);
            return made;
        }).value();
        byHash.put(row.secretSha256(), row);
        return new NewApiToken(row.id(), row.name(), role.apiName(), secret);
    }

    public List<ApiToken> list() {
        return store.read(TokenStore::all).stream().map(ApiToken::of).toList();
    }

    /** Revokes a token at once; the last enterprise administrator token stays, so nobody is locked out. */
    public void revoke(String id) {
        TokenStore.Row revoked = store.write((handle, generation) -> {
            List<TokenStore.Row> all = TokenStore.all(handle);
            TokenStore.Row row = all.stream().filter(r -> r.id().equals(id)).findFirst()
                    .orElseThrow(() -> ApiException.notFound("id", "token", id));
            if (row.role() == ApiRole.ENTERPRISE_ADMIN
                    && all.stream().filter(r -> r.role() == ApiRole.ENTERPRISE_ADMIN).count() == 1) {
                throw ApiException.inUse("id", id + " is the last enterprise_admin token; make another first");
            }
            TokenStore.delete(handle, id);
            return row;
        }).value();
        byHash.remove(revoked.secretSha256());
        LOG.atInfo().setMessage("token {} revoked").addArgument(id).addKeyValue("event", "token-revoked")
                .addKeyValue("token", id).log();
    }

    private void reload() {
        store.read(TokenStore::all).forEach(row -> byHash.put(row.secretSha256(), row));
    }

    static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

package org.netweave.manager.auth;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.LongSupplier;

import io.javalin.http.Context;
import org.netweave.manager.api.ApiException;

/**
 * Runs before every request: who is asking (a bearer token in {@code Authorization}, or in
 * {@code X-Auth-Token} as OpenStack clients send it), is that client within its rate
 * ({@link ClientLimits}: 429 with {@code Retry-After} if not), and may its role do this
 * ({@link Access})? 401 without a known token, 403 when the role may not; all with the JSON error
 * body. The API description, the web console's files and Neutron's version discovery are open, as
 * a client needs them before it has a token. Without tokens ({@code --insecure-no-auth}) every
 * client is an enterprise administrator known by its address, and still rate-limited.
 */
public final class ApiGate {
    private static final Set<String> OPEN = Set.of("/api/v1/openapi.json", "/", "/v2.0");

    private final ApiTokens tokens;
    private final RateLimit limit;
    private final ClientLimits limits;

    /** @param tokens the API's tokens; null: no authentication */
    public ApiGate(ApiTokens tokens, RateLimit limit) {
        this(tokens, limit, System::nanoTime);
    }

    ApiGate(ApiTokens tokens, RateLimit limit, LongSupplier nanoTime) {
        this.tokens = tokens;
        this.limit = limit;
        this.limits = new ClientLimits(limit, nanoTime);
    }

    public void check(Context ctx) {
        String path = ctx.path();
        if (OPEN.contains(path) || path.equals("/ui") || path.startsWith("/ui/")) {
            return;
        }
        Optional<String> presented = secret(ctx);
        Optional<TokenStore.Row> known = tokens == null ? Optional.empty() : presented.flatMap(tokens::authenticate);
        // A token is its own client; without a known one the address is, so that guessing is throttled too.
        String client = known.map(TokenStore.Row::id).orElse(ctx.ip());
        (limit.equals(RateLimit.UNLIMITED) ? OptionalLong.empty() : limits.take(client)).ifPresent(waitNanos -> {
            long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
            ctx.header("Retry-After", Long.toString(seconds));
            throw new ApiException(429, "too_many_requests", null, client + " made more than " + limit.perSecond()
                    + " requests/s (bursts of " + limit.burst() + "); retry in " + seconds + " s");
        });
        if (tokens == null) {
            return;
        }
        presented.orElseThrow(() -> {
            ctx.header("WWW-Authenticate", "Bearer realm=\"netweave\"");
            return new ApiException(401, "unauthorized", "Authorization",
                    "send 'Authorization: Bearer <token>'; the first administrator token is in the manager's data "
                            + "directory, file " + ApiTokens.BOOTSTRAP_FILE);
        });
        TokenStore.Row token = known.orElseThrow(() -> {
            ctx.header("WWW-Authenticate", "Bearer realm=\"netweave\", error=\"invalid_token\"");
            return new ApiException(401, "unauthorized", "Authorization", "the token is not known: revoked or mistyped");
        });
        Access.refusal(token.role(), ctx.method().name(), path).ifPresent(why -> {
            throw new ApiException(403, "forbidden", null, why + "; token " + token.id());
        });
    }

    private static Optional<String> secret(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String secret = authorization.substring(7).strip();
            return secret.isEmpty() ? Optional.empty() : Optional.of(secret);
        }
        String openStack = ctx.header("X-Auth-Token");
        return openStack == null || openStack.isBlank() ? Optional.empty() : Optional.of(openStack.strip());
    }
}

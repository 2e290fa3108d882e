package org.netweave.manager.auth;

import java.util.Optional;
import java.util.Set;

import io.javalin.http.Context;
import org.netweave.manager.api.ApiException;

/**
 * Runs before every request: who is asking (a bearer token in {@code Authorization}, or in
 * {@code X-Auth-Token} as OpenStack clients send it), and may that role do this ({@link Access})?
 * 401 without a known token, 403 when the role may not; both with the JSON error body. The API
 * description, the web console's files and Neutron's version discovery are open, as a client
 * needs them before it has a token.
 */
public final class ApiGate {
    public static final String ROLE_ATTRIBUTE = "netweave.role";
    private static final Set<String> OPEN = Set.of("/api/v1/openapi.json", "/", "/v2.0");

    private final ApiTokens tokens;

    public ApiGate(ApiTokens tokens) {
        this.tokens = tokens;
    }

    public void check(Context ctx) {
        String path = ctx.path();
        if (OPEN.contains(path) || path.equals("/ui") || path.startsWith("/ui/")) {
            return;
        }
        String secret = secret(ctx).orElseThrow(() -> {
            ctx.header("WWW-Authenticate", "Bearer realm=\"netweave\"");
            return new ApiException(401, "unauthorized", "Authorization",
                    "send 'Authorization: Bearer <token>'; the first administrator token is in the manager's data "
                            + "directory, file " + ApiTokens.BOOTSTRAP_FILE);
        });
        TokenStore.Row token = tokens.authenticate(secret).orElseThrow(() -> {
            ctx.header("WWW-Authenticate", "Bearer realm=\"netweave\", error=\"invalid_token\"");
            return new ApiException(401, "unauthorized", "Authorization", "the token is not known: revoked or mistyped");
        });
        Access.refusal(token.role(), ctx.method().name(), path).ifPresent(why -> {
            throw new ApiException(403, "forbidden", null, why + "; token " + token.id());
        });
        ctx.attribute(ROLE_ATTRIBUTE, token.role());
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

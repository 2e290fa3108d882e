package org.netweave.manager.auth;

import org.netweave.manager.api.ApiRegistry;
import org.netweave.manager.api.ApiRoutes;
import org.netweave.manager.api.RequestBodies;

/** {@code /tokens}: make, list and revoke API tokens (enterprise administrators only, by {@link Access}). */
public final class TokenRoutes implements ApiRoutes {
    private final ApiTokens tokens;

    public TokenRoutes(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void register(ApiRegistry api) {
        api.post("/tokens", "Make a token with a role; its secret is in this answer only", NewApiTokenRequest.class,
                NewApiToken.class, 201, ctx -> ctx.json(tokens.create(RequestBodies.decode(ctx, NewApiTokenRequest.class))));
        api.list("/tokens", "Every token, without secrets", ApiToken.class, ctx -> ctx.json(tokens.list()));
        api.delete("/tokens/{id}", "Revoke a token at once (not the last enterprise_admin one)", null, ctx -> {
            tokens.revoke(ctx.pathParam("id"));
            ctx.status(204);
        });
    }
}

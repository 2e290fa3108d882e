package org.netweave.manager.controllers;

import org.netweave.manager.api.ApiException;
import org.netweave.manager.api.ApiRegistry;
import org.netweave.manager.api.ApiRoutes;
import org.netweave.manager.api.RequestBodies;
import org.netweave.model.ControllerId;
import org.netweave.model.InvalidValueException;

/** {@code /controllers}: deploy, list, remove (NSX {@code /api/2.0/vdn/controller}). */
public final class ControllerRoutes implements ApiRoutes {
    private final ControllerService controllers;

    public ControllerRoutes(ControllerService controllers) {
        this.controllers = controllers;
    }

    @Override
    public void register(ApiRegistry api) {
        api.post("/controllers", "Deploy a controller node (a job; the first bootstraps the cluster)",
                DeployControllerRequest.class, ControllerJobAccepted.class, 202,
                ctx -> ctx.json(controllers.deploy(ctx.body().isBlank() ? new DeployControllerRequest(null)
                        : RequestBodies.decode(ctx, DeployControllerRequest.class))));
        api.list("/controllers", "Every controller with its status and what its node says about itself",
                ControllerView.class, ctx -> ctx.json(controllers.list()));
        api.get("/controllers/{id}", "One controller", ControllerView.class,
                ctx -> ctx.json(controllers.get(id(ctx.pathParam("id")))));
        api.get("/controllers/{id}/show/{view}", "What the node prints for show control-cluster status|roles|startup-nodes",
                ControllerCliView.class, ctx -> ctx.json(controllers.show(id(ctx.pathParam("id")), ctx.pathParam("view"))));
        api.post("/controllers/{id}/stop", "Crash the node and its ZooKeeper peer (lab mode, for failure drills)",
                null, ControllerView.class, 200, ctx -> ctx.json(controllers.stop(id(ctx.pathParam("id")))));
        api.post("/controllers/{id}/start", "Start a stopped node again (lab mode)", null, ControllerView.class, 200,
                ctx -> ctx.json(controllers.start(id(ctx.pathParam("id")))));
        api.delete("/controllers/{id}", "Remove a controller (a job); ?forceRemoval=true for the last one",
                ControllerJobAccepted.class, ctx -> {
                    String force = ctx.queryParam("forceRemoval");
                    if (force != null && !force.equals("true") && !force.equals("false")) {
                        throw ApiException.invalid("forceRemoval", "forceRemoval must be true or false, not '" + force + "'");
                    }
                    ctx.status(202).json(controllers.remove(id(ctx.pathParam("id")), "true".equals(force)));
                });
    }

    private static ControllerId id(String value) {
        try {
            return ControllerId.of(value);
        } catch (InvalidValueException e) {
            throw ApiException.invalid("id", e.getMessage());
        }
    }
}

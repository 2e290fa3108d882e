package org.netweave.manager.traceflow;

import org.netweave.manager.api.ApiRegistry;
import org.netweave.manager.api.ApiRoutes;
import org.netweave.manager.api.RequestBodies;

/** {@code /traceflows}: start a traceflow, read its result (NSX-T's {@code POST /api/v1/traceflows}). */
public final class TraceflowRoutes implements ApiRoutes {
    private final Traceflows traceflows;

    public TraceflowRoutes(Traceflows traceflows) {
        this.traceflows = traceflows;
    }

    @Override
    public void register(ApiRegistry api) {
        api.post("/traceflows", "Inject a probe at a vNIC and collect what every component it crosses observes",
                        TraceflowRequest.class, TraceflowView.class, 201,
                        ctx -> ctx.status(201).json(traceflows.start(RequestBodies.decode(ctx, TraceflowRequest.class))))
                .get("/traceflows/{id}", "A traceflow's state, result and observations in hop order", TraceflowView.class,
                        ctx -> ctx.json(traceflows.get(ctx.pathParam("id"))));
    }
}

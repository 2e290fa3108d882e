package org.netweave.manager.jobs;

import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.netweave.manager.api.ApiException;
import org.netweave.manager.api.ApiRegistry;
import org.netweave.manager.api.ApiRoutes;
import org.netweave.manager.store.Store;
import org.netweave.model.InvalidValueException;
import org.netweave.model.JobId;

/** {@code GET /jobs/{id}} and {@code GET /jobs}: a job's state and its named steps with their timestamps. */
public final class JobRoutes implements ApiRoutes {
    private final Store store;

    public JobRoutes(Store store) {
        this.store = store;
    }

    @Override
    public void register(ApiRegistry api) {
        api.get("/jobs/{id}", "A job with its named steps, their state, detail and timestamps", JobView.class, ctx -> {
            JobId id = id(ctx.pathParam("id"));
            ctx.json(store.read((Handle handle) -> JobStore.find(handle, id))
                    .orElseThrow(() -> ApiException.notFound("id", "job", id)));
        });
        api.list("/jobs", "Every job, oldest first; ?subjectId= for the jobs of one object", JobView.class, ctx -> {
            Optional<String> subject = Optional.ofNullable(ctx.queryParam("subjectId"));
            ctx.json(store.read(handle -> JobStore.list(handle, subject)));
        });
    }

    private static JobId id(String value) {
        try {
            return JobId.of(value);
        } catch (InvalidValueException e) {
            throw ApiException.invalid("id", e.getMessage());
        }
    }
}

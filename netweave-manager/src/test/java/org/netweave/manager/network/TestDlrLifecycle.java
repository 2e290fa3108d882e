package org.netweave.manager.network;

import java.util.ArrayList;
import java.util.List;

import org.jdbi.v3.core.Handle;
import org.netweave.manager.dlr.DlrLifecycle;
import org.netweave.manager.store.Store;
import org.netweave.model.DlrId;
import org.netweave.model.JobId;

/** Stands in for the lead's deployment workflow: a QUEUED job row per call, nothing else. */
public final class TestDlrLifecycle implements DlrLifecycle {
    public record Call(String kind, DlrId dlr, JobId job, long generation) {
    }

    private final List<Call> calls = new ArrayList<>();

    @Override
    public JobId deploy(Handle handle, long generation, DlrId dlr) {
        return job(handle, generation, dlr, "DLR_DEPLOY");
    }

    @Override
    public JobId undeploy(Handle handle, long generation, DlrId dlr) {
        return job(handle, generation, dlr, "DLR_UNDEPLOY");
    }

    public synchronized void clear() {
        calls.clear();
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    private synchronized JobId job(Handle handle, long generation, DlrId dlr, String kind) {
        JobId job = JobId.of(Store.nextId(handle, "job", "-"));
        handle.createUpdate("INSERT INTO job (id, kind, subject_id, state, created_at, generation)"
                        + " VALUES (:id, :kind, :dlr, 'QUEUED', CURRENT_TIMESTAMP, :g)")
                .bind("id", job.value()).bind("kind", kind).bind("dlr", dlr.value()).bind("g", generation).execute();
        calls.add(new Call(kind, dlr, job, generation));
        return job;
    }
}

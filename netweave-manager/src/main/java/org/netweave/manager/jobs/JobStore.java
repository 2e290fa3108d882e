package org.netweave.manager.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.netweave.manager.store.Store;
import org.netweave.model.JobId;

/** The job and job_step tables. Every method takes the caller's handle, so it joins the caller's transaction. */
public final class JobStore {
    private JobStore() {
    }

    /** A new QUEUED job with its steps PENDING; the first {@code stepsDone} steps are DONE already. */
    public static JobId insert(Handle handle, long generation, Instant now, String kind, String subjectId,
                               List<String> stepNames, int stepsDone, String firstDetail) {
        JobId id = JobId.of(Store.nextId(handle, "jobdata", "-"));
        handle.createUpdate("INSERT INTO job (id, kind, subject_id, state, created_at, generation) "
                        + "VALUES (:id, :kind, :subject, 'QUEUED', :now, :generation)")
                .bind("id", id.value()).bind("kind", kind).bind("subject", subjectId)
                .bind("now", time(now)).bind("generation", generation).execute();
        for (int i = 0; i < stepNames.size(); i++) {
            boolean done = i < stepsDone;
            handle.createUpdate("INSERT INTO job_step (job_id, step_index, name, state, detail, started_at, finished_at) "
                            + "VALUES (:job, :index, :name, :state, :detail, :started, :finished)")
                    .bind("job", id.value()).bind("index", i + 1).bind("name", stepNames.get(i))
                    .bind("state", (done ? StepState.DONE : StepState.PENDING).name())
                    .bind("detail", done && i == stepsDone - 1 ? firstDetail : null)
                    .bind("started", done ? time(now) : null).bind("finished", done ? time(now) : null)
                    .execute();
        }
        return id;
    }

    public static Optional<JobView> find(Handle handle, JobId id) {
        Optional<JobView> job = handle.createQuery("SELECT * FROM job WHERE id = :id").bind("id", id.value())
                .map((rs, ctx) -> job(rs, List.of())).findOne();
        return job.map(found -> withSteps(handle, found));
    }

    public static List<JobView> list(Handle handle, Optional<String> subjectId) {
        var query = subjectId.isPresent()
                ? handle.createQuery("SELECT * FROM job WHERE subject_id = :subject ORDER BY created_at, id")
                        .bind("subject", subjectId.get())
                : handle.createQuery("SELECT * FROM job ORDER BY created_at, id");
        return query.map((rs, ctx) -> job(rs, List.of())).list().stream()
                .map(found -> withSteps(handle, found)).toList();
    }

    /** Jobs waiting to start, oldest first. */
    public static List<JobId> queued(Handle handle) {
        return handle.createQuery("SELECT id FROM job WHERE state = 'QUEUED' ORDER BY created_at, id")
                .map((rs, ctx) -> JobId.of(rs.getString("id"))).list();
    }

    /**
     * Marks a job RUNNING unless it finished meanwhile; false when it had (a second launch of a job
     * that a scan saw just before its last write must not run it again).
     */
    public static boolean markRunning(Handle handle, JobId id, Instant now) {
        return handle.createUpdate("UPDATE job SET state = 'RUNNING', started_at = COALESCE(started_at, :now) "
                        + "WHERE id = :id AND state IN ('QUEUED', 'RUNNING')")
                .bind("now", time(now)).bind("id", id.value()).execute() == 1;
    }

    /** Jobs a manager that stopped left unfinished, oldest first. */
    public static List<JobId> unfinished(Handle handle) {
        return handle.createQuery("SELECT id FROM job WHERE state IN ('QUEUED', 'RUNNING', 'ROLLING_BACK') "
                        + "ORDER BY created_at, id")
                .map((rs, ctx) -> JobId.of(rs.getString("id"))).list();
    }

    public static void setJobState(Handle handle, JobId id, JobState state, String error, Instant now) {
        String times = switch (state) {
            case RUNNING -> ", started_at = COALESCE(started_at, :now)";
            case SUCCEEDED, FAILED -> ", finished_at = :now";
            default -> "";
        };
        handle.createUpdate("UPDATE job SET state = :state, error = COALESCE(:error, error)" + times + " WHERE id = :id")
                .bind("state", state.name()).bind("error", clip(error)).bind("now", time(now)).bind("id", id.value())
                .execute();
    }

    public static void setStep(Handle handle, JobId id, int index, StepState state, String detail, Instant now) {
        String times = switch (state) {
            case RUNNING -> ", started_at = :now, finished_at = NULL";
            case DONE, FAILED, ROLLED_BACK -> ", finished_at = :now";
            default -> "";
        };
        handle.createUpdate("UPDATE job_step SET state = :state, detail = :detail" + times
                        + " WHERE job_id = :id AND step_index = :index")
                .bind("state", state.name()).bind("detail", clip(detail)).bind("now", time(now))
                .bind("id", id.value()).bind("index", index).execute();
    }

    public static void setStepDetail(Handle handle, JobId id, int index, String detail) {
        handle.createUpdate("UPDATE job_step SET detail = :detail WHERE job_id = :id AND step_index = :index")
                .bind("detail", clip(detail)).bind("id", id.value()).bind("index", index).execute();
    }

    private static JobView withSteps(Handle handle, JobView job) {
        List<JobStepView> steps = handle.createQuery("SELECT * FROM job_step WHERE job_id = :id ORDER BY step_index")
                .bind("id", job.id().value())
                .map((rs, ctx) -> new JobStepView(rs.getInt("step_index"), rs.getString("name"),
                        StepState.valueOf(rs.getString("state")), rs.getString("detail"),
                        instant(rs, "started_at"), instant(rs, "finished_at")))
                .list();
        return new JobView(job.id(), job.kind(), job.subjectId(), job.state(), job.error(), job.createdAt(),
                job.startedAt(), job.finishedAt(), steps);
    }

    private static JobView job(ResultSet rs, List<JobStepView> steps) throws SQLException {
        return new JobView(JobId.of(rs.getString("id")), rs.getString("kind"), rs.getString("subject_id"),
                JobState.valueOf(rs.getString("state")), rs.getString("error"), instant(rs, "created_at"),
                instant(rs, "started_at"), instant(rs, "finished_at"), steps);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String clip(String text) {
        return text == null || text.length() <= 4000 ? text : text.substring(0, 3997) + "...";
    }
}

package org.netweave.manager.jobs;

import java.io.Closeable;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.netweave.manager.southbound.CoalescingWorker;
import org.netweave.manager.store.Store;
import org.netweave.model.JobId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Runs jobs step by step, writing every state change to the store before it goes on, so the job
 * view always shows where a job is and a restarted manager knows where to pick up: a job that was
 * running resumes at the step it was in (steps are idempotent), a job that was rolling back goes
 * on rolling back. A failed step fails the job: the steps done so far are undone newest first.
 *
 * <p>Jobs created inside a write start once that write has committed: after every burst of
 * commits a worker looks for queued jobs. (A flag set by the creating write is not enough: commit
 * listeners of two writes can run in either order, and the earlier one could consume the flag
 * before the later job is visible.) Each job runs on its own virtual thread.
 */
public final class JobRunner implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    private final Store store;
    private final Clock clock;
    private final Map<String, JobKind> kinds = new ConcurrentHashMap<>();
    private final Map<JobId, Boolean> running = new ConcurrentHashMap<>();
    private final CoalescingWorker scanner;
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("job-", 1).factory());
    private volatile boolean closed;

    public JobRunner(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.scanner = new CoalescingWorker("job-scanner", this::startQueued).start();
        store.addCommitListener(generation -> scanner.wake());
    }

    /** Told of every job that ends: its kind, SUCCEEDED or FAILED, and how long it ran; on the job's thread. */
    public interface FinishedListener {
        void finished(String kind, JobState outcome, long nanos);
    }

    private volatile FinishedListener finished = (kind, outcome, nanos) -> { };

    public void onFinished(FinishedListener listener) {
        this.finished = listener;
    }

    public void register(JobKind kind) {
        kinds.put(kind.name(), kind);
    }

    /** Called by code that inserts a job inside a write: the job starts after the write commits. */
    public void wake() {
        scanner.wake();
    }

    /** Picks up the jobs an earlier manager left unfinished. Call once, after every kind is registered. */
    public void resumeUnfinished() {
        List<JobId> unfinished = store.read(JobStore::unfinished);
        if (!unfinished.isEmpty()) {
            LOG.info("resuming {} unfinished job(s): {}", unfinished.size(), unfinished);
        }
        unfinished.forEach(this::launch);
    }

    public Optional<JobView> find(JobId id) {
        return store.read(handle -> JobStore.find(handle, id));
    }

    private void startQueued() {
        store.read(JobStore::queued).forEach(this::launch);
    }

    private void launch(JobId id) {
        if (closed || running.putIfAbsent(id, Boolean.TRUE) != null) {
            return;
        }
        threads.execute(() -> {
            try {
                run(id);
            } catch (RuntimeException e) {
                // The store failed under the runner; the job stays unfinished and resumes on the next start.
                LOG.error("job {} stopped: {}", id, e.toString(), e);
            } finally {
                running.remove(id);
            }
        });
    }

    private void run(JobId id) {
        JobView job = find(id).orElseThrow();
        if (job.state().isFinished()) {
            return;
        }
        JobKind kind = kinds.get(job.kind());
        if (kind == null) {
            throw new IllegalStateException("job " + id + " has kind " + job.kind() + ", which this manager does not run");
        }
        List<JobStep> steps = kind.steps();
        if (steps.size() != job.steps().size()) {
            throw new IllegalStateException("job " + id + " has " + job.steps().size() + " steps; kind " + kind.name()
                    + " has " + steps.size());
        }
        if (job.state() == JobState.ROLLING_BACK) {
            rollBack(job, steps, job.error());
            return;
        }
        if (!store.write((handle, generation) -> JobStore.markRunning(handle, id, clock.instant())).value()) {
            return;
        }
        jobLine(LOG.atInfo(), job, "running").log("job {} ({} {}) running", id, job.kind(), job.subjectId());
        long started = System.nanoTime();
        for (int i = 0; i < steps.size(); i++) {
            if (closed) {
                return;
            }
            if (job.steps().get(i).state() == StepState.DONE) {
                continue;
            }
            int index = i + 1;
            JobStep step = steps.get(i);
            write(handle -> JobStore.setStep(handle, id, index, StepState.RUNNING, null, clock.instant()));
            stepLine(LOG.atInfo(), job, "started", index, step).log("job {} step {} '{}' started", id, index, step.name());
            JobContext context = new JobContext(id, job.subjectId(),
                    detail -> write(handle -> JobStore.setStepDetail(handle, id, index, detail)), false);
            String detail;
            try {
                detail = step.run(context);
            } catch (Exception e) {
                if (closed) {
                    // Shutting down interrupted the step; it runs again when the manager starts.
                    return;
                }
                String reason = e.getMessage() == null ? e.toString() : e.getMessage();
                write(handle -> {
                    JobStore.setStep(handle, id, index, StepState.FAILED, reason, clock.instant());
                    JobStore.setJobState(handle, id, JobState.ROLLING_BACK,
                            "step " + index + " '" + step.name() + "' failed: " + reason, clock.instant());
                });
                stepLine(LOG.atWarn(), job, "failed", index, step).log("job {} step {} '{}' failed: {}", id, index,
                        step.name(), reason);
                rollBack(find(id).orElseThrow(), steps, reason);
                finished.finished(job.kind(), JobState.FAILED, System.nanoTime() - started);
                return;
            }
            write(handle -> JobStore.setStep(handle, id, index, StepState.DONE, detail, clock.instant()));
            stepLine(LOG.atInfo(), job, "done", index, step).log("job {} step {} '{}' done: {}", id, index, step.name(),
                    detail);
        }
        write(handle -> JobStore.setJobState(handle, id, JobState.SUCCEEDED, null, clock.instant()));
        jobLine(LOG.atInfo(), job, "succeeded").log("job {} ({} {}) succeeded", id, job.kind(), job.subjectId());
        finished.finished(job.kind(), JobState.SUCCEEDED, System.nanoTime() - started);
    }

    /** Undoes the done and the failed steps, newest first; a rollback that fails leaves its step FAILED. */
    private void rollBack(JobView job, List<JobStep> steps, String reason) {
        JobId id = job.id();
        jobLine(LOG.atInfo(), job, "rolling-back").log("job {} rolling back after: {}", id, reason);
        boolean clean = true;
        for (int i = steps.size() - 1; i >= 0; i--) {
            StepState state = job.steps().get(i).state();
            if (state != StepState.DONE && state != StepState.FAILED && state != StepState.RUNNING) {
                continue;
            }
            int index = i + 1;
            JobStep step = steps.get(i);
            JobContext context = new JobContext(id, job.subjectId(),
                    detail -> write(handle -> JobStore.setStepDetail(handle, id, index, detail)), !clean);
            try {
                String undone = step.rollback(context);
                String before = job.steps().get(i).detail();
                boolean noted = before != null && before.contains("; undone: ");
                String detail = state == StepState.FAILED
                        ? before + (undone == null || noted ? "" : "; undone: " + undone)
                        : (undone == null ? "nothing to undo" : "undone: " + undone);
                StepState after = state == StepState.FAILED ? StepState.FAILED : StepState.ROLLED_BACK;
                write(handle -> JobStore.setStep(handle, id, index, after, detail, clock.instant()));
                stepLine(LOG.atInfo(), job, "rolled-back", index, step).log("job {} step {} '{}' rolled back: {}", id,
                        index, step.name(), detail);
            } catch (Exception e) {
                if (closed) {
                    return;
                }
                clean = false;
                String failure = "rollback failed: " + (e.getMessage() == null ? e.toString() : e.getMessage());
                write(handle -> JobStore.setStep(handle, id, index, StepState.FAILED, failure, clock.instant()));
                stepLine(LOG.atError(), job, "rollback-failed", index, step).log("job {} step {} '{}' {}", id, index,
                        step.name(), failure);
            }
        }
        String error = clean ? null
                : (job.error() == null ? "" : job.error() + "; ") + "rollback incomplete: see the steps marked FAILED";
        write(handle -> JobStore.setJobState(handle, id, JobState.FAILED, error, clock.instant()));
        jobLine(LOG.atInfo(), job, "failed").addKeyValue("rolledBack", clean)
                .log("job {} failed{}", id, clean ? " and was rolled back" : "; the rollback was incomplete");
    }

    /** A job's state change as one log line with its ids, so a log search finds it by job, kind or subject. */
    private static LoggingEventBuilder jobLine(LoggingEventBuilder line, JobView job, String state) {
        return line.addKeyValue("event", "job-" + state).addKeyValue("job", job.id().value())
                .addKeyValue("kind", job.kind()).addKeyValue("subject", job.subjectId());
    }

    private static LoggingEventBuilder stepLine(LoggingEventBuilder line, JobView job, String state, int index, JobStep step) {
        return jobLine(line, job, "step-" + state).addKeyValue("step", index).addKeyValue("stepName", step.name());
    }

    private void write(java.util.function.Consumer<org.jdbi.v3.core.Handle> change) {
        store.write((handle, generation) -> {
            change.accept(handle);
            return null;
        });
    }

    /** Stops running jobs where they are; they resume when a manager starts on the same store. */
    @Override
    public void close() {
        closed = true;
        scanner.close();
        threads.shutdownNow();
        try {
            if (!threads.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("jobs still running after 10 s: {}", running.keySet());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

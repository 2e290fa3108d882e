package org.netweave.manager.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netweave.manager.store.Database;
import org.netweave.manager.store.Store;
import org.netweave.model.JobId;

class JobRunnerTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final List<String> log = new CopyOnWriteArrayList<>();

    private JobStep step(String name, boolean fails) {
        return new JobStep() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String run(JobContext context) {
                log.add("run " + name);
                if (fails) {
                    throw new IllegalStateException(name + " found no eligible host");
                }
                return name + " done";
            }

            @Override
            public String rollback(JobContext context) {
                log.add("undo " + name);
                return name + " removed";
            }
        };
    }

    private static JobKind kind(String name, JobStep... steps) {
        return JobKind.of(name, List.of(steps));
    }

    private static JobId create(Store store, JobRunner runner, String kind, List<String> steps, int done) {
        return store.write((handle, generation) -> {
            runner.wake();
            return JobStore.insert(handle, generation, Clock.systemUTC().instant(), kind, "edge-1", steps, done,
                    "received");
        }).value();
    }

    @Test
    void aJobRunsItsStepsInOrderAfterTheWriteThatCreatedItCommits() {
        try (Store store = new Store(Database.h2File(dir)); JobRunner runner = new JobRunner(store, Clock.systemUTC())) {
            runner.register(kind("K", step("receive", false), step("a", false), step("b", false)));
            JobId id = create(store, runner, "K", List.of("receive", "a", "b"), 1);

            await().atMost(WAIT).until(() -> runner.find(id).orElseThrow().state() == JobState.SUCCEEDED);
            JobView job = runner.find(id).orElseThrow();
            assertThat(log).containsExactly("run a", "run b");
            assertThat(job.steps()).extracting(JobStepView::state).containsOnly(StepState.DONE);
            assertThat(job.steps()).extracting(JobStepView::detail).containsExactly("received", "a done", "b done");
            assertThat(job.steps()).allSatisfy(step -> assertThat(step.finishedAt()).isAfterOrEqualTo(step.startedAt()));
            assertThat(job.finishedAt()).isNotNull();
        }
    }

    @Test
    void aFailingStepFailsTheJobWithItsReasonAndUndoesWhatWasDoneNewestFirst() {
        try (Store store = new Store(Database.h2File(dir)); JobRunner runner = new JobRunner(store, Clock.systemUTC())) {
            runner.register(kind("K", step("a", false), step("b", false), step("c", true), step("d", false)));
            JobId id = create(store, runner, "K", List.of("a", "b", "c", "d"), 0);

            await().atMost(WAIT).until(() -> runner.find(id).orElseThrow().state() == JobState.FAILED);
            JobView job = runner.find(id).orElseThrow();
            assertThat(log).containsExactly("run a", "run b", "run c", "undo c", "undo b", "undo a");
            assertThat(job.error()).isEqualTo("step 3 'c' failed: c found no eligible host");
            assertThat(job.steps()).extracting(JobStepView::state).containsExactly(StepState.ROLLED_BACK,
                    StepState.ROLLED_BACK, StepState.FAILED, StepState.PENDING);
            assertThat(job.steps().get(0).detail()).isEqualTo("undone: a removed");
        }
    }

    @Test
    void anEarlierStepLearnsThatALaterUndoFailedSoItCanKeepWhatNamesTheLeftovers() {
        List<Boolean> told = new CopyOnWriteArrayList<>();
        JobStep keeper = SimpleStep.of("receive", context -> "received", context -> {
            told.add(context.laterUndoFailed());
            return "kept";
        });
        JobStep stubborn = SimpleStep.of("deploy", context -> "deployed", context -> {
            throw new IllegalStateException("the controller cluster has no master");
        });
        try (Store store = new Store(Database.h2File(dir)); JobRunner runner = new JobRunner(store, Clock.systemUTC())) {
            runner.register(kind("K", keeper, stubborn, step("fail", true)));
            JobId id = create(store, runner, "K", List.of("receive", "deploy", "fail"), 0);

            await().atMost(WAIT).until(() -> runner.find(id).orElseThrow().state() == JobState.FAILED);
            JobView job = runner.find(id).orElseThrow();
            assertThat(told).containsExactly(true);
            assertThat(job.error()).contains("step 3 'fail' failed", "rollback incomplete");
            assertThat(job.steps().get(1).state()).isEqualTo(StepState.FAILED);
            assertThat(job.steps().get(1).detail()).contains("no master");
        }
    }

    @Test
    void aJobCutOffMidStepResumesAtThatStepOnTheNextStart() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        JobStep blocking = new JobStep() {
            @Override
            public String name() {
                return "wait for the control VM";
            }

            @Override
            public String run(JobContext context) throws InterruptedException {
                log.add("run wait");
                entered.countDown();
                new CountDownLatch(1).await();
                return "never";
            }
        };
        JobId id;
        try (Store store = new Store(Database.h2File(dir)); JobRunner runner = new JobRunner(store, Clock.systemUTC())) {
            runner.register(kind("K", step("a", false), blocking, step("c", false)));
            id = create(store, runner, "K", List.of("a", "wait for the control VM", "c"), 0);
            entered.await();
            assertThat(runner.find(id).orElseThrow().steps().get(1).state()).isEqualTo(StepState.RUNNING);
        }
        log.clear();
        try (Store store = new Store(Database.h2File(dir)); JobRunner runner = new JobRunner(store, Clock.systemUTC())) {
            runner.register(kind("K", step("a", false), step("wait for the control VM", false), step("c", false)));
            runner.resumeUnfinished();
            await().atMost(WAIT).until(() -> runner.find(id).orElseThrow().state() == JobState.SUCCEEDED);
            assertThat(log).containsExactly("run wait for the control VM", "run c");
        }
    }
}

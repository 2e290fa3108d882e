package org.netweave.manager.jobs;

/** A step made of two functions, for job kinds that read best as a list of lambdas. */
public record SimpleStep(String name, Action run, Action undo) implements JobStep {
    @FunctionalInterface
    public interface Action {
        String apply(JobContext context) throws Exception;
    }

    public static SimpleStep of(String name, Action run) {
        return new SimpleStep(name, run, context -> null);
    }

    public static SimpleStep of(String name, Action run, Action undo) {
        return new SimpleStep(name, run, undo);
    }

    @Override
    public String run(JobContext context) throws Exception {
        return run.apply(context);
    }

    @Override
    public String rollback(JobContext context) throws Exception {
        return undo.apply(context);
    }
}

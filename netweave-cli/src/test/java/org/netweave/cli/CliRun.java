package org.netweave.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/** One CLI invocation against a manager's API, in-process, with what it printed and its exit code. */
record CliRun(int exit, String out, String err) {

    /** Runs {@code args} with {@code --api api} appended, as an operator would against that manager. */
    static CliRun of(String api, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        String[] withApi = new String[args.length + 2];
        System.arraycopy(args, 0, withApi, 0, args.length);
        withApi[args.length] = "--api";
        withApi[args.length + 1] = api;
        int exit = cli.execute(withApi);
        return new CliRun(exit, out.toString(), err.toString());
    }
}

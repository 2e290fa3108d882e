package org.netweave.cli;

import java.util.Set;
import org.netweave.cli.api.ManagerApi;
import org.netweave.cli.daemon.CertCommand;
import org.netweave.cli.daemon.HostAgentDaemon;
import org.netweave.cli.daemon.ManagerDaemon;
import org.netweave.model.InvalidValueException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code netweave} command. */
@Command(name = "netweave", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Open network virtualization: logical switches over VXLAN, distributed logical routers, L2 bridging.",
        subcommands = {RunCommand.class, ControllerCommand.class, ShowCommand.class, VmCommand.class, JobCommand.class,
                TraceflowCommand.class, ManagerDaemon.class, HostAgentDaemon.class, CertCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {
    /** The values of NETWEAVE_LOG_FORMAT that logback.xml has an appender for (logback-&lt;format&gt;.xml). */
    static final Set<String> LOG_FORMATS = Set.of("text", "json");

    public static void main(String[] args) {
        // Checked before anything logs: logback would otherwise start without an appender and stay silent.
        String format = System.getenv("NETWEAVE_LOG_FORMAT");
        if (format != null && !LOG_FORMATS.contains(format)) {
            System.err.println("netweave: NETWEAVE_LOG_FORMAT is '" + format + "'; use text or json");
            System.exit(2);
        }
        System.exit(commandLine().execute(args));
    }

    /** The command line with its error handling, for callers that run commands in this JVM (tests). */
    public static CommandLine commandLine() {
        return new CommandLine(new Main())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(Main::reportError);
    }

    /** Bad input is the user's to fix: say what is wrong in one line, no stack trace. */
    private static int reportError(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        if (e instanceof InvalidValueException || e instanceof ManagerApi.Failure) {
            cli.getErr().println("netweave: " + e.getMessage());
            cli.getErr().flush();
            return 2;
        }
        cli.getErr().println("netweave: unexpected error: " + e);
        e.printStackTrace(cli.getErr());
        cli.getErr().flush();
        return 1;
    }
}

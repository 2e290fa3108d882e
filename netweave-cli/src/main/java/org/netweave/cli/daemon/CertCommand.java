package org.netweave.cli.daemon;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.netweave.manager.Manager;
import org.netweave.model.InvalidValueException;
import org.netweave.pki.CertificateAuthority;
import org.netweave.pki.ComponentIdentity;
import org.netweave.pki.ComponentKind;
import org.netweave.pki.Credentials;
import org.netweave.pki.CredentialFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netweave cert issue}: on the manager's machine, hands a component its key and certificate
 * from the manager's authority as files, to copy to the machine the component runs on (as {@code
 * ovs-pki sign} does for a switch). The same component gets the same certificate again until it
 * is revoked ({@code POST /api/v1/certificates/{component}/{name}/revoke}).
 */
@Command(name = "cert", description = "Certificates of the platform's components, from the manager's authority.",
        subcommands = CertCommand.Issue.class)
public final class CertCommand {

    @Command(name = "issue", description = "Write a component's key, certificate, the authority's certificate and"
            + " its revocations into a directory for that component's daemon (--credentials).")
    static final class Issue implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "<component>", description = "controller, host or control-vm")
        String component;
        @Parameters(index = "1", paramLabel = "<name>", description = "its id: controller-1, the host's id, the control VM's id")
        String name;
        @Option(names = "--data-dir", required = true, description = "The manager's data directory (netweave manager serve --data-dir).")
        Path dataDir;
        @Option(names = "--out", required = true, description = "The directory to write into (made 0700); other components' files there stay.")
        Path out;
        @Option(names = "--init-authority", description = "Make the authority in --data-dir if it has none yet (the manager"
                + " would make it on its first start). Without it a --data-dir without an authority is refused, so a"
                + " mistyped one cannot make a root nobody trusts.")
        boolean initAuthority;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ComponentIdentity identity = identity(component, name);
            Path pki = dataDir.resolve(Manager.PKI_DIR);
            if (!Files.isDirectory(dataDir)) {
                throw new InvalidValueException("--data-dir", dataDir, "is not a directory");
            }
            if (!initAuthority && !Files.isRegularFile(pki.resolve(CredentialFiles.AUTHORITY))) {
                throw new InvalidValueException("--data-dir", dataDir, "holds no certificate authority (pki/ca.crt):"
                        + " give the manager's data directory, or --init-authority to make one there");
            }
            CertificateAuthority authority = CertificateAuthority.openOrCreate(pki);
            Credentials credentials = authority.credentialsFor(identity);
            CredentialFiles.write(out, credentials, authority.revocations());
            spec.commandLine().getOut().printf("%s: certificate %s, valid until %s, written to %s%n", identity,
                    credentials.certificate().getSerialNumber().toString(16),
                    credentials.certificate().getNotAfter().toInstant(), out.toAbsolutePath());
            return 0;
        }

        private static ComponentIdentity identity(String component, String name) {
            ComponentKind kind;
            try {
                kind = ComponentKind.ofLabel(component);
            } catch (IllegalArgumentException e) {
                throw new InvalidValueException("<component>", component, "is one of controller, host, control-vm");
            }
            if (kind == ComponentKind.MANAGER) {
                throw new InvalidValueException("<component>", component, "is not issued: the manager holds the authority itself");
            }
            try {
                return new ComponentIdentity(kind, name);
            } catch (IllegalArgumentException e) {
                throw new InvalidValueException("<name>", name, e.getMessage());
            }
        }
    }
}

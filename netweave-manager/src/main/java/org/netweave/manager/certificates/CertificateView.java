package org.netweave.manager.certificates;

import java.security.cert.X509Certificate;
import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import org.netweave.pki.ComponentIdentity;

/** A component's certificate as the API shows it. */
@Schema(description = "A certificate the manager's authority issued to a component, which its TLS peers check.")
public record CertificateView(
        @Schema(description = "The holder's kind: manager, controller, host or control-vm.") String component,
        @Schema(description = "The holder's name: host-1, controller-2, a control VM's id.") String name,
        @Schema(description = "The serial number in hexadecimal, as openssl x509 -serial prints it (lower case).")
        String serial,
        @Schema(description = "Valid from (ISO-8601).") Instant notBefore,
        @Schema(description = "Valid until (ISO-8601); the manager issues a new one 30 days before.") Instant notAfter,
        @Schema(description = "Whether it is revoked: every server refuses it and closed its streams.") boolean revoked) {

    static CertificateView of(ComponentIdentity holder, X509Certificate certificate, boolean revoked) {
        return new CertificateView(holder.kind().label(), holder.name(), certificate.getSerialNumber().toString(16),
                certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(), revoked);
    }
}

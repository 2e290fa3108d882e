package org.netweave.pki;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.netweave.model.ControllerId;
import org.netweave.model.HostId;

/**
 * Who holds a certificate: a kind and a name (host-1, controller-2, edge-1-0). It travels in the
 * certificate as the subject alternative name {@code urn:netweave:<kind>:<name>}, so a server reads
 * a peer's identity from the handshake, not from what the peer says in its messages.
 */
public record ComponentIdentity(ComponentKind kind, String name) {
    private static final String PREFIX = "urn:netweave:";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    /** GeneralName's tag for a URI, as X509Certificate#getSubjectAlternativeNames reports it. */
    private static final int URI_NAME = 6;

    public ComponentIdentity {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a component name: letters, digits, '.', '_'"
                    + " and '-', at most 128");
        }
    }

    public static ComponentIdentity manager() {
        return new ComponentIdentity(ComponentKind.MANAGER, "manager");
    }

    public static ComponentIdentity host(HostId host) {
        return new ComponentIdentity(ComponentKind.HOST, host.value());
    }

    public static ComponentIdentity controller(ControllerId controller) {
        return new ComponentIdentity(ComponentKind.CONTROLLER, controller.value());
    }

    public static ComponentIdentity controlVm(String vm) {
        return new ComponentIdentity(ComponentKind.CONTROL_VM, vm);
    }

    public String uri() {
        return PREFIX + kind.label() + ":" + name;
    }

    /** The identity a certificate names, if it names one. */
    public static Optional<ComponentIdentity> of(X509Certificate certificate) {
        Collection<List<?>> names;
        try {
            names = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            return Optional.empty();
        }
        if (names == null) {
            return Optional.empty();
        }
        for (List<?> name : names) {
            if (name.size() == 2 && Integer.valueOf(URI_NAME).equals(name.get(0)) && name.get(1) instanceof String uri
                    && uri.startsWith(PREFIX)) {
                String[] parts = uri.substring(PREFIX.length()).split(":", 2);
                try {
                    return Optional.of(new ComponentIdentity(ComponentKind.ofLabel(parts[0]), parts[1]));
                } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return kind.label() + " " + name;
    }
}

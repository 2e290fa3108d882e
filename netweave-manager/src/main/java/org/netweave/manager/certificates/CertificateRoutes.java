package org.netweave.manager.certificates;

import java.security.cert.X509Certificate;

import io.javalin.http.Context;
import org.netweave.manager.Manager;
import org.netweave.manager.api.ApiException;
import org.netweave.manager.api.ApiRegistry;
import org.netweave.manager.api.ApiRoutes;
import org.netweave.pki.CertificateAuthority;
import org.netweave.pki.ComponentIdentity;
import org.netweave.pki.ComponentKind;

/**
 * The certificates the manager's authority issued, and their revocation: a revoked component
 * (a hypervisor that was stolen, a controller VM that was copied) is refused by every server from
 * its next call on, and its open streams end at once.
 */
public final class CertificateRoutes implements ApiRoutes {
    private final CertificateAuthority authority;

    public CertificateRoutes(CertificateAuthority authority) {
        this.authority = authority;
    }

    @Override
    public void register(ApiRegistry api) {
        api.list("/certificates", "The certificate each component holds now", CertificateView.class,
                ctx -> ctx.json(authority.issued().stream()
                        .map(held -> CertificateView.of(ComponentIdentity.of(held).orElseThrow(), held, false)).toList()));
        api.post("/certificates/{component}/{name}/revoke", "Revoke the certificate a component holds: every server"
                        + " refuses it from the next call on; a host's streams to the controllers and its configuration"
                        + " stream end at once. 404 when it holds none (also once revoked)", null, CertificateView.class, 200,
                ctx -> {
                    ComponentIdentity holder = holder(ctx);
                    if (holder.kind() == ComponentKind.MANAGER) {
                        throw ApiException.conflict("component", "the manager's own certificate cannot be revoked:"
                                + " every component would be cut off from it");
                    }
                    if (holder.equals(Manager.EMBEDDED_ZOOKEEPER)) {
                        throw ApiException.conflict("name", "the embedded controllers' ZooKeeper certificate cannot be"
                                + " revoked: their ZooKeeper peers present it to each other, and would refuse each other");
                    }
                    X509Certificate held = authority.issuedTo(holder)
                            .orElseThrow(() -> ApiException.notFound("name", holder.kind().label() + " certificate (held now)",
                                    holder.name()));
                    authority.revoke(held);
                    ctx.json(CertificateView.of(holder, held, true));
                });
    }

    private static ComponentIdentity holder(Context ctx) {
        ComponentKind kind;
        try {
            kind = ComponentKind.ofLabel(ctx.pathParam("component"));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("component", "'" + ctx.pathParam("component")
                    + "' is no component kind: manager, controller, host or control-vm");
        }
        try {
            return new ComponentIdentity(kind, ctx.pathParam("name"));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("name", e.getMessage());
        }
    }
}

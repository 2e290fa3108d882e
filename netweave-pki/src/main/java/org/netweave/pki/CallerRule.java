package org.netweave.pki;

import java.util.EnumSet;
import java.util.Set;

import io.grpc.MethodDescriptor;

/** Which kinds of component may call a method of a service. */
@FunctionalInterface
public interface CallerRule {
    Set<ComponentKind> allowed(MethodDescriptor<?, ?> method);

    /** Every method of the service, for these kinds only. */
    static CallerRule only(ComponentKind first, ComponentKind... more) {
        Set<ComponentKind> kinds = Set.copyOf(EnumSet.of(first, more));
        return method -> kinds;
    }

    /** Any component the authority signed. */
    static CallerRule anyComponent() {
        Set<ComponentKind> kinds = Set.copyOf(EnumSet.allOf(ComponentKind.class));
        return method -> kinds;
    }
}

package org.netweave.pki;

/** What a certificate's holder is; a server checks it against what may call it. */
public enum ComponentKind {
    MANAGER("manager"),
    CONTROLLER("controller"),
    HOST("host"),
    CONTROL_VM("control-vm");

    private final String label;

    ComponentKind(String label) {
        this.label = label;
    }

    /** The kind as the certificate's identity URI spells it. */
    public String label() {
        return label;
    }

    /** The kind spelt {@code label}; IllegalArgumentException when there is none. */
    public static ComponentKind ofLabel(String label) {
        for (ComponentKind kind : values()) {
            if (kind.label.equals(label)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no component kind '" + label + "'");
    }
}

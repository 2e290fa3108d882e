package org.netweave.ovs;

/** A command against Open vSwitch or the kernel (ovs-vsctl, ovs-ofctl, ip) failed. */
public final class OvsCommandException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OvsCommandException(String message) {
        super(message);
    }
}

package org.netweave.controller.runtime;

/** Why the owner of a VNI did not take what a host claimed there (see {@link VniPlacement}). */
public enum ClaimRefusal {
    /** The host joined a VNI whose switch does not span it (no transport zone of its cluster holds the switch). */
    VNI_NOT_SPANNED("vni-not-spanned"),
    /** The host reported a MAC that is not one of its own vNICs on the VNI, nor one its bridge learned. */
    MAC_NOT_HELD("mac-not-held"),
    /** The host bound an IP to a MAC that is not its vNIC's, or to an address that vNIC does not have. */
    IP_NOT_HELD("ip-not-held");

    private final String cliName;

    ClaimRefusal(String cliName) {
        this.cliName = cliName;
    }

    /** The name in logs, metrics and the API. */
    public String cliName() {
        return cliName;
    }
}

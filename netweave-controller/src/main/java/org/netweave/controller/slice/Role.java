package org.netweave.controller.slice;

/**
 * The roles of a controller node, with the names NSX-V's {@code show control-cluster roles}
 * prints. Every role elects one master by majority; {@link #SWITCH_MANAGER} shards the logical
 * switches and {@link #LOGICAL_MANAGER} the distributed logical routers. The other roles have a
 * master and a slice space too, so the status views and the election machinery are the same for
 * all five, but no object hashes into their slices yet.
 */
public enum Role {
    API_PROVIDER("api_provider"),
    PERSISTENCE_SERVER("persistence_server"),
    SWITCH_MANAGER("switch_manager"),
    LOGICAL_MANAGER("logical_manager"),
    DIRECTORY_SERVER("directory_server");

    private final String cliName;

    Role(String cliName) {
        this.cliName = cliName;
    }

    /** The name the CLI and the ZooKeeper paths use. */
    public String cliName() {
        return cliName;
    }
}

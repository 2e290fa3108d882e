package org.netweave.controlvm;

/** Where the forwarding table of the held configuration generation stands. */
public enum Publication {
    /** No configuration yet. */
    NO_CONFIGURATION,
    /** The manager has not set publish: the DLR's LIFs may not exist on the controller cluster yet. */
    NOT_PUBLISHING,
    /** The standby of an HA pair: it holds the table and pushes nothing. */
    STANDBY,
    /** The table is on its way to the DLR's owning controller. */
    PUSHING,
    /** The DLR's owning controller applied the table. */
    APPLIED,
    /** The controller refused the table (invalid, or no such DLR); the next configuration is pushed anew. */
    REFUSED,
    /** No controller applied the table within the write deadline; the push is tried again after a backoff. */
    RETRYING
}

package org.netweave.manager.inventory;

/** Power state of a host or a VM. */
public enum PowerState {
    POWERED_ON,
    POWERED_OFF;

    public boolean isOn() {
        return this == POWERED_ON;
    }
}

package org.netweave.dataplane;

/**
 * A batch was applied except for parts that wait on something outside the datapath, such as a
 * VM's device the hypervisor has not plugged yet. Not a failure: applying the same desired state
 * again, once that is there, completes it; the host agent does so at every check.
 */
public abstract class DatapathWaitingException extends RuntimeException {
    protected DatapathWaitingException(String message) {
        super(message);
    }
}

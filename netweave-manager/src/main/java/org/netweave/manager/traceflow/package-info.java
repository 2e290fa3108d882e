/**
 * Traceflow (NSX Traceflow, ovn-trace on the real data path): a marked probe injected at a vNIC
 * by the host agent of the VM's host, observed by every component it crosses on every host, and
 * gathered here into one result with the hops in order.
 */
package org.netweave.manager.traceflow;

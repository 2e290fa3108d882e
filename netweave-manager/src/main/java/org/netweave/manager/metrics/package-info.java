/**
 * The manager's metrics in Prometheus's text format at {@code GET /metrics} (Micrometer): API
 * requests, jobs, the controllers' slices and host sessions, the hosts' datapath counters and how
 * long hosts take to realise a change.
 */
package org.netweave.manager.metrics;

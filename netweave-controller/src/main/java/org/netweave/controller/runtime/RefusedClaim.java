package org.netweave.controller.runtime;

/**
 * One part of a host's claim that its VNI's placement does not admit.
 *
 * @param reason why
 * @param claim  what was claimed, e.g. {@code join}, {@code mac 00:50:56:00:00:01} or
 *               {@code arp 10.0.1.11 00:50:56:00:00:01}
 */
public record RefusedClaim(ClaimRefusal reason, String claim) {
}

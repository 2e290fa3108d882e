package org.netweave.manager.traceflow;

import java.util.Locale;

import org.netweave.manager.api.ApiException;

/** The layer-4 payload of a probe. */
enum ProbeProtocol {
    ICMP, UDP, TCP;

    static ProbeProtocol parse(String text) {
        if (text == null) {
            return ICMP;
        }
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("packet.protocol", "protocol must be icmp, udp or tcp, not '" + text + "'");
        }
    }
}

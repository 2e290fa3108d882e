package org.netweave.packet;

/**
 * The bytes handed to a decoder are not a well-formed header of the kind asked for: too short,
 * a wrong version or length field, a bad checksum, a required flag missing.
 *
 * <p>This is the only exception a {@code decode} method throws, whatever the input, so a caller
 * that parses untrusted packets needs exactly one catch clause and can count the drop. It is
 * unchecked because a malformed packet is data, not a programming error the compiler should
 * force every caller to consider. The hot path never throws it: it uses the flyweight
 * validators ({@link Ipv4#isHeaderValid}, {@link Vxlan#isValid}, ...) which answer with a
 * boolean. The stack trace is not filled in: decoders are called on attacker-controlled input
 * and the message already says what was wrong.
 */
public final class MalformedPacketException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedPacketException(String header, String reason) {
        super(header + ": " + reason, null, false, false);
    }
}

package org.netweave.packet;

import java.util.HexFormat;

/** Test vectors are written as hex with spaces and {@code |} between fields, so a reader can check them by eye. */
final class Hex {
    private Hex() {
    }

    static byte[] bytes(String spaced) {
        return HexFormat.of().parseHex(spaced.replaceAll("[\\s|]", ""));
    }

    static String of(byte[] b, int off, int len) {
        return HexFormat.of().formatHex(b, off, off + len);
    }

    /** The bytes with {@code headroom} zero bytes in front, as a frame sits in a receive buffer. */
    static byte[] withHeadroom(int headroom, byte[] frame) {
        byte[] b = new byte[headroom + frame.length];
        System.arraycopy(frame, 0, b, headroom, frame.length);
        return b;
    }
}

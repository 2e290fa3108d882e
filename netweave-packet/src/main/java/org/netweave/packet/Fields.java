package org.netweave.packet;

import org.netweave.model.InvalidValueException;

/** The shared checks of the header records: field ranges when built, lengths when decoded. */
final class Fields {
    private Fields() {
    }

    static int requireRange(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidValueException(field, value, "is outside " + min + "-" + max);
        }
        return value;
    }

    static int requireU8(String field, int value) {
        return requireRange(field, value, 0, 0xFF);
    }

    static int requireU16(String field, int value) {
        return requireRange(field, value, 0, 0xFFFF);
    }

    static int requireU24(String field, int value) {
        return requireRange(field, value, 0, 0xFF_FFFF);
    }

    static <T> T requireNonNull(String field, T value) {
        if (value == null) {
            throw new InvalidValueException(field, null, "is missing");
        }
        return value;
    }

    /** Checks that the region lies in the array and holds at least {@code needed} bytes. */
    static void requireLength(String header, byte[] b, int off, int len, int needed) {
        if (b == null || !Bytes.inBounds(b, off, len)) {
            throw new MalformedPacketException(header, "region [" + off + ", +" + len + ") is outside the buffer");
        }
        if (len < needed) {
            throw new MalformedPacketException(header, "truncated: " + len + " bytes, need " + needed);
        }
    }
}

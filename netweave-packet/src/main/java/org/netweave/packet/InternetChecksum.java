package org.netweave.packet;

/**
 * The Internet checksum of RFC 1071 (IPv4 header, ICMP, UDP): the 16-bit one's complement of
 * the one's complement sum of the data taken as big-endian 16-bit words.
 *
 * <p>Sums are kept as plain non-negative {@code long}s and folded only at the end, so callers
 * can add partial sums (a pseudo-header, a precomputed constant part of a header) with
 * {@code +}. A 32-bit word {@code hi * 2^16 + lo} is congruent to {@code hi + lo} modulo
 * {@code 0xFFFF}, so adding 32-bit words folds to the same result as a 16-bit loop; the loop
 * reads 64-bit words and adds their two 32-bit halves, a quarter of the iterations.
 */
public final class InternetChecksum {
    private static final int WORD = 4;
    private static final int LONG = 8;
    private static final int IPV4_HEADER = 20;

    private InternetChecksum() {
    }

    /** The unfolded one's complement sum of {@code len} bytes; an odd last byte is padded with zero. */
    public static long sum(byte[] b, int off, int len) {
        long sum = 0;
        int end = off + len;
        int i = off;
        // 64-bit loads, each added as its two 32-bit halves: an IPv4 header is two loads and a word.
        for (; i <= end - LONG; i += LONG) {
            long w = Bytes.u64(b, i);
            sum += (w >>> 32) + (w & 0xFFFF_FFFFL);
        }
        if (i <= end - WORD) {
            sum += Bytes.u32(b, i) & 0xFFFF_FFFFL;
            i += WORD;
        }
        if (i <= end - 2) {
            sum += Bytes.u16(b, i);
            i += 2;
        }
        if (i < end) {
            sum += (b[i] & 0xFF) << 8;
        }
        return sum;
    }

    /** Folds a sum to 16 bits with end-around carry; the result is 0 only for an all-zero sum. */
    public static int fold(long sum) {
        long s = (sum & 0xFFFF_FFFFL) + (sum >>> 32);
        s = (s & 0xFFFF) + (s >>> 16);
        s = (s & 0xFFFF) + (s >>> 16);
        return (int) ((s & 0xFFFF) + (s >>> 16));
    }

    /** The checksum field value for data whose checksum field currently holds zero. */
    public static int finish(long sum) {
        return ~fold(sum) & 0xFFFF;
    }

    /** The checksum of {@code len} bytes, as it goes into a zeroed checksum field. */
    public static int of(byte[] b, int off, int len) {
        return finish(sum(b, off, len));
    }

    /**
     * Whether data that includes its checksum field verifies: its folded sum is all ones. Folding
     * keeps a non-zero sum's residue modulo {@code 0xFFFF} and maps a multiple of it to
     * {@code 0xFFFF}, so the test is that residue, without folding: one multiply-shift, where the
     * routed path verifies every header it forwards.
     */
    public static boolean verifies(byte[] b, int off, int len) {
        long sum = len == IPV4_HEADER ? sumOfIpv4Header(b, off) : sum(b, off, len);
        return sum != 0 && sum % 0xFFFF == 0;
    }

    /** {@link #sum} of a 20-byte header: two 64-bit loads and a 32-bit one, no loop. */
    private static long sumOfIpv4Header(byte[] b, int off) {
        long w0 = Bytes.u64(b, off);
        long w1 = Bytes.u64(b, off + LONG);
        return (w0 >>> 32) + (w0 & 0xFFFF_FFFFL) + (w1 >>> 32) + (w1 & 0xFFFF_FFFFL)
                + (Bytes.u32(b, off + 2 * LONG) & 0xFFFF_FFFFL);
    }

    /**
     * RFC 1624 equation 3: the new checksum after one 16-bit word of the covered data changes
     * from {@code oldWord} to {@code newWord}, without touching the rest of the data.
     *
     * <p>One case it cannot get right: when the data becomes all zeros the checksum must be
     * {@code 0xFFFF}, but the equation, which cannot tell a zero sum from an all-ones one, gives
     * {@code 0x0000}. Data that always has a non-zero word (an IPv4 header: its version) is
     * safe; otherwise recompute when this returns 0, as {@link Icmp#echoRequestToReply} does.
     */
    public static int update(int checksum, int oldWord, int newWord) {
        long sum = (~checksum & 0xFFFF) + (~oldWord & 0xFFFF) + (newWord & 0xFFFF);
        return ~fold(sum) & 0xFFFF;
    }
}

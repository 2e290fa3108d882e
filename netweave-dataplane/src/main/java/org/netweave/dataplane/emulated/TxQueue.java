package org.netweave.dataplane.emulated;

/**
 * Frames an endpoint sent while its switch was still busy with another frame (typically a reply
 * sent from inside a delivery), kept until the switch is free. Slots are allocated once; when
 * all are taken the frame is refused, as a full NIC ring would.
 */
final class TxQueue {
    private static final int SLOTS = 256;
    private static final int SLOT_BYTES = Pipeline.HEADROOM + 2048;

    @FunctionalInterface
    interface Sink {
        void send(int port, byte[] b, int off, int len);
    }

    private final byte[][] frames = new byte[SLOTS][SLOT_BYTES];
    private final int[] ports = new int[SLOTS];
    private final int[] lengths = new int[SLOTS];
    private int head;
    private int size;

    boolean offer(int port, byte[] b, int off, int len) {
        // One slot stays free: the frame being drained lives in it until its processing ends.
        if (size >= SLOTS - 1 || len > SLOT_BYTES - Pipeline.HEADROOM) {
            return false;
        }
        int slot = (head + size) % SLOTS;
        System.arraycopy(b, off, frames[slot], Pipeline.HEADROOM, len);
        ports[slot] = port;
        lengths[slot] = len;
        size++;
        return true;
    }

    /** Sends every queued frame, including ones queued while draining. */
    void drain(Sink sink) {
        while (size > 0) {
            int slot = head;
            head = (head + 1) % SLOTS;
            size--;
            sink.send(ports[slot], frames[slot], Pipeline.HEADROOM, lengths[slot]);
        }
    }
}

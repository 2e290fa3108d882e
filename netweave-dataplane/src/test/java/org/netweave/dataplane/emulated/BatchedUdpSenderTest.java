package org.netweave.dataplane.emulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netweave.model.Ipv4Address;

/** sendmmsg(2) through FFM on a JDK channel's socket: what is queued arrives complete, in order, from that socket. */
class BatchedUdpSenderTest {
    static final int LOOPBACK = Ipv4Address.parse("127.0.0.1").value();

    DatagramChannel receiver;
    DatagramChannel channel;
    BatchedUdpSender sender;

    @BeforeEach
    void open() throws IOException {
        assumeTrue(LinuxSockets.available(), "sendmmsg through FFM needs Linux");
        receiver = DatagramChannel.open(StandardProtocolFamily.INET).bind(new InetSocketAddress("127.0.0.1", 0));
        channel = DatagramChannel.open(StandardProtocolFamily.INET).bind(new InetSocketAddress("127.0.0.1", 0));
        channel.configureBlocking(false);
        int fd = LinuxSockets.boundSocket(LOOPBACK, port(channel)).orElseThrow();
        sender = new BatchedUdpSender(fd, port(receiver));
    }

    @AfterEach
    void close() throws IOException {
        if (sender != null) {
            sender.close();
            channel.close();
            receiver.close();
        }
    }

    private static int port(DatagramChannel ch) throws IOException {
        return ((InetSocketAddress) ch.getLocalAddress()).getPort();
    }

    @Test
    void queuedDatagramsArriveInOrderInBatchesAndAtTheFlush() throws IOException {
        int count = BatchedUdpSender.BATCH * 2 + 5; // two full batches that send themselves, then a flush
        byte[] frame = new byte[300];
        for (int i = 0; i < count; i++) {
            frame[100] = (byte) i;
            frame[100 + 10 + i] = (byte) 0xAB;
            assertThat(sender.add(LOOPBACK, frame, 100, 10 + i + 1)).isTrue();
            frame[100 + 10 + i] = 0;
        }
        sender.sendQueued();

        List<byte[]> got = receiveAll(count);
        assertThat(got).hasSize(count);
        for (int i = 0; i < count; i++) {
            assertThat(got.get(i)).as("datagram %d", i).hasSize(10 + i + 1);
            assertThat(got.get(i)[0]).isEqualTo((byte) i);
            assertThat(got.get(i)[10 + i]).isEqualTo((byte) 0xAB);
        }
        assertThat(sender.takeRefused()).isZero();
    }

    @Test
    void refusesWhatDoesNotFitASlotAndQueuesNothing() throws IOException {
        assertThat(sender.add(LOOPBACK, new byte[4096], 0, BatchedUdpSender.MAX_DATAGRAM + 1)).isFalse();
        sender.sendQueued();

        assertThat(receiveAll(1)).isEmpty();
    }

    @Test
    void sendsFromTheChannelsOwnAddressAndPort() throws IOException {
        sender.add(LOOPBACK, new byte[] {1, 2, 3}, 0, 3);
        sender.sendQueued();

        receiver.configureBlocking(true);
        InetSocketAddress from = (InetSocketAddress) receiver.receive(ByteBuffer.allocate(16));
        assertThat(from).isEqualTo(channel.getLocalAddress());
    }

    @Test
    void findsNoSocketForAnAddressNobodyBound() {
        assertThat(LinuxSockets.boundSocket(Ipv4Address.parse("127.0.0.77").value(), 9)).isEmpty();
    }

    @Test
    void closingTheSenderLeavesTheSocketOpen() throws IOException {
        sender.close();
        sender = new BatchedUdpSender(LinuxSockets.boundSocket(LOOPBACK, port(channel)).orElseThrow(), port(receiver));

        assertThat(channel.isOpen()).isTrue();
        assertThat(channel.send(ByteBuffer.wrap(new byte[] {9}), receiver.getLocalAddress())).isEqualTo(1);
    }

    private List<byte[]> receiveAll(int max) throws IOException {
        receiver.configureBlocking(false);
        List<byte[]> got = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        long deadline = System.nanoTime() + 500_000_000L;
        while (got.size() < max && System.nanoTime() < deadline) {
            buffer.clear();
            if (receiver.receive(buffer) != null) {
                buffer.flip();
                byte[] datagram = new byte[buffer.remaining()];
                buffer.get(datagram);
                got.add(datagram);
            } else {
                Thread.onSpinWait();
            }
        }
        return got;
    }
}

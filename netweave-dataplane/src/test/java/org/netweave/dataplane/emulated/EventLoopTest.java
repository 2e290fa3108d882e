package org.netweave.dataplane.emulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventLoopTest {

    @Test
    void aFailingReadHandlerNeitherStopsTheLoopNorSkipsTheEndOfItsRound() throws Exception {
        try (EventLoop loop = new EventLoop("test");
                DatagramChannel in = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
                DatagramChannel out = DatagramChannel.open()) {
            AtomicInteger failedReads = new AtomicInteger();
            AtomicInteger failuresSeenAtRoundEnd = new AtomicInteger();
            loop.start();
            loop.atEndOfEachRound(() -> failuresSeenAtRoundEnd.set(failedReads.get()));
            loop.register(in, () -> {
                in.receive(ByteBuffer.allocate(64));
                failedReads.incrementAndGet();
                throw new IllegalStateException("a bad packet");
            });

            out.send(ByteBuffer.wrap(new byte[] {1}), in.getLocalAddress());
            out.send(ByteBuffer.wrap(new byte[] {2}), in.getLocalAddress());

            // Nothing else wakes the loop: only the end of the failing rounds themselves can
            // have seen both failures (the end-of-round work flushes batched sends).
            await().atMost(Duration.ofSeconds(5)).until(() -> failuresSeenAtRoundEnd.get() == 2);
            assertThat(loop.call(() -> 42)).as("the loop still takes work").isEqualTo(42);
        }
    }

    @Test
    void aClosedLoopRefusesWorkInsteadOfLeavingTheCallerWaiting() {
        EventLoop loop = new EventLoop("test");
        loop.start();
        loop.close();

        assertThatThrownBy(() -> loop.call(() -> 1)).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> loop.execute(() -> { })).isInstanceOf(IllegalStateException.class);
    }
}

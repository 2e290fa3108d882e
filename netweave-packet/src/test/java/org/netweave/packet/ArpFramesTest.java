package org.netweave.packet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.netweave.model.Ipv4Address;

class ArpFramesTest {
    private static final long REQUESTER = 0x000C_293E_5C7AL;
    private static final long ANSWER = 0x0050_56AA_BBCCL;
    private static final int ASKER_IP = Ipv4Address.parse("192.168.1.1").value();
    private static final int ASKED_IP = Ipv4Address.parse("192.168.1.2").value();

    static final String REQUEST_FRAME = "ff ff ff ff ff ff | 00 0c 29 3e 5c 7a | 08 06 | " + ArpTest.REQUEST;
    static final String REPLY_FRAME = "00 0c 29 3e 5c 7a | 00 50 56 aa bb cc | 08 06 | " + ArpTest.REPLY;

    @Test
    void buildsAKnownRequestFrame() {
        byte[] out = new byte[64];
        assertThat(ArpFrames.request(out, 2, REQUESTER, ASKER_IP, ASKED_IP)).isEqualTo(42);
        assertThat(Hex.of(out, 2, 42)).isEqualTo(Hex.of(Hex.bytes(REQUEST_FRAME), 0, 42));
        assertThat(ArpFrames.isRequest(out, 2, 42)).isTrue();
    }

    @Test
    void buildsAKnownReplyFrame() {
        byte[] out = new byte[42];
        assertThat(ArpFrames.reply(out, 0, ANSWER, ASKED_IP, REQUESTER, ASKER_IP)).isEqualTo(42);
        assertThat(out).isEqualTo(Hex.bytes(REPLY_FRAME));
        assertThat(ArpFrames.isRequest(out, 0, 42)).isFalse();
    }

    @Test
    void replyInPlaceAnswersTheRequestFrame() {
        byte[] b = Hex.bytes(REQUEST_FRAME);
        assertThat(ArpFrames.replyInPlace(b, 0, ANSWER)).isEqualTo(42);
        assertThat(b).isEqualTo(Hex.bytes(REPLY_FRAME));
    }

    @Test
    void gratuitousArpAsksForItsOwnAddress() {
        byte[] out = new byte[42];
        ArpFrames.gratuitous(out, 0, ANSWER, ASKED_IP);
        ArpPacket p = ArpPacket.decode(out, 14, 28);
        assertThat(p.isRequest()).isTrue();
        assertThat(p.spa()).isEqualTo(p.tpa());
        assertThat(Ethernet.isMulticastDst(out, 0)).isTrue();
    }

    @Test
    void isRequestNeverThrows() {
        assertThat(ArpFrames.isRequest(null, 0, 42)).isFalse();
        assertThat(ArpFrames.isRequest(new byte[10], 0, 42)).isFalse();
        assertThat(ArpFrames.isRequest(Hex.bytes(REQUEST_FRAME), 0, 41)).isFalse();
    }
}

package org.netweave.packet;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/** The pcap reader parses files from anywhere: a bad one is an {@link IOException}, never anything else. */
class PcapFuzzTest {

    @FuzzTest
    void pcapReader(byte[] data) {
        try (PcapReader reader = new PcapReader(new ByteArrayInputStream(data))) {
            while (reader.next() != null) {
                reader.linkType();
            }
        } catch (IOException expected) {
            // A malformed file is reported, not crashed on.
        }
    }
}

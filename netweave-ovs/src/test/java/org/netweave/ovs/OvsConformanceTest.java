package org.netweave.ovs;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.netweave.model.Ipv4Address;

/** The seed conformance suite on real Open vSwitch: VMs are namespaces, pinging with the kernel's ping. */
class OvsConformanceTest extends SeedConformanceSuite {
    private static final Pattern SUMMARY = Pattern.compile("(\\d+) packets transmitted, (\\d+) received");
    private static final Pattern TTL = Pattern.compile("ttl=(\\d+)");

    @Override
    ConformanceLab createLab() {
        Net.requireOrSkip("OvsConformanceTest", Net.whyLabUnavailable());
        OvsLab ovs = OvsLab.seed(VMS);
        return new ConformanceLab() {
            @Override
            public PingOutcome ping(SeedFixture.Vm from, Ipv4Address target) {
                String out = ovs.ping(from.name(), target.toString()).output();
                Matcher summary = SUMMARY.matcher(out);
                if (!summary.find()) {
                    return new PingOutcome(0, 0, -1, out);
                }
                int ttl = -1;
                Matcher t = TTL.matcher(out);
                while (t.find()) {
                    ttl = Integer.parseInt(t.group(1));
                }
                return new PingOutcome(Integer.parseInt(summary.group(1)), Integer.parseInt(summary.group(2)), ttl, out);
            }

            @Override
            public long arpSuppressed(int host) {
                return ovs.host(host).counters().arpSuppressed();
            }

            @Override
            public void close() {
                ovs.close();
            }
        };
    }
}

package org.netweave.cli.allinone;

import java.time.Duration;

import io.swagger.v3.oas.annotations.media.Schema;
import org.netweave.manager.api.ApiException;
import org.netweave.model.InvalidValueException;
import org.netweave.model.Ipv4Address;

@Schema(description = "Ping from a lab VM's guest (all-in-one mode only): ICMP echo requests from its first vNIC.")
public record VmPingRequest(
        @Schema(description = "The address to ping.", example = "10.0.2.10", requiredMode = Schema.RequiredMode.REQUIRED)
        String target,
        @Schema(description = "How many requests, 1-100; default 3.", nullable = true) Integer count,
        @Schema(description = "Milliseconds between requests, 0-10000; default 200.", nullable = true) Integer intervalMillis,
        @Schema(description = "Milliseconds to wait for replies after the last request, 1-30000; default 2000.",
                nullable = true) Integer timeoutMillis) {

    Ipv4Address toTarget() {
        if (target == null) {
            throw ApiException.missing("target");
        }
        try {
            return Ipv4Address.parse("target", target);
        } catch (InvalidValueException e) {
            throw ApiException.of(e, "");
        }
    }

    int toCount() {
        return within("count", count, 3, 1, 100);
    }

    Duration toInterval() {
        return Duration.ofMillis(within("intervalMillis", intervalMillis, 200, 0, 10_000));
    }

    Duration toTimeout() {
        return Duration.ofMillis(within("timeoutMillis", timeoutMillis, 2_000, 1, 30_000));
    }

    private static int within(String field, Integer value, int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            throw ApiException.invalid(field, field + " must be " + min + "-" + max + ", not " + value);
        }
        return value;
    }
}

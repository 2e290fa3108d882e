package org.netweave.manager.southbound;

import java.io.Closeable;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.netweave.controller.client.ControllerChannels;
import org.netweave.controller.client.ControllerWriter;
import org.netweave.controller.slice.SliceSpace;
import org.netweave.pki.TransportSecurity;

/**
 * The manager's writer to the controller cluster, rebuilt when the controller list changes (a
 * controller deployed or removed) so writes always start from the current list.
 */
public final class ControllerWriters implements Closeable {
    private final Supplier<List<String>> addresses;
    private final Duration deadline;
    private final ControllerChannels channels;
    private List<String> current = List.of();
    private ControllerWriter writer;

    /** @param security the manager's transport: its channels to the controllers are mutual TLS */
    public ControllerWriters(Supplier<List<String>> addresses, Duration deadline, TransportSecurity security) {
        this.addresses = addresses;
        this.deadline = deadline;
        this.channels = new ControllerChannels(security);
    }

    /**
     * The writer for the current controllers.
     *
     * @throws IllegalStateException when no controller runs: nothing can apply a write
     */
    public synchronized ControllerWriter writer() {
        List<String> now = addresses.get();
        if (now.isEmpty()) {
            throw new IllegalStateException("no controller is deployed; deploy one with POST /api/v1/controllers");
        }
        if (!now.equals(current)) {
            writer = new ControllerWriter(now, channels, SliceSpace.DEFAULT, deadline);
            current = now;
        }
        return writer;
    }

    public List<String> addresses() {
        return addresses.get();
    }

    /** The channels to the controllers, shared with the manager's reads of their tables. */
    public ControllerChannels channels() {
        return channels;
    }

    @Override
    public void close() {
        channels.close();
    }
}

package org.netweave.manager.views;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.grpc.StatusRuntimeException;
import org.netweave.controller.client.ControllerChannels;
import org.netweave.model.DlrId;
import org.netweave.model.Vni;
import org.netweave.proto.controller.v1.DlrTablesView;
import org.netweave.proto.controller.v1.ManagerChannelGrpc;
import org.netweave.proto.controller.v1.Ownership;
import org.netweave.proto.controller.v1.ShowDlrTablesRequest;
import org.netweave.proto.controller.v1.ShowVniTablesRequest;
import org.netweave.proto.controller.v1.VniTablesView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads controller nodes' runtime tables over their manager channel. Each node answers from its
 * own tables, so finding what the master holds means asking until a node says it owns the slice,
 * following the owner that any other node names. No retries beyond that: a view is a snapshot,
 * and an operator asking while the cluster moves a slice is better told so than kept waiting.
 */
final class ControllerTableReader {
    private static final Logger LOG = LoggerFactory.getLogger(ControllerTableReader.class);
    /** A silent node (partitioned, stalled) must not hold an API request for long. */
    private static final long CALL_TIMEOUT_MS = 5_000;

    private final ControllerChannels channels;

    ControllerTableReader(ControllerChannels channels) {
        this.channels = channels;
    }

    /** @throws StatusRuntimeException when the node does not answer */
    VniTablesView vni(String address, Vni vni) {
        return stub(address).showVniTables(ShowVniTablesRequest.newBuilder().setVni(vni.value()).build());
    }

    /** @throws StatusRuntimeException when the node does not answer */
    DlrTablesView dlr(String address, DlrId dlr) {
        return stub(address).showDlrTables(ShowDlrTablesRequest.newBuilder().setDlrId(dlr.value()).build());
    }

    /**
     * The answer of the node that owns the object: each address is asked in turn, and a node that
     * is not the owner but names one sends the question there. Empty when no node that answered
     * owns it, which happens while the cluster moves the slice or has lost its majority.
     */
    <T> Optional<T> fromOwner(List<String> addresses, Function<String, T> ask, Function<T, Ownership> ownership) {
        for (String address : addresses) {
            Optional<T> answer = tryAsk(address, ask);
            if (answer.isEmpty()) {
                continue;
            }
            Ownership said = ownership.apply(answer.get());
            if (said.getOwner()) {
                return answer;
            }
            String named = said.hasOwnerNode() ? said.getOwnerNode().getAddress() : "";
            if (!named.isEmpty() && !named.equals(address)) {
                Optional<T> owner = tryAsk(named, ask).filter(a -> ownership.apply(a).getOwner());
                if (owner.isPresent()) {
                    return owner;
                }
            }
        }
        return Optional.empty();
    }

    private static <T> Optional<T> tryAsk(String address, Function<String, T> ask) {
        try {
            return Optional.of(ask.apply(address));
        } catch (StatusRuntimeException e) {
            LOG.debug("controller at {} did not answer a table view: {}", address, e.getStatus());
            return Optional.empty();
        }
    }

    private ManagerChannelGrpc.ManagerChannelBlockingStub stub(String address) {
        return ManagerChannelGrpc.newBlockingStub(channels.channel(address))
                .withDeadlineAfter(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }
}

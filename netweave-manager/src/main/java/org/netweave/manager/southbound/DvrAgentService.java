package org.netweave.manager.southbound;

import java.util.Optional;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import org.netweave.manager.inventory.HostRecord;
import org.netweave.manager.inventory.InventoryService;
import org.netweave.model.HostId;
import org.netweave.model.InvalidValueException;
import org.netweave.proto.manager.v1.DvrAgentChannelGrpc;
import org.netweave.proto.manager.v1.DvrMac;
import org.netweave.proto.manager.v1.DvrMacList;
import org.netweave.proto.manager.v1.DvrMacListRequest;
import org.netweave.proto.manager.v1.DvrMacRequest;

/**
 * Neutron's DVR RPCs for the host agents' L2 side: a host's DVR MAC, and every host's. The MAC is
 * the router MAC host preparation allocated — once per host, unique, from the inventory's
 * configurable base — so asking never allocates and two agents of one host get the same answer.
 */
public final class DvrAgentService extends DvrAgentChannelGrpc.DvrAgentChannelImplBase {
    private final InventoryService inventory;

    public DvrAgentService(InventoryService inventory) {
        this.inventory = inventory;
    }

    @Override
    public void getDvrMacAddress(DvrMacRequest request, StreamObserver<DvrMac> observer) {
        HostId id;
        try {
            id = HostId.of(request.getHost());
        } catch (InvalidValueException e) {
            observer.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
            return;
        }
        Optional<HostRecord> host = inventory.host(id);
        if (host.isEmpty()) {
            observer.onError(Status.NOT_FOUND.withDescription("no host " + id.value()).asRuntimeException());
        } else if (host.get().routerMac().isEmpty()) {
            observer.onError(Status.FAILED_PRECONDITION.withDescription(id.value()
                    + " is not prepared: it gets its DVR MAC when its cluster is prepared").asRuntimeException());
        } else {
            observer.onNext(dvrMac(host.get()));
            observer.onCompleted();
        }
    }

    @Override
    public void getDvrMacAddressList(DvrMacListRequest request, StreamObserver<DvrMacList> observer) {
        DvrMacList.Builder list = DvrMacList.newBuilder();
        inventory.hosts(Optional.empty()).stream().filter(h -> h.routerMac().isPresent())
                .forEach(h -> list.addMacs(dvrMac(h)));
        observer.onNext(list.build());
        observer.onCompleted();
    }

    private static DvrMac dvrMac(HostRecord host) {
        return DvrMac.newBuilder().setHost(host.id().value()).setMacAddress(host.routerMac().orElseThrow().toString())
                .build();
    }
}

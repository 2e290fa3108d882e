package org.netweave.controller.grpc;

import static org.netweave.controller.grpc.Replies.reply;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import org.netweave.controller.owner.ManagerWrites;
import org.netweave.controller.owner.OwnerService;
import org.netweave.controller.owner.TableViews;
import org.netweave.model.DlrId;
import org.netweave.model.InvalidValueException;
import org.netweave.model.Vni;
import org.netweave.pki.TransportSecurity;
import org.netweave.proto.controller.v1.Assignments;
import org.netweave.proto.controller.v1.CreateDlrRequest;
import org.netweave.proto.controller.v1.CreateLogicalSwitchRequest;
import org.netweave.proto.controller.v1.DeleteBridgeRequest;
import org.netweave.proto.controller.v1.DeleteDlrRequest;
import org.netweave.proto.controller.v1.DeleteLifRequest;
import org.netweave.proto.controller.v1.DeleteLogicalSwitchRequest;
import org.netweave.proto.controller.v1.DlrTablesView;
import org.netweave.proto.controller.v1.GetAssignmentsRequest;
import org.netweave.proto.controller.v1.ManagerChannelGrpc;
import org.netweave.proto.controller.v1.PutBridgeRequest;
import org.netweave.proto.controller.v1.PutLifRequest;
import org.netweave.proto.controller.v1.PutVniPlacementRequest;
import org.netweave.proto.controller.v1.RevocationsAck;
import org.netweave.proto.controller.v1.RevokedCertificates;
import org.netweave.proto.controller.v1.ShowDlrTablesRequest;
import org.netweave.proto.controller.v1.ShowVniTablesRequest;
import org.netweave.proto.controller.v1.VniTablesView;
import org.netweave.proto.controller.v1.WriteResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The manager channel: each call is decoded by protobuf and handed to the owner side. */
public final class ManagerChannelService extends ManagerChannelGrpc.ManagerChannelImplBase {
    private static final Logger LOG = LoggerFactory.getLogger(ManagerChannelService.class);
    private final OwnerService owner;
    private final ManagerWrites writes;
    private final TableViews views;
    private final TransportSecurity security;

    /** @param security this node's transport, which takes in the revocations the manager publishes */
    public ManagerChannelService(OwnerService owner, TransportSecurity security) {
        this.owner = owner;
        this.writes = owner.managerWrites();
        this.views = new TableViews(owner);
        this.security = security;
    }

    @Override
    public void publishRevocations(RevokedCertificates request, StreamObserver<RevocationsAck> responses) {
        List<BigInteger> serials = new ArrayList<>();
        for (String serial : request.getSerialsList()) {
            try {
                serials.add(new BigInteger(serial, 16));
            } catch (NumberFormatException e) {
                responses.onError(Status.INVALID_ARGUMENT.withDescription("serials: '" + serial
                        + "' is not a hexadecimal serial").asRuntimeException());
                return;
            }
        }
        // Learning one ends the streams its holder keeps open here (the revocations' listeners).
        int learned = security.learnRevoked(serials);
        if (learned > 0) {
            LOG.atInfo().setMessage("{}: learned {} revoked certificates from the manager").addArgument(owner.node())
                    .addArgument(learned).addKeyValue("event", "revocations-learned").addKeyValue("count", learned).log();
        }
        responses.onNext(RevocationsAck.newBuilder().setNewlyRevoked(learned).build());
        responses.onCompleted();
    }

    @Override
    public void getAssignments(GetAssignmentsRequest request, StreamObserver<Assignments> responses) {
        reply(owner.currentAssignments(), responses);
    }

    @Override
    public void createLogicalSwitch(CreateLogicalSwitchRequest request, StreamObserver<WriteResult> responses) {
        reply(writes.createLogicalSwitch(request), responses);
    }

    @Override
    public void putVniPlacement(PutVniPlacementRequest request, StreamObserver<WriteResult> responses) {
        reply(writes.putVniPlacement(request), responses);
    }

    @Override
    public void deleteLogicalSwitch(DeleteLogicalSwitchRequest request, StreamObserver<WriteResult> responses) {
        reply(writes.deleteLogicalSwitch(request), responses);
    }

    @Override
    public void createDlr(CreateDlrRequest request, StreamObserver<WriteResult> responses) {
        reply(writes.createDlr(request), responses);
    }

    @Override
    public void deleteDlr(DeleteDlrRequest request, StreamObserver<WriteResult> responses) {
        reply(writes.deleteDlr(request), responses);
    }

    @Override
    public void putLif(PutLifRequest request, StreamObserver<WriteResult> responses) {
        reply(writes.putLif(request), responses);
    }

    @Override
    public void deleteLif(DeleteLifRequest request, StreamObserver<WriteResult> responses) {
        reply(writes.deleteLif(request), responses);
    }

    @Override
    public void putBridge(PutBridgeRequest request, StreamObserver<WriteResult> responses) {
        reply(writes.putBridge(request), responses);
    }

    @Override
    public void deleteBridge(DeleteBridgeRequest request, StreamObserver<WriteResult> responses) {
        reply(writes.deleteBridge(request), responses);
    }

    @Override
    public void showVniTables(ShowVniTablesRequest request, StreamObserver<VniTablesView> responses) {
        try {
            reply(views.vni(Vni.of(request.getVni())), responses);
        } catch (InvalidValueException e) {
            responses.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
        }
    }

    @Override
    public void showDlrTables(ShowDlrTablesRequest request, StreamObserver<DlrTablesView> responses) {
        try {
            reply(views.dlr(DlrId.of(request.getDlrId())), responses);
        } catch (InvalidValueException e) {
            responses.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
        }
    }
}

package org.netweave.controller.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import com.google.protobuf.InvalidProtocolBufferException;
import org.netweave.controller.slice.Role;
import org.netweave.controller.slice.SliceAssignment;
import org.netweave.model.ControllerId;
import org.netweave.proto.controller.v1.ControllerNode;

/** Translates a {@link SliceAssignment} to and from its protobuf form (in ZooKeeper and on the wire). */
public final class AssignmentCodec {
    private AssignmentCodec() {
    }

    public static org.netweave.proto.controller.v1.SliceAssignment toProto(SliceAssignment assignment) {
        var builder = org.netweave.proto.controller.v1.SliceAssignment.newBuilder()
                .setRole(toProto(assignment.role()))
                .setEpoch(assignment.epoch());
        assignment.owners().forEach(owner -> builder.addSliceOwner(owner.value()));
        assignment.addresses().forEach((node, address) -> builder.addNodes(ControllerNode.newBuilder()
                .setNodeId(node.value())
                .setAddress(address)
                .setRegistration(assignment.registrations().getOrDefault(node, 0L))));
        assignment.failed().forEach(node -> builder.addFailedNodes(node.value()));
        return builder.build();
    }

    public static SliceAssignment fromProto(org.netweave.proto.controller.v1.SliceAssignment proto) {
        List<ControllerId> owners = new ArrayList<>(proto.getSliceOwnerCount());
        proto.getSliceOwnerList().forEach(owner -> owners.add(ControllerId.of(owner)));
        SortedMap<ControllerId, String> addresses = new TreeMap<>();
        SortedMap<ControllerId, Long> registrations = new TreeMap<>();
        for (ControllerNode node : proto.getNodesList()) {
            addresses.put(ControllerId.of(node.getNodeId()), node.getAddress());
            registrations.put(ControllerId.of(node.getNodeId()), node.getRegistration());
        }
        Set<ControllerId> failed = new TreeSet<>();
        proto.getFailedNodesList().forEach(node -> failed.add(ControllerId.of(node)));
        return new SliceAssignment(fromProto(proto.getRole()), proto.getEpoch(), owners, addresses, registrations, failed);
    }

    public static byte[] encode(SliceAssignment assignment) {
        return toProto(assignment).toByteArray();
    }

    public static SliceAssignment decode(byte[] bytes) {
        try {
            return fromProto(org.netweave.proto.controller.v1.SliceAssignment.parseFrom(bytes));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("the assignment in ZooKeeper is not a SliceAssignment", e);
        }
    }

    public static org.netweave.proto.controller.v1.Role toProto(Role role) {
        return switch (role) {
            case API_PROVIDER -> org.netweave.proto.controller.v1.Role.API_PROVIDER;
            case PERSISTENCE_SERVER -> org.netweave.proto.controller.v1.Role.PERSISTENCE_SERVER;
            case SWITCH_MANAGER -> org.netweave.proto.controller.v1.Role.SWITCH_MANAGER;
            case LOGICAL_MANAGER -> org.netweave.proto.controller.v1.Role.LOGICAL_MANAGER;
            case DIRECTORY_SERVER -> org.netweave.proto.controller.v1.Role.DIRECTORY_SERVER;
        };
    }

    public static Role fromProto(org.netweave.proto.controller.v1.Role role) {
        return switch (role) {
            case API_PROVIDER -> Role.API_PROVIDER;
            case PERSISTENCE_SERVER -> Role.PERSISTENCE_SERVER;
            case SWITCH_MANAGER -> Role.SWITCH_MANAGER;
            case LOGICAL_MANAGER -> Role.LOGICAL_MANAGER;
            case DIRECTORY_SERVER -> Role.DIRECTORY_SERVER;
            case ROLE_UNSPECIFIED, UNRECOGNIZED -> throw new IllegalArgumentException("role: " + role + " is not a controller role");
        };
    }
}

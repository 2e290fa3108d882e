package org.netweave.controller.owner;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import com.google.protobuf.InvalidProtocolBufferException;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.curator.utils.ZKPaths;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.netweave.controller.cluster.ZkLayout;
import org.netweave.controller.slice.Role;
import org.netweave.model.DlrId;
import org.netweave.model.Vni;
import org.netweave.proto.controller.v1.DlrRecord;
import org.netweave.proto.controller.v1.LogicalSwitchRecord;

/**
 * The configuration of logical switches and DLRs in ZooKeeper (the persistence_server part of a
 * controller), so that whichever node owns an object next starts from the same configuration.
 *
 * <p>Every write is fenced: it runs in one ZooKeeper transaction with a version check of the
 * role's assignment znode, at the version under which the writer believed it was the owner. If
 * a master has published a newer assignment since, the whole transaction fails with
 * {@link FencedOut} and nothing is written: a deposed owner cannot overwrite its successor.
 */
public final class ObjectStore {
    private final CuratorFramework client;

    /** The write lost its fence: the assignment moved on since the owner's epoch. */
    public static final class FencedOut extends Exception {
        public FencedOut(String message) {
            super(message);
        }
    }

    public ObjectStore(CuratorFramework client) {
        this.client = client;
    }

    public void putSwitch(LogicalSwitchRecord record, int assignmentVersion) throws Exception {
        put(Role.SWITCH_MANAGER, ZkLayout.logicalSwitch(Vni.of(record.getVni())), record.toByteArray(), assignmentVersion);
    }

    public void deleteSwitch(Vni vni, int assignmentVersion) throws Exception {
        delete(Role.SWITCH_MANAGER, ZkLayout.logicalSwitch(vni), assignmentVersion);
    }

    public void putDlr(DlrRecord record, int assignmentVersion) throws Exception {
        put(Role.LOGICAL_MANAGER, ZkLayout.dlr(DlrId.of(record.getDlrId())), record.toByteArray(), assignmentVersion);
    }

    public void deleteDlr(DlrId dlr, int assignmentVersion) throws Exception {
        delete(Role.LOGICAL_MANAGER, ZkLayout.dlr(dlr), assignmentVersion);
    }

    public Optional<DlrRecord> dlr(DlrId dlr) throws Exception {
        try {
            return Optional.of(DlrRecord.parseFrom(client.getData().forPath(ZkLayout.dlr(dlr))));
        } catch (KeeperException.NoNodeException e) {
            return Optional.empty();
        }
    }

    /** Reads the switches the caller owns; a sync first so a new owner sees its predecessor's last write. */
    public List<LogicalSwitchRecord> switches(Predicate<Vni> owned) throws Exception {
        List<LogicalSwitchRecord> records = new ArrayList<>();
        for (byte[] data : children(ZkLayout.SWITCHES, name -> owned.test(Vni.of(Integer.parseInt(name))))) {
            records.add(parse(() -> LogicalSwitchRecord.parseFrom(data)));
        }
        return records;
    }

    public List<DlrRecord> dlrs(Predicate<DlrId> owned) throws Exception {
        List<DlrRecord> records = new ArrayList<>();
        for (byte[] data : children(ZkLayout.DLRS, name -> owned.test(DlrId.of(name)))) {
            records.add(parse(() -> DlrRecord.parseFrom(data)));
        }
        return records;
    }

    private List<byte[]> children(String parent, Predicate<String> owned) throws Exception {
        client.sync().forPath(parent);
        List<byte[]> values = new ArrayList<>();
        List<String> names;
        try {
            names = client.getChildren().forPath(parent);
        } catch (KeeperException.NoNodeException e) {
            return values;
        }
        for (String name : names) {
            if (owned.test(name)) {
                try {
                    values.add(client.getData().forPath(ZKPaths.makePath(parent, name)));
                } catch (KeeperException.NoNodeException e) {
                    // Deleted between listing and reading.
                }
            }
        }
        return values;
    }

    private void put(Role role, String path, byte[] data, int assignmentVersion) throws Exception {
        Stat stat = client.checkExists().creatingParentContainersIfNeeded().forPath(path);
        CuratorOp write = stat == null
                ? client.transactionOp().create().forPath(path, data)
                : client.transactionOp().setData().withVersion(stat.getVersion()).forPath(path, data);
        commit(role, write, assignmentVersion, path);
    }

    private void delete(Role role, String path, int assignmentVersion) throws Exception {
        if (client.checkExists().forPath(path) == null) {
            return;
        }
        commit(role, client.transactionOp().delete().forPath(path), assignmentVersion, path);
    }

    private void commit(Role role, CuratorOp write, int assignmentVersion, String path) throws Exception {
        if (assignmentVersion < 0) {
            throw new FencedOut("no " + role.cliName() + " assignment has been published");
        }
        CuratorOp fence = client.transactionOp().check().withVersion(assignmentVersion).forPath(ZkLayout.assignment(role));
        try {
            client.transaction().forOperations(fence, write);
        } catch (KeeperException.BadVersionException e) {
            throw new FencedOut("the " + role.cliName() + " assignment changed since version " + assignmentVersion
                    + "; the write to " + path + " was not applied");
        }
    }

    private interface Parser<T> {
        T parse() throws InvalidProtocolBufferException;
    }

    private static <T> T parse(Parser<T> parser) {
        try {
            return parser.parse();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("a stored object is not valid protobuf", e);
        }
    }
}

package org.netweave.controller.zk;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The static configuration of an embedded peer. Each key is set for a reason:
 *
 * <ul>
 *   <li>{@code dynamicConfigFile}: membership lives in its own file so that ZooKeeper can rewrite
 *       it on reconfig; client addresses come from its {@code ;host:port} parts.
 *   <li>{@code reconfigEnabled=true}: ZooKeeper refuses {@code reconfig} otherwise (since 3.5.3).
 *   <li>{@code standaloneEnabled=false}: a lone server runs as a quorum peer that can grow; a
 *       standalone server cannot be reconfigured.
 *   <li>{@code admin.enableServer=false}: no AdminServer HTTP endpoint; it would be a second,
 *       unauthenticated management port, and all peers would fight for port 8080.
 *   <li>{@code autopurge.*}: ZooKeeper keeps every snapshot and transaction log unless told to
 *       purge; three snapshots are enough to recover.
 *   <li>{@code tickTime}, {@code initLimit}, {@code syncLimit}, session bounds: {@link ZkTuning}.
 *   <li>{@code sslQuorum}, {@code serverCnxnFactory}, {@code ssl.*}: {@link ZkSecurity}.
 * </ul>
 *
 * <p>ZooKeeper turns keys it does not know itself (such as {@code admin.enableServer}) into JVM
 * system properties prefixed {@code zookeeper.}, and keeps {@code standaloneEnabled} and
 * {@code reconfigEnabled} in static fields; every peer in a JVM must therefore agree on them,
 * which they do, since these values are fixed here.
 */
final class ZkProperties {
    private ZkProperties() {
    }

    static Properties of(Path dataDir, Path dynamicConfigFile, ZkTuning tuning, ZkSecurity security) {
        Properties properties = new Properties();
        properties.setProperty("dataDir", dataDir.toString());
        properties.setProperty("dynamicConfigFile", dynamicConfigFile.toString());
        properties.setProperty("reconfigEnabled", "true");
        properties.setProperty("standaloneEnabled", "false");
        properties.setProperty("admin.enableServer", "false");
        properties.setProperty("autopurge.snapRetainCount", "3");
        properties.setProperty("autopurge.purgeInterval", "1");
        properties.setProperty("tickTime", Long.toString(tuning.tickTime().toMillis()));
        properties.setProperty("initLimit", Integer.toString(tuning.initLimit()));
        properties.setProperty("syncLimit", Integer.toString(tuning.syncLimit()));
        properties.setProperty("minSessionTimeout", Long.toString(tuning.minSessionTimeout().toMillis()));
        properties.setProperty("maxSessionTimeout", Long.toString(tuning.maxSessionTimeout().toMillis()));
        security.configureServer(properties);
        return properties;
    }
}

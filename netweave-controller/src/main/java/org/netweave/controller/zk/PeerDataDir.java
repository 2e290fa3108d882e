package org.netweave.controller.zk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.netweave.model.ControllerId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory of one embedded peer, and the rule for which membership it starts from.
 *
 * <p>Layout: {@code data/} holds ZooKeeper's snapshots, transaction logs and {@code myid}; the
 * top level holds the dynamic config files. {@code ZooKeeperServerEmbedded} writes its static
 * config to a fresh temporary file {@code zookeeper.configuration*.properties} at every boot, and
 * ZooKeeper writes each membership it learns or commits next to that file as
 * {@code <file>.dynamic.<hex version>}. The newest of these is the peer's latest membership.
 *
 * <p>Rule: a peer starts from its latest committed membership (version above 0) if that
 * membership contains it; otherwise from the bootstrap ensemble it was given, written as version
 * 0. Version 0 matters: a running ensemble's config always has a higher version (the leader stamps
 * the first established config with a zxid, ZOOKEEPER-1783), so a joiner adopts the ensemble's
 * committed config instead of its own partial view. A joiner that adopted that config is absent
 * from it until it is proposed, and would not boot from it; the fallback covers that case.
 */
final class PeerDataDir {
    private static final Logger LOG = LoggerFactory.getLogger(PeerDataDir.class);
    private static final Pattern DYNAMIC_FILE = Pattern.compile(".*\\.dynamic\\.([0-9a-f]+)");
    private static final String BOOTSTRAP_FILE = "netweave-bootstrap.cfg.dynamic.0";

    private final Path baseDir;
    private final PeerSpec self;

    private PeerDataDir(Path baseDir, PeerSpec self) {
        this.baseDir = baseDir;
        this.self = self;
    }

    /** Creates the directories and the {@code myid} file; refuses a directory of another server id. */
    static PeerDataDir prepare(Path baseDir, PeerSpec self) throws IOException {
        Path dataDir = baseDir.resolve("data");
        Files.createDirectories(dataDir);
        Path myid = dataDir.resolve("myid");
        String expected = Integer.toString(self.serverId());
        if (Files.exists(myid)) {
            String found = Files.readString(myid, StandardCharsets.US_ASCII).strip();
            if (!found.equals(expected)) {
                throw new IOException(baseDir + " belongs to ZooKeeper server " + found + ", not " + expected);
            }
        } else {
            Files.writeString(myid, expected + "\n", StandardCharsets.US_ASCII);
        }
        return new PeerDataDir(baseDir.toAbsolutePath(), self);
    }

    Path baseDir() {
        return baseDir;
    }

    Path dataDir() {
        return baseDir.resolve("data");
    }

    /** The dynamic config file to start from, after the rule in the class comment. */
    Path chooseDynamicConfig(List<PeerSpec> bootstrap) throws IOException {
        Optional<Path> latest = latestDynamicConfig();
        if (latest.isPresent() && version(latest.get()) > 0 && read(latest.get()).serverIds().contains(self.serverId())) {
            LOG.info("ZooKeeper server {} restarts from its committed membership {}", self.serverId(), latest.get());
            removeStaleFiles(latest.get());
            return latest.get();
        }
        Path bootstrapFile = baseDir.resolve(BOOTSTRAP_FILE);
        Files.writeString(bootstrapFile, new DynamicConfig(0, bootstrap).render(), StandardCharsets.UTF_8);
        removeStaleFiles(bootstrapFile);
        return bootstrapFile;
    }

    /** Reads a dynamic config file; controller names are not in it, only server ids count here. */
    static DynamicConfig read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return new DynamicConfig(version(file),
                DynamicConfig.parse(text, serverId -> ControllerId.of("server-" + serverId)).participants());
    }

    private Optional<Path> latestDynamicConfig() throws IOException {
        try (Stream<Path> files = Files.list(baseDir)) {
            return files.filter(file -> DYNAMIC_FILE.matcher(file.getFileName().toString()).matches())
                    .max(Comparator.comparingLong(PeerDataDir::version));
        }
    }

    private static long version(Path file) {
        Matcher matcher = DYNAMIC_FILE.matcher(file.getFileName().toString());
        return matcher.matches() ? Long.parseUnsignedLong(matcher.group(1), 16) : -1;
    }

    /**
     * Deletes the static config files of earlier boots and every other dynamic config file, so the
     * directory does not grow by a file per boot and per reconfig. A {@code .dynamic.next} file (a
     * proposed, uncommitted config) is deleted too: it belongs to an earlier boot's static file and
     * is never read again; the leader resends an unfinished reconfig when the peer syncs.
     */
    private void removeStaleFiles(Path keep) throws IOException {
        try (Stream<Path> files = Files.list(baseDir)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                boolean generated = name.startsWith("zookeeper.configuration") || DYNAMIC_FILE.matcher(name).matches();
                if (generated && !file.equals(keep) && Files.isRegularFile(file)) {
                    Files.delete(file);
                }
            }
        }
    }
}

package org.netweave.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The serial numbers of revoked certificates, kept in a file beside the authority (one hexadecimal
 * serial per line) so a revocation outlives a restart. Servers ask it at every handshake.
 */
public final class Revocations {
    private static final Logger LOG = LoggerFactory.getLogger(Revocations.class);
    private final Path file;
    private final Set<BigInteger> serials = ConcurrentHashMap.newKeySet();
    private final List<Consumer<BigInteger>> listeners = new CopyOnWriteArrayList<>();

    private Revocations(Path file) {
        this.file = file;
    }

    /** The revocations in {@code file}; none if it does not exist yet. */
    public static Revocations load(Path file) {
        Revocations revocations = new Revocations(file);
        revocations.reload();
        return revocations;
    }

    /**
     * Reads the file again: for a server in another process than the authority. The whole file is
     * parsed before any serial is taken, so a copy caught half-written (its last line without its
     * newline) or a broken line changes nothing; the next read sees the finished copy.
     */
    public synchronized void reload() {
        if (!Files.exists(file)) {
            return;
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the revoked certificates from " + file, e);
        }
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new IllegalStateException(file + " ends without a newline: a copy still being written?");
        }
        List<BigInteger> read = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                try {
                    read.add(new BigInteger(line.strip(), 16));
                } catch (NumberFormatException e) {
                    throw new IllegalStateException(file + " holds a line that is not a hexadecimal serial: '"
                            + line.strip() + "'", e);
                }
            }
        }
        for (BigInteger serial : read) {
            if (serials.add(serial)) {
                notifyListeners(serial);
            }
        }
    }

    public boolean isRevoked(X509Certificate certificate) {
        return isRevoked(certificate.getSerialNumber());
    }

    public boolean isRevoked(BigInteger serial) {
        return serials.contains(serial);
    }

    /**
     * Hears every serial revoked from now on (here or, after {@link #reload}, elsewhere), so a
     * server can close the streams a revoked peer still holds; on the revoking thread. Returns what
     * stops it hearing them (a server that closes).
     */
    public Runnable onRevoked(Consumer<BigInteger> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Adds {@code serial} and writes the file whole (a reader never sees half of it). */
    synchronized void add(BigInteger serial) {
        serials.add(serial);
        try {
            copyTo(file);
        } finally {
            // Refused from now on whatever became of the file: the streams its holder keeps open end too.
            notifyListeners(serial);
        }
    }

    /**
     * Takes in serials the authority revoked elsewhere (a component in another process hears them
     * from the manager): refused from now on, heard by the listeners, and kept in the file (written
     * once for all of them) so they outlive a restart. A file that cannot be written costs only
     * that: the serials are refused all the same. Returns how many were new here.
     */
    public synchronized int learn(Collection<BigInteger> revoked) {
        List<BigInteger> fresh = revoked.stream().filter(serials::add).toList();
        if (fresh.isEmpty()) {
            return 0;
        }
        try {
            copyTo(file);
        } catch (UncheckedIOException e) {
            LOG.warn("{} learned revoked certificates it cannot keep in {}: {}", fresh.size(), file, e.getMessage());
        } finally {
            fresh.forEach(this::notifyListeners);
        }
        return fresh.size();
    }

    private void notifyListeners(BigInteger serial) {
        for (Consumer<BigInteger> listener : listeners) {
            try {
                listener.accept(serial);
            } catch (RuntimeException e) {
                LOG.warn("a listener of revocation {} failed: {}", serial.toString(16), e.toString());
            }
        }
    }

    /** Every revoked serial known here, in order. */
    public List<BigInteger> all() {
        return List.copyOf(new TreeSet<>(serials));
    }

    /** Writes every serial to {@code target} whole: the file itself, or a copy for a component elsewhere. */
    synchronized void copyTo(Path target) {
        StringBuilder text = new StringBuilder();
        new TreeSet<>(serials).forEach(each -> text.append(each.toString(16)).append('\n'));
        try {
            // A name of its own: several processes may keep their copies in one directory.
            Path next = Files.createTempFile(target.toAbsolutePath().getParent(), target.getFileName() + ".", ".next");
            Files.writeString(next, text);
            try (FileChannel channel = FileChannel.open(next, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(next, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the revoked certificates to " + target, e);
        }
    }
}

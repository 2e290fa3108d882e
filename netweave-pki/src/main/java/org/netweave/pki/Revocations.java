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
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The serial numbers of revoked certificates, kept in a file beside the authority (one hexadecimal
 * serial per line) so a revocation outlives a restart. Servers ask it at every handshake.
 */
public final class Revocations {
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

    /** Reads the file again: for a server in another process than the authority. */
    public void reload() {
        if (!Files.exists(file)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    BigInteger serial = new BigInteger(line.strip(), 16);
                    if (serials.add(serial)) {
                        listeners.forEach(listener -> listener.accept(serial));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the revoked certificates from " + file, e);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(file + " holds a line that is not a hexadecimal serial: " + e.getMessage(), e);
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
        copyTo(file);
        listeners.forEach(listener -> listener.accept(serial));
    }

    /**
     * Takes in a serial the authority revoked elsewhere (a component in another process hears it
     * from the manager): kept in the file, so it outlives a restart, and heard by the listeners.
     * Returns whether it is new here.
     */
    public synchronized boolean learn(BigInteger serial) {
        if (serials.contains(serial)) {
            return false;
        }
        add(serial);
        return true;
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
            Path next = target.resolveSibling(target.getFileName() + ".next");
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

package org.netweave.controller.failover;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay on loopback between a controller node and its ZooKeeper server that a test can cut,
 * as when the network between them fails: while cut, no byte passes either way and new
 * connections are closed at once. Both ends notice only what a partition shows them — silence —
 * so the client's read timeout and the server's session expiry run as they would on a real
 * network. That order (the node suspends at two thirds of the session timeout, the ensemble
 * expires the session at the full timeout) is what keeps a cut-off node from acting alongside
 * the node that takes over its slices.
 */
final class CuttableLink implements Closeable {
    private final ServerSocket listener;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Object gate = new Object();
    private volatile boolean cut;

    CuttableLink(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("zk-link-" + listener.getLocalPort()).start(this::acceptLoop);
    }

    String connectString() {
        return "127.0.0.1:" + listener.getLocalPort();
    }

    void cut() {
        cut = true;
    }

    /**
     * Ends the cut. Connections that lived through it are closed rather than resumed: what was
     * held back is stale, and after a real partition the client would reconnect anyway.
     */
    void heal() {
        synchronized (gate) {
            open.forEach(CuttableLink::closeQuietly);
            open.clear();
            cut = false;
            gate.notifyAll();
        }
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            if (cut) {
                closeQuietly(client);
                continue;
            }
            try {
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(client);
                open.add(server);
                Thread.ofVirtual().start(() -> pump(client, server));
                Thread.ofVirtual().start(() -> pump(server, client));
            } catch (IOException e) {
                // The server is down (a killed peer): the client sees a refused connection.
                closeQuietly(client);
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (from; to) {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                awaitNotCut(from);
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // Closed by heal(), close(), or the other end: the relay ends.
        } finally {
            open.remove(from);
            open.remove(to);
        }
    }

    private void awaitNotCut(Socket from) throws InterruptedException, IOException {
        synchronized (gate) {
            while (cut) {
                if (from.isClosed()) {
                    throw new IOException("closed while cut");
                }
                gate.wait();
            }
        }
        if (from.isClosed()) {
            throw new IOException("closed while cut");
        }
    }

    @Override
    public void close() {
        closeQuietly(listener);
        heal();
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // Already gone.
        }
    }
}

package org.netweave.controller.zk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import org.netweave.model.InvalidValueException;

/**
 * The ZooKeeper super user, the one identity allowed to change the ensemble.
 *
 * <p>ZooKeeper 3.9 runs {@code reconfig} only for a session that may write {@code /zookeeper/config},
 * and that node is read-only for everybody except the super user. The other way ZooKeeper offers,
 * {@code skipACL}, switches off every ACL in the whole tree, so Netweave uses a super user instead:
 * every server trusts the digest of one shared secret, and {@link EnsembleAdmin} authenticates
 * with the secret itself ({@code addAuthInfo("digest", "super:<password>")}). NSX Manager plays
 * this part in NSX: only it proposes controllers.
 *
 * <p>ZooKeeper reads the trusted digest once per JVM, from the system property {@value
 * #SUPER_DIGEST_PROPERTY}, when its digest provider class is first loaded. {@link
 * #installOnServers()} therefore sets the property before any embedded peer starts and refuses a
 * second, different secret in the same JVM instead of letting reconfig fail later with a bare
 * "not authenticated". All controllers of a cluster must be given the same secret.
 */
public final class ZkSuperUser {
    /** The JVM-wide property ZooKeeper's {@code DigestAuthenticationProvider} reads the super digest from. */
    public static final String SUPER_DIGEST_PROPERTY = "zookeeper.DigestAuthenticationProvider.superDigest";
    private static final String DIGEST_ALGORITHM_PROPERTY = "zookeeper.DigestAuthenticationProvider.digestAlg";
    private static final String USER = "super";

    private final String password;

    private ZkSuperUser(String password) {
        this.password = password;
    }

    /** The super user with a secret shared by all controllers of the cluster. */
    public static ZkSuperUser withPassword(String password) {
        if (password == null || password.isEmpty() || password.contains(":")) {
            throw new InvalidValueException("password", "(hidden)", "must be non-empty and hold no ':'");
        }
        return new ZkSuperUser(password);
    }

    /** A super user with a fresh random secret, for a new cluster or a test. */
    public static ZkSuperUser generate() {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        return new ZkSuperUser(Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /**
     * The digest the servers trust, {@code super:base64(sha1("super:<password>"))}, computed as
     * ZooKeeper's {@code DigestAuthenticationProvider.generateDigest} does. It is computed here
     * because loading that class would freeze its digest before {@link #installOnServers()} ran.
     */
    public String digest() {
        String algorithm = System.getProperty(DIGEST_ALGORITHM_PROPERTY, "SHA1");
        try {
            byte[] hash = MessageDigest.getInstance(algorithm).digest(credentials().getBytes(StandardCharsets.UTF_8));
            return USER + ":" + Base64.getEncoder().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("ZooKeeper digest algorithm " + algorithm + " is not available", e);
        }
    }

    /** The bytes for {@code addAuthInfo("digest", ...)} on a client session. */
    byte[] authData() {
        return credentials().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Makes the ZooKeeper servers of this JVM trust this super user. Idempotent for the same
     * secret; a different secret fails because ZooKeeper would silently keep the first one.
     */
    public void installOnServers() {
        String digest = digest();
        synchronized (ZkSuperUser.class) {
            String installed = System.getProperty(SUPER_DIGEST_PROPERTY);
            if (installed == null) {
                System.setProperty(SUPER_DIGEST_PROPERTY, digest);
            } else if (!installed.equals(digest)) {
                throw new IllegalStateException("The ZooKeeper servers of this JVM already trust another super user; "
                        + "all controllers of a cluster must share one secret");
            }
        }
    }

    private String credentials() {
        return USER + ":" + password;
    }

    /** Never shows the secret, so the object can be logged. */
    @Override
    public String toString() {
        return "ZkSuperUser[super]";
    }
}

package org.netweave.pki;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/** Certificates and keys as PEM files, the way openssl and every TLS tool read them. Keys are 0600. */
final class PemFiles {
    private PemFiles() {
    }

    static void writeCertificate(Path file, X509Certificate certificate) {
        write(file, pem(certificate), false);
    }

    static void writeKey(Path file, PrivateKey key) {
        try {
            write(file, pem(new JcaPKCS8Generator(key, null)), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the key for " + file, e);
        }
    }

    static X509Certificate readCertificate(Path file) {
        try (Reader reader = Files.newBufferedReader(file); PEMParser parser = new PEMParser(reader)) {
            if (parser.readObject() instanceof X509CertificateHolder holder) {
                return new JcaX509CertificateConverter().getCertificate(holder);
            }
            throw new IllegalStateException(file + " holds no certificate");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the certificate " + file, e);
        } catch (CertificateException e) {
            throw new IllegalStateException(file + " holds a certificate Java cannot read: " + e.getMessage(), e);
        }
    }

    static PrivateKey readKey(Path file) {
        try (Reader reader = Files.newBufferedReader(file); PEMParser parser = new PEMParser(reader)) {
            if (parser.readObject() instanceof PrivateKeyInfo info) {
                return new JcaPEMKeyConverter().getPrivateKey(info);
            }
            throw new IllegalStateException(file + " holds no PKCS#8 private key");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the key " + file, e);
        }
    }

    private static String pem(Object object) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void write(Path file, String text, boolean secret) {
        write(file, text.getBytes(StandardCharsets.US_ASCII), secret);
    }

    /** Writes beside the file and moves it in place, so a crash never leaves half a key. */
    static void write(Path file, byte[] content, boolean secret) {
        try {
            Path next = file.resolveSibling(file.getFileName() + ".next");
            Files.deleteIfExists(next);
            if (secret) {
                Files.createFile(next, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.write(next, content);
            // On disk before it takes the name: a power cut must not leave an empty key behind it.
            try (FileChannel channel = FileChannel.open(next, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}

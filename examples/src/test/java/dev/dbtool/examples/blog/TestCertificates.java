package dev.dbtool.examples.blog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A throwaway certificate authority and a server certificate for localhost and 127.0.0.1 it signed, made with openssl. */
final class TestCertificates {
    private TestCertificates() {}

    /** Why certificates cannot be made here, or null. */
    static String missing() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) if (Files.isExecutable(Path.of(dir, "openssl"))) return null;
        return "openssl is not installed";
    }

    /** Writes ca.crt, ca.key, server.crt and server.key (readable by its owner only) into {@code dir}. */
    static Path create(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        openssl(dir, "req", "-x509", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-days", "2", "-subj", "/CN=dbtool test CA", "-out", "ca.crt");
        openssl(dir, "req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-subj", "/CN=localhost", "-out", "server.csr");
        Files.writeString(dir.resolve("san.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
        openssl(dir, "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-days", "2", "-extfile", "san.ext", "-out", "server.crt");
        Files.setPosixFilePermissions(dir.resolve("server.key"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        return dir;
    }

    private static void openssl(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("openssl " + String.join(" ", args) + ": " + out);
    }
}

package dev.dbtool.examples.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated API server against a database endpoint that accepts TLS only (a real PgBouncer requiring TLS from its
 * clients, with a certificate from a CA the test makes), configured as users write it:
 * {@code ?sslmode=verify-full&sslrootcert=ca.crt}. A connection without TLS, or trusting another CA, is refused.
 */
class ApiOverTlsTest {
    @TempDir
    Path dir;

    @Test
    void servesQueriesOverVerifiedTls() throws Exception {
        String why = PgBouncer.missing() != null ? PgBouncer.missing() : TestCertificates.missing();
        if (why != null) System.out.println("SKIPPED ApiOverTlsTest: " + why);
        assumeTrue(why == null, why);
        Path tls = TestCertificates.create(dir.resolve("tls"));
        Path otherCa = TestCertificates.create(dir.resolve("other")).resolve("ca.crt");
        BlogDatabase.Seeded db = BlogDatabase.create("blog_tls", 14);
        String database = db.jdbcUrl().replaceFirst("^jdbc:postgresql://[^/]+/([^?]+).*$", "$1");
        try (PgBouncer bouncer = PgBouncer.start(db.jdbcUrl(), 3, tls)) {
            String base = "jdbc:postgresql://localhost:" + bouncer.port + "/" + database + "?user=postgres&prepareThreshold=0";
            assertThrows(SQLException.class, () -> DriverManager.getConnection(base + "&sslmode=disable").close(), "no TLS, no connection");
            assertThrows(SQLException.class, () -> DriverManager.getConnection(base + "&sslmode=verify-full&sslrootcert=" + otherCa).close(),
                    "a certificate from another CA is refused");
            DriverManager.getConnection(base + "&sslmode=verify-full&sslrootcert=" + tls.resolve("ca.crt")).close();
            String url = "postgresql://postgres@localhost:" + bouncer.port + "/" + database + "?sslmode=verify-full&sslrootcert=" + tls.resolve("ca.crt")
                    + "&pgbouncer=true";
            try (ApiServerProcess server = ApiServerProcess.start(url, db)) {
                GraphQLClient client = new GraphQLClient(server.port);
                String token = Tokens.hs256("ops", "users:read posts:read");
                for (int i = 1; i <= 20; i++) {
                    GraphQLClient.Response r = client.post(token, "{ users(first: " + i + ") { totalCount edges { node { email posts(first: 1) { title } } } } }");
                    assertEquals(0, r.errors().size(), r.body().toString());
                    assertEquals(i, r.data().path("users").path("edges").size());
                }
            }
        }
    }
}

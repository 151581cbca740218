package dev.dbtool.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {
    @Test
    void prismaFormBecomesJdbcWithSchemaAndCredentials() {
        DatabaseUrl u = DatabaseUrl.parse("postgresql://app:s%40cret@localhost:5433/shop?schema=sales&connect_timeout=5");
        assertEquals("jdbc:postgresql://localhost:5433/shop?connect_timeout=5&currentSchema=sales&user=app&password=s%40cret", u.jdbc());
        assertEquals("shop", u.database());
        assertEquals("sales", u.schema());
        assertFalse(u.redacted().contains("cret"));
    }

    @Test
    void pgbouncerTrueTurnsServerSidePreparedStatementsOff() {
        assertEquals("jdbc:postgresql://127.0.0.1:6432/app?prepareThreshold=0&user=app", DatabaseUrl.parse("postgresql://app@127.0.0.1:6432/app?pgbouncer=true").jdbc());
        assertEquals("jdbc:postgresql://127.0.0.1:6432/app", DatabaseUrl.parse("postgresql://127.0.0.1:6432/app?pgbouncer=false").jdbc());
    }

    @Test
    void remoteHostsGetSslUnlessTheUrlSaysOtherwise() {
        assertEquals("jdbc:postgresql://db.example.com/app?sslmode=require", DatabaseUrl.parse("postgres://db.example.com/app").jdbc());
        assertEquals("jdbc:postgresql://db.example.com/app?sslmode=disable", DatabaseUrl.parse("postgresql://db.example.com/app?sslmode=disable").jdbc());
        assertEquals("jdbc:postgresql://127.0.0.1:5432/app", DatabaseUrl.parse("postgresql://127.0.0.1:5432/app").jdbc());
        assertEquals("jdbc:postgresql://[::1]/app", DatabaseUrl.parse("postgresql://[::1]/app").jdbc());
    }

    @Test
    void jdbcFormIsAccepted() {
        assertEquals("jdbc:postgresql://localhost/app?user=u", DatabaseUrl.parse("jdbc:postgresql://localhost/app?user=u").jdbc());
    }

    @Test
    void otherUrlsAreRefusedClearly() {
        assertEquals("not a PostgreSQL URL (expected postgresql://… or jdbc:postgresql://…)",
                assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse("mysql://localhost/x")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse("postgresql:///nohost"));
    }
}

package dev.dbtool.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DatabaseUrlsTest {
    @Test
    void prismaUrlsBecomeJdbcWithCredentialsApartAndTlsForRemoteHosts() {
        DatabaseUrls.Jdbc local = DatabaseUrls.parse("postgresql://app:p%40ss@localhost:5433/shop?schema=sales&connection_limit=5");
        assertEquals("jdbc:postgresql://localhost:5433/shop?currentSchema=sales", local.url());
        assertEquals("app", local.user());
        assertEquals("p@ss", local.password());
        assertEquals("jdbc:postgresql://db.example.com/shop?sslmode=require", DatabaseUrls.parse("postgres://u@db.example.com/shop").url());
        assertEquals("jdbc:postgresql://db.example.com/shop?sslmode=disable&prepareThreshold=0",
                DatabaseUrls.parse("postgres://u@db.example.com/shop?sslmode=disable&pgbouncer=true").url());
        assertEquals("jdbc:postgresql://h/db", DatabaseUrls.parse("jdbc:postgresql://h/db").url());
    }

    @Test
    void refusesWhatIsNoPostgresUrl() {
        assertThrows(IllegalArgumentException.class, () -> DatabaseUrls.parse(null));
        assertThrows(IllegalArgumentException.class, () -> DatabaseUrls.parse("mysql://h/db"));
        assertThrows(IllegalArgumentException.class, () -> DatabaseUrls.parse("postgresql://a b"));
    }
}

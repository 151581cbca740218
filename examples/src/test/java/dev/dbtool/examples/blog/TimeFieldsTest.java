package dev.dbtool.examples.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbtool.examples.blog.GraphQLClient.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code @db.Time} fields on the blog over HTTP (Profile.availableFrom): written and read as a DateTime on 1970-01-01
 * (Prisma's client's convention; a date part given is dropped), filtered and sorted against the rows SQL returns.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimeFieldsTest {
    CacheFixture fx;
    GraphQLClient client;
    String admin;

    @BeforeAll
    void start() throws Exception {
        fx = CacheFixture.create("blog_time_fields", 47);
        client = new GraphQLClient(fx.serve().port());
        admin = Tokens.hs256("admin", RelationFiltersTest.ADMIN);
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    @Test
    void timesRoundTripFilterAndSort() throws Exception {
        String user = fx.sql("SELECT u.id FROM users u WHERE NOT EXISTS (SELECT 1 FROM \"Profile\" p WHERE p.\"userId\" = u.id) ORDER BY u.email LIMIT 1");
        Response created = client.post(admin, "mutation($u: ID!) { createProfile(data: {userId: $u, availableFrom: \"2024-05-01T09:30:00Z\"}) { id availableFrom } }",
                Map.of("u", user));
        assertEquals(0, created.errors().size(), created.body().toString());
        assertEquals(java.time.Instant.parse("1970-01-01T09:30:00Z"), java.time.Instant.parse(created.data().path("createProfile").path("availableFrom").asText()),
                "the time of day, on 1970-01-01");
        assertEquals("09:30:00", fx.sql("SELECT \"availableFrom\"::text FROM \"Profile\" WHERE \"userId\" = '" + user + "'"));
        int withTimes = Integer.parseInt(fx.sql("SELECT count(*) FROM \"Profile\" WHERE \"availableFrom\" IS NOT NULL"));
        assertTrue(withTimes > 1, "profiles with a time: " + withTimes);
        List<String> expected = fx.rows("SELECT id::text FROM \"Profile\" WHERE \"availableFrom\" < '12:00' ORDER BY \"availableFrom\", id");
        Response r = client.post(admin, "{ profiles(where: {availableFrom: {lt: \"1970-01-01T12:00:00Z\"}}, orderBy: [{availableFrom: asc}], first: 100) "
                + "{ edges { node { id availableFrom } } } }");
        assertEquals(0, r.errors().size(), r.body().toString());
        List<String> got = new ArrayList<>();
        List<String> times = new ArrayList<>();
        for (JsonNode e : r.data().path("profiles").path("edges")) {
            got.add(e.path("node").path("id").asText());
            times.add(e.path("node").path("availableFrom").asText());
        }
        assertEquals(expected, got, "filtered and ordered by the time of day");
        for (String t : times) assertTrue(java.time.Instant.parse(t).isBefore(java.time.Instant.parse("1970-01-01T12:00:00Z")), t);
    }

    @Test
    void timetzKeepsTheInstant() throws Exception {
        // the runtime's binding and reading of a timetz column, on the real server (the blog has no timetz field)
        var column = new com.example.blog.generated.Column("t", "\"t\"", "TIMETZ(0)", com.example.blog.generated.Column.Kind.TIMETZ, true);
        try (var c = java.sql.DriverManager.getConnection(fx.db.jdbcUrl()); var st = c.createStatement()) {
            st.execute("CREATE TEMPORARY TABLE tz (t TIMETZ(0))");
            try (var ps = c.prepareStatement("INSERT INTO tz VALUES (?::TIMETZ(0))")) {
                com.example.blog.generated.Jdbc.bind(ps, 1, column, java.time.Instant.parse("2024-05-01T22:15:00Z"));
                ps.executeUpdate();
            }
            try (var rs = st.executeQuery("SELECT t, t::text FROM tz")) {
                assertTrue(rs.next());
                assertEquals(java.time.Instant.parse("1970-01-01T22:15:00Z"), com.example.blog.generated.Jdbc.timetz(rs, 1));
                assertEquals("22:15:00+00", rs.getString(2));
            }
        }
    }
}

package dev.dbtool.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CursorsTest {
    @Test
    void roundTripsValuesIncludingNullsAndRefusesOtherOrderings() {
        List<String> values = Arrays.asList("2024-01-01 10:00:00.123", null, "42");
        String cursor = Cursors.encode("createdAt:desc,id:asc", values);
        assertEquals(values, Cursors.decode(cursor, "after", "createdAt:desc,id:asc", 3));
        ApiException other = assertThrows(ApiException.class, () -> Cursors.decode(cursor, "after", "title:asc", 3));
        assertEquals(List.of("after"), other.problems().get(0).path());
        assertThrows(ApiException.class, () -> Cursors.decode("not base64 at all!", "before", "x", 1));
        assertThrows(ApiException.class, () -> Cursors.decode(cursor, "after", "createdAt:desc,id:asc", 2), "size must match");
    }
}

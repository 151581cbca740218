package dev.dbtool.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlFilterTest {
    static final Map<String, Column> COLUMNS = Map.of(
            "title", new Column("title", "\"title\"", "text", Column.Kind.STRING, false),
            "views", new Column("views", "\"views\"", "integer", Column.Kind.INT, true),
            "tags", new Column("tags", "\"tags\"", "text[]", Column.Kind.ARRAY, false));

    @Test
    void everyValueIsABoundParameterAndNullsFollowSqlSense() {
        Filter f = Filter.and(List.of(
                new Filter.Condition("title", Filter.Op.CONTAINS, "50%_off\\", true),
                Filter.or(List.of(Filter.where("views", Filter.Op.GT, 10), Filter.eq("views", null))),
                Filter.not(new Filter.Condition("views", Filter.Op.IN, List.of(1, 2), false)),
                new Filter.Condition("views", Filter.Op.NOT, 3, false)));
        SqlFilter.Compiled c = SqlFilter.compile(f, COLUMNS);
        assertEquals("(\"title\" ILIKE ?::text ESCAPE '\\' AND (\"views\" > ?::integer OR \"views\" IS NULL) AND NOT ((\"views\" IN (?::integer, ?::integer)))"
                + " AND (\"views\" <> ?::integer OR \"views\" IS NULL))", c.sql());
        assertEquals(Arrays.asList("%50\\%\\_off\\\\%", 10, 1, 2, 3), c.params().stream().map(p -> p[1]).toList());
    }

    @Test
    void emptyListsAndTheEmptyFilterAreConstants() {
        assertEquals("TRUE", SqlFilter.compile(null, COLUMNS).sql());
        assertEquals("FALSE", SqlFilter.compile(new Filter.Condition("views", Filter.Op.IN, List.of(), false), COLUMNS).sql());
        assertEquals("TRUE", SqlFilter.compile(new Filter.Condition("views", Filter.Op.NOT_IN, List.of(), false), COLUMNS).sql());
        assertEquals("\"tags\" && ?::text[]", SqlFilter.compile(new Filter.Condition("tags", Filter.Op.HAS_SOME, List.of("a"), false), COLUMNS).sql());
    }

    @Test
    void unknownFieldsAndNullComparisonsAreTheClientsError() {
        ApiException unknown = assertThrows(ApiException.class, () -> SqlFilter.compile(Filter.eq("password", "x"), COLUMNS));
        assertEquals(List.of("where", "password"), unknown.problems().get(0).path());
        assertThrows(ApiException.class, () -> SqlFilter.compile(Filter.where("views", Filter.Op.LT, null), COLUMNS));
    }
}

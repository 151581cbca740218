package dev.dbtool.generators.advisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pure half of the advisor: statement analysis, candidates, coverage, selection. */
class AdvisorLogicTest {
    static final Map<String, Set<String>> CATALOG = Map.of(
            "public.orders", new LinkedHashSet<>(List.of("id", "customer_id", "status", "created_at", "deleted_at", "total")),
            "public.customers", new LinkedHashSet<>(List.of("id", "email", "name")),
            "public.Post", new LinkedHashSet<>(List.of("id", "authorId", "publishedAt")));
    final StatementAnalyzer analyzer = new StatementAnalyzer(CATALOG);

    TableUse only(String sql) {
        AnalyzedStatement a = analyzer.analyze(sql);
        assertTrue(a.usable(), () -> a.problem());
        return a.tables().get(0);
    }

    static String keys(IndexCandidate c) { return c.display(); }

    @Test
    void equalityThenRangeThenSortWithDirection() {
        TableUse u = only("SELECT id, total FROM orders WHERE customer_id = $1 ORDER BY created_at DESC LIMIT 20");
        assertEquals(List.of("customer_id"), u.equality());
        assertEquals(List.of(new TableUse.SortKey("created_at", true)), u.orderBy());
        List<IndexCandidate> c = CandidateGenerator.forUse(u);
        assertEquals("orders (customer_id, created_at DESC)", keys(c.get(0)));
        assertTrue(c.stream().anyMatch(x -> x.display().equals("orders (customer_id, created_at DESC) INCLUDE (id, total)")), c::toString);
    }

    @Test
    void constantPredicatesGivePartialIndexes() {
        TableUse u = only("SELECT id FROM orders WHERE deleted_at IS NULL AND status = 'open' AND created_at > $1");
        List<String> shown = CandidateGenerator.forUse(u).stream().map(IndexCandidate::display).toList();
        assertTrue(shown.contains("orders (status, created_at)"), shown::toString);
        assertTrue(shown.contains("orders (status, created_at) WHERE \"deleted_at\" IS NULL"), shown::toString);
        assertTrue(shown.contains("orders (created_at) WHERE \"status\" = 'open'"), shown::toString);
    }

    @Test
    void joinsQuotedNamesInListsAndDml() {
        AnalyzedStatement join = analyzer.analyze("SELECT c.email FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.status IN ($1, $2) AND c.name = $3");
        assertEquals(2, join.tables().size());
        TableUse orders = join.tables().get(0);
        assertEquals(List.of("status"), orders.equality(), "IN lists are equality; JSqlParser 5.1 keeps the AND outside");
        assertEquals(List.of("customer_id"), orders.joins());
        assertEquals(List.of("name"), join.tables().get(1).equality());
        TableUse quoted = only("SELECT * FROM \"Post\" WHERE \"authorId\" = $1 ORDER BY \"publishedAt\" DESC");
        assertEquals("Post (authorId, publishedAt DESC)", CandidateGenerator.forUse(quoted).get(0).display());
        assertEquals(List.of("status"), only("UPDATE orders SET total = $1 WHERE status = $2").equality());
        TableUse grouped = only("SELECT id FROM orders WHERE (customer_id = $1) AND (created_at > $2 AND deleted_at IS NULL)");
        assertEquals(List.of("customer_id"), grouped.equality(), "parenthesised conditions count");
        assertEquals(List.of("created_at"), grouped.range());
        assertEquals(1, grouped.constants().size());
        assertEquals(List.of("created_at"), only("DELETE FROM orders WHERE created_at < $1").range());
        assertFalse(analyzer.analyze("INSERT INTO orders (id) VALUES ($1)").usable());
        assertFalse(analyzer.analyze("SELECT * FROM pg_class WHERE relname = $1").usable(), "not a user table");
        assertFalse(analyzer.analyze("this is not sql").usable());
    }

    @Test
    void existingPrefixesCoverCandidates() {
        IndexCandidate c = new IndexCandidate("public.orders", List.of(new IndexKey("customer_id", false)), List.of(), null);
        ExistingIndex wide = new ExistingIndex("public.orders", "orders_customer_created", List.of(new IndexKey("customer_id", false), new IndexKey("created_at", true)), null,
                true, false);
        assertTrue(CandidateGenerator.covered(c, List.of(wide)));
        IndexCandidate sorted = new IndexCandidate("public.orders", List.of(new IndexKey("customer_id", true), new IndexKey("created_at", false)), List.of(), null);
        assertTrue(CandidateGenerator.covered(sorted, List.of(wide)), "all directions reversed: a backward scan");
        IndexCandidate mixed = new IndexCandidate("public.orders", List.of(new IndexKey("customer_id", false), new IndexKey("created_at", false)), List.of(), null);
        assertFalse(CandidateGenerator.covered(mixed, List.of(wide)), "mixed directions are another order");
        IndexCandidate partial = new IndexCandidate("public.orders", List.of(new IndexKey("created_at", false)), List.of(), "\"deleted_at\" IS NULL");
        ExistingIndex existingPartial = new ExistingIndex("public.orders", "p", List.of(new IndexKey("created_at", false)), "(deleted_at IS NULL)", true, false);
        assertTrue(CandidateGenerator.covered(partial, List.of(existingPartial)));
        assertFalse(CandidateGenerator.covered(partial, List.of(new ExistingIndex("public.orders", "i", List.of(new IndexKey("created_at", false)), null, false, false))),
                "an invalid index covers nothing");
    }

    @Test
    void selectionMaximisesSavedTimeAndNeverPicksTwoThatCoverEachOther() {
        List<WorkloadStatement> w = List.of(new WorkloadStatement("1", "a", 1000, 5000, 5, 0, 0, 0, 0), new WorkloadStatement("2", "b", 10, 50, 5, 0, 0, 0, 0));
        double[] before = {100, 100};
        IndexCandidate narrow = new IndexCandidate("public.orders", List.of(new IndexKey("customer_id", false)), List.of(), null);
        IndexCandidate wide = new IndexCandidate("public.orders", List.of(new IndexKey("customer_id", false), new IndexKey("created_at", true)), List.of(), null);
        IndexCandidate useless = new IndexCandidate("public.customers", List.of(new IndexKey("name", false)), List.of(), null);
        List<CostedCandidate> costed = List.of(new CostedCandidate(narrow, 1000, Map.of(0, 40.0)), new CostedCandidate(wide, 2000, Map.of(0, 5.0, 1, 5.0)),
                new CostedCandidate(useless, 1000, Map.of(1, 95.0)));
        List<Recommendation> chosen = IndexSelection.select(w, before, costed, Map.of(), Long.MAX_VALUE);
        assertEquals(1, chosen.size(), chosen::toString);
        assertEquals(wide, chosen.get(0).index());
        assertEquals(4750 + 47.5, chosen.get(0).savedMs(), 0.001);
        assertTrue(IndexSelection.select(w, before, costed, Map.of(), 1500).stream().allMatch(r -> r.index().equals(narrow)), "the budget rules the wide one out");
        assertTrue(IndexSelection.select(w, before, costed, Map.of("public.orders", 10_000_000L), Long.MAX_VALUE).isEmpty(), "a table written this often pays more than it saves");
    }
}

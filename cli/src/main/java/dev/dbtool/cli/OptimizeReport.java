package dev.dbtool.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbtool.core.model.Schema;
import dev.dbtool.database.advisor.AdvisorResult;
import dev.dbtool.database.advisor.HealthFinding;
import dev.dbtool.generators.advisor.Recommendation;
import dev.dbtool.generators.advisor.SchemaIndexLines;
import dev.dbtool.generators.advisor.WorkloadStatement;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The text and JSON reports of {@code dbtool optimize}. */
final class OptimizeReport {
    private OptimizeReport() {}

    static void text(AdvisorResult r, Schema schema, PrintWriter out) {
        out.printf(Locale.ROOT, "dbtool optimize: %d statements from pg_stat_statements, %d candidate indexes, %.1f s%n", r.workload().size(), r.candidates(),
                r.elapsedMs() / 1000.0);
        out.println("costs: planner estimates of generic plans; after = " + r.costLabel());
        out.println();
        if (r.recommendations().isEmpty()) out.println("No new index would save time on this workload.");
        else out.println("Recommended indexes, by time saved over the recorded workload:");
        int n = 0;
        for (Recommendation rec : r.recommendations()) {
            out.println();
            out.printf(Locale.ROOT, "%d. %s%n", ++n, rec.index().createSql(true));
            out.printf(Locale.ROOT, "   saves ~%s (%s of write cost), size ~%s%n", ms(rec.savedMs()), ms(rec.writePenaltyMs()), bytes(rec.sizeBytes()));
            for (Recommendation.Help h : rec.helps()) {
                WorkloadStatement s = r.workload().get(h.statement());
                Double all = r.costAfter().get(h.statement());
                out.printf(Locale.ROOT, "   helps #%d: cost %.1f → %.1f, %d calls × %.2f ms  %s%n", h.statement() + 1, h.costBefore(), all == null ? h.costAfter() : all,
                        s.calls(), s.meanTimeMs(), shorten(s.sql(), 90));
            }
            if (schema != null) {
                SchemaIndexLines.of(schema, rec.index()).ifPresent(l -> {
                    out.println("   schema: model " + l.model() + " { " + l.text() + " }");
                    if (l.note() != null) out.println("   note: " + l.note());
                });
            }
        }
        out.println();
        out.println("Statements by total time:");
        for (int i = 0; i < r.workload().size() && i < 20; i++) {
            WorkloadStatement s = r.workload().get(i);
            String cost = Double.isNaN(r.costBefore()[i]) ? "-" : String.format(Locale.ROOT, "%.1f", r.costBefore()[i]);
            Double after = r.costAfter().get(i);
            if (after != null) cost += String.format(Locale.ROOT, " → %.1f", after);
            String why = r.analyzed().get(i).usable() ? "" : "  (" + r.analyzed().get(i).problem() + ")";
            out.printf(Locale.ROOT, "  #%d %s total, %d calls, %.2f ms mean, cost %s  %s%s%n", i + 1, ms(s.totalTimeMs()), s.calls(), s.meanTimeMs(), cost,
                    shorten(s.sql(), 80), why);
        }
        if (r.workload().size() > 20) out.println("  … " + (r.workload().size() - 20) + " more (--format json lists all)");
        if (!r.health().isEmpty()) {
            out.println();
            out.println("Existing indexes (pg-index-health):");
            for (HealthFinding f : r.health()) {
                out.printf(Locale.ROOT, "  %s: %s on %s — %s%s%n", f.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '), f.name(), f.table(), f.detail(),
                        f.sizeBytes() > 0 ? ", " + bytes(f.sizeBytes()) : "");
            }
            if (r.health().stream().anyMatch(f -> f.kind() == HealthFinding.Kind.UNUSED_INDEX || f.kind() == HealthFinding.Kind.DUPLICATE_INDEXES))
                out.println("  (dbtool optimize --changeset --drop-unused writes their drops; nothing is dropped without that flag)");
        }
        for (String note : r.notes()) out.println("note: " + note);
    }

    static String json(AdvisorResult r, Schema schema) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("whatIf", r.mode().name().toLowerCase(Locale.ROOT)).put("costs", r.costLabel()).put("elapsedMs", r.elapsedMs()).put("candidates", r.candidates());
        ArrayNode recs = root.putArray("recommendations");
        for (Recommendation rec : r.recommendations()) {
            ObjectNode o = recs.addObject();
            o.put("name", rec.index().name()).put("table", rec.index().table()).put("sql", rec.index().createSql(true)).put("where", rec.index().where());
            ArrayNode keys = o.putArray("columns");
            rec.index().keys().forEach(k -> keys.addObject().put("column", k.column()).put("descending", k.descending()));
            ArrayNode include = o.putArray("include");
            rec.index().include().forEach(include::add);
            o.put("savedMs", round(rec.savedMs())).put("writePenaltyMs", round(rec.writePenaltyMs())).put("sizeBytes", rec.sizeBytes());
            if (schema != null) SchemaIndexLines.of(schema, rec.index()).ifPresent(l -> o.put("schemaModel", l.model()).put("schemaLine", l.text()));
            ArrayNode helps = o.putArray("helps");
            for (Recommendation.Help h : rec.helps()) {
                helps.addObject().put("statement", h.statement() + 1).put("costBefore", round(h.costBefore())).put("costAfter", round(h.costAfter()))
                        .put("savedMs", round(h.savedMs()));
            }
        }
        ArrayNode statements = root.putArray("statements");
        for (int i = 0; i < r.workload().size(); i++) {
            WorkloadStatement s = r.workload().get(i);
            ObjectNode o = statements.addObject();
            o.put("number", i + 1).put("queryId", s.queryId()).put("query", s.sql()).put("calls", s.calls()).put("totalMs", round(s.totalTimeMs()))
                    .put("meanMs", round(s.meanTimeMs())).put("rows", s.rows());
            if (!Double.isNaN(r.costBefore()[i])) o.put("costBefore", round(r.costBefore()[i]));
            if (r.costAfter().containsKey(i)) o.put("costAfter", round(r.costAfter().get(i)));
            if (!r.analyzed().get(i).usable()) o.put("skipped", r.analyzed().get(i).problem());
        }
        ArrayNode health = root.putArray("existingIndexes");
        for (HealthFinding f : r.health().stream().sorted(Comparator.comparing(HealthFinding::kind)).toList()) {
            health.addObject().put("kind", f.kind().name().toLowerCase(Locale.ROOT)).put("table", f.table()).put("name", f.name()).put("detail", f.detail())
                    .put("sizeBytes", f.sizeBytes());
        }
        ArrayNode notes = root.putArray("notes");
        r.notes().forEach(notes::add);
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double round(double v) { return Math.round(v * 100) / 100.0; }

    static String ms(double v) { return v >= 1000 ? String.format(Locale.ROOT, "%.1f s", v / 1000) : String.format(Locale.ROOT, "%.1f ms", v); }

    static String bytes(long b) {
        if (b >= 1 << 30) return String.format(Locale.ROOT, "%.1f GB", b / (double) (1 << 30));
        if (b >= 1 << 20) return String.format(Locale.ROOT, "%.1f MB", b / (double) (1 << 20));
        return String.format(Locale.ROOT, "%.0f kB", b / 1024.0);
    }

    private static String shorten(String sql, int max) {
        String s = sql.replaceAll("\\s+", " ").trim();
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

}

package dev.dbtool.database.advisor;

import io.github.mfvanek.pg.connection.PgConnection;
import io.github.mfvanek.pg.connection.PgConnectionImpl;
import io.github.mfvanek.pg.core.checks.host.DuplicatedIndexesCheckOnHost;
import io.github.mfvanek.pg.core.checks.host.ForeignKeysNotCoveredWithIndexCheckOnHost;
import io.github.mfvanek.pg.core.checks.host.IndexesWithBloatCheckOnHost;
import io.github.mfvanek.pg.core.checks.host.IntersectedIndexesCheckOnHost;
import io.github.mfvanek.pg.core.checks.host.InvalidIndexesCheckOnHost;
import io.github.mfvanek.pg.core.checks.host.UnusedIndexesCheckOnHost;
import io.github.mfvanek.pg.model.constraint.ForeignKey;
import io.github.mfvanek.pg.model.context.PgContext;
import io.github.mfvanek.pg.model.index.DuplicatedIndexes;
import io.github.mfvanek.pg.model.index.Index;
import io.github.mfvanek.pg.model.index.IndexWithBloat;
import io.github.mfvanek.pg.model.index.UnusedIndex;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;

/**
 * Checks of the indexes a database already has, by io.github.mfvanek:pg-index-health: unused (no scans since the
 * statistics reset and not backing a constraint), duplicate, overlapping, foreign keys without an index, invalid, bloated.
 */
public final class IndexHealth {
    private IndexHealth() {}

    public static List<HealthFinding> check(DataSource dataSource, String jdbcUrl, Collection<String> schemas) {
        PgConnection connection = PgConnectionImpl.ofUrl(dataSource, jdbcUrl);
        List<HealthFinding> out = new ArrayList<>();
        for (String schema : schemas) {
            PgContext ctx = PgContext.of(schema);
            for (UnusedIndex u : new UnusedIndexesCheckOnHost(connection).check(ctx, x -> true))
                out.add(new HealthFinding(HealthFinding.Kind.UNUSED_INDEX, u.getTableName(), u.getIndexName(), u.getIndexScans() + " scans since the statistics reset",
                        u.getIndexSizeInBytes()));
            for (DuplicatedIndexes d : new DuplicatedIndexesCheckOnHost(connection).check(ctx, x -> true))
                out.add(new HealthFinding(HealthFinding.Kind.DUPLICATE_INDEXES, d.getTableName(), String.join(", ", d.getIndexNames()), "same columns, same definition",
                        d.getTotalSize()));
            for (DuplicatedIndexes d : new IntersectedIndexesCheckOnHost(connection).check(ctx, x -> true))
                out.add(new HealthFinding(HealthFinding.Kind.OVERLAPPING_INDEXES, d.getTableName(), String.join(", ", d.getIndexNames()),
                        "one's columns start the other's", d.getTotalSize()));
            for (ForeignKey f : new ForeignKeysNotCoveredWithIndexCheckOnHost(connection).check(ctx, x -> true))
                out.add(new HealthFinding(HealthFinding.Kind.FOREIGN_KEY_WITHOUT_INDEX, f.getTableName(), f.getConstraintName(),
                        "columns " + String.join(", ", f.getColumns().stream().map(c -> c.getColumnName()).toList()), 0));
            for (Index i : new InvalidIndexesCheckOnHost(connection).check(ctx, x -> true))
                out.add(new HealthFinding(HealthFinding.Kind.INVALID_INDEX, i.getTableName(), i.getIndexName(), "INVALID (a failed CREATE INDEX CONCURRENTLY?)",
                        i.getIndexSizeInBytes()));
            for (IndexWithBloat b : new IndexesWithBloatCheckOnHost(connection).check(ctx, x -> true))
                out.add(new HealthFinding(HealthFinding.Kind.BLOATED_INDEX, b.getTableName(), b.getIndexName(),
                        String.format(java.util.Locale.ROOT, "%.0f%% bloat", b.getBloatPercentage()), b.getBloatSizeInBytes()));
        }
        return out;
    }
}

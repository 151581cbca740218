package dev.dbtool.generators.liquibase;

import dev.dbtool.generators.seed.SeedLink;
import dev.dbtool.generators.seed.SeedPlan;
import dev.dbtool.generators.seed.SeedTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import liquibase.ContextExpression;
import liquibase.change.core.LoadDataChange;
import liquibase.change.core.LoadDataColumnConfig;
import liquibase.database.ObjectQuotingStrategy;
import liquibase.change.core.RawSQLChange;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.serializer.ChangeLogSerializer;
import liquibase.serializer.core.xml.XMLChangeLogSerializer;
import liquibase.serializer.core.yaml.YamlChangeLogSerializer;

/**
 * A seed plan as one Liquibase changeset with context {@code seed} (so production, which runs without that
 * context, never loads it): a {@code loadData} per table reading the CSV beside it, then the keys linked after the
 * load (a {@code loadData} into a staging table, one UPDATE per key) and the sequence positions. Written in YAML, or XML for XML projects (formatted SQL cannot load CSV files).
 */
public final class SeedChangeSetWriter {
    public static final String CONTEXT = "seed";

    private SeedChangeSetWriter() {}

    /** {@code csvFolder} is relative to the changeset file; CSVs are named {@code <table>.csv}. */
    public static String write(SeedPlan plan, String id, String author, ChangelogFormat format, String path, String csvFolder) {
        DatabaseChangeLog log = new DatabaseChangeLog(path);
        // "createdAt", "A": names are case-sensitive, so every object name is quoted.
        ChangeSet cs = new ChangeSet(id, author, false, false, path, CONTEXT, null, ObjectQuotingStrategy.QUOTE_ALL_OBJECTS, log);
        cs.setContextFilter(new ContextExpression(CONTEXT));
        cs.setComments("seed data for " + plan.tables().size() + " tables (dbtool seed --changeset)");
        for (SeedTable t : plan.tables()) {
            if (t.columns().isEmpty()) continue;
            String[] parts = t.qualifiedName().split("\"\\.\"");
            cs.addChange(loadData(parts.length == 2 ? parts[0].substring(1) : null, t.displayName(), csvFolder + "/" + t.displayName() + ".csv", t.columns()));
        }
        int index = 0;
        for (SeedTable t : plan.tables()) {
            for (SeedLink link : t.links()) {
                String staging = SeedLink.stagingName(index++);
                cs.addChange(sql(link.createStaging(staging)));
                // Liquibase qualifies a bare name with the default schema; pg_temp names the session's temporary one
                cs.addChange(loadData("pg_temp", staging, csvFolder + "/" + link.csvName(), link.columns()));
                cs.addChange(sql(link.update(staging)));
            }
        }
        for (SeedTable t : plan.tables()) for (String after : t.afterSql()) cs.addChange(sql(after));
        // Rolling back empties the seeded tables (children first): loadData has no inverse of its own.
        List<String> undo = new ArrayList<>();
        for (String table : plan.truncateOrder()) undo.add("DELETE FROM " + table);
        if (!undo.isEmpty()) {
            RawSQLChange rollback = new RawSQLChange(String.join(";\n", undo));
            rollback.setSplitStatements(true);
            cs.addRollbackChange(rollback);
        }
        ChangeLogSerializer serializer = format == ChangelogFormat.XML ? new XMLChangeLogSerializer() : new YamlChangeLogSerializer();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            serializer.write(List.of(cs), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8).stripTrailing() + "\n";
    }

    private static LoadDataChange loadData(String schema, String table, String file, List<String> columns) {
        LoadDataChange load = new LoadDataChange();
        if (schema != null) load.setSchemaName(schema);
        load.setTableName(table);
        load.setFile(file);
        load.setRelativeToChangelogFile(true);
        load.setEncoding("UTF-8");
        load.setSeparator(",");
        load.setQuotchar("\"");
        load.setUsePreparedStatements(true);
        // Every value is bound as text and typed by PostgreSQL from the column (the migrator connects with
        // stringtype=unspecified): Liquibase's own guessing misreads timestamps, enums, arrays and JSON.
        for (String column : columns) {
            LoadDataColumnConfig col = new LoadDataColumnConfig();
            col.setName(column);
            col.setHeader(column);
            col.setType("STRING");
            load.addColumn(col);
        }
        return load;
    }

    private static RawSQLChange sql(String sql) {
        RawSQLChange c = new RawSQLChange(sql);
        c.setSplitStatements(false);
        return c;
    }
}

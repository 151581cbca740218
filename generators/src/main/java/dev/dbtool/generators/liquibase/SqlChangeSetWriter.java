package dev.dbtool.generators.liquibase;

import dev.dbtool.core.physical.SqlNames;
import dev.dbtool.generators.advisor.IndexCandidate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import liquibase.change.core.RawSQLChange;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.serializer.core.formattedsql.FormattedSqlChangeLogSerializer;
import liquibase.serializer.core.xml.XMLChangeLogSerializer;
import liquibase.serializer.core.yaml.YamlChangeLogSerializer;

/**
 * Hand-written SQL as Liquibase changesets, one statement each with its rollback: the job queues' tables
 * ({@link #writeSteps}) and index changes from {@code dbtool optimize}: one per index, {@code CREATE INDEX CONCURRENTLY}
 * with {@code runInTransaction: false} (CONCURRENTLY cannot run in a transaction, and one statement per changeset
 * means a failed build is retried alone), rolled back by {@code DROP INDEX CONCURRENTLY}. Drops are the same in reverse
 * and are only written when asked for.
 */
public final class SqlChangeSetWriter {
    /** An index to drop, with the statement that recreates it (its rollback). */
    public record Drop(String qualifiedName, String createSql) {}

    private SqlChangeSetWriter() {}

    public static String write(List<IndexCandidate> creates, List<Drop> drops, String id, String author, ChangelogFormat format, String path) {
        DatabaseChangeLog log = new DatabaseChangeLog(path);
        List<ChangeSet> sets = new ArrayList<>();
        List<String> rollbacks = new ArrayList<>();
        int n = 0;
        for (IndexCandidate c : creates) {
            String drop = "DROP INDEX CONCURRENTLY IF EXISTS " + qualified(c.schema(), c.name());
            sets.add(changeSet(id + "-" + (++n), author, path, log, c.createSql(true), drop, "index advised by dbtool optimize: " + c.display(), false));
            rollbacks.add(drop);
        }
        for (Drop d : drops) {
            String create = d.createSql().replaceFirst("(?i)^CREATE (UNIQUE )?INDEX ", "CREATE $1INDEX CONCURRENTLY ");
            sets.add(changeSet(id + "-" + (++n), author, path, log, "DROP INDEX CONCURRENTLY " + d.qualifiedName(), create, "drop of an index dbtool optimize found useless", false));
            rollbacks.add(create);
        }
        return switch (format) {
            case YAML -> serialize(new YamlChangeLogSerializer(), sets);
            case XML -> serialize(new XMLChangeLogSerializer(), sets);
            case SQL -> formattedSql(sets, rollbacks);
        };
    }

    /**
     * Plain steps (SQL and its rollback), one changeset each, in a transaction: {@code id-1}, {@code id-2}…
     */
    public static String writeSteps(List<String[]> steps, String id, String author, ChangelogFormat format, String path, String comment) {
        DatabaseChangeLog log = new DatabaseChangeLog(path);
        List<ChangeSet> sets = new ArrayList<>();
        List<String> rollbacks = new ArrayList<>();
        int n = 0;
        for (String[] step : steps) {
            sets.add(changeSet(id + "-" + (++n), author, path, log, step[0], step[1], comment, true));
            rollbacks.add(step[1]);
        }
        return switch (format) {
            case YAML -> serialize(new YamlChangeLogSerializer(), sets);
            case XML -> serialize(new XMLChangeLogSerializer(), sets);
            case SQL -> formattedSql(sets, rollbacks);
        };
    }

    private static String qualified(String schema, String name) {
        return schema.equals("public") ? SqlNames.quote(name) : SqlNames.quote(schema) + "." + SqlNames.quote(name);
    }

    private static ChangeSet changeSet(String id, String author, String path, DatabaseChangeLog log, String sql, String rollback, String comment, boolean inTransaction) {
        ChangeSet cs = new ChangeSet(id, author, false, false, path, null, null, inTransaction, log);
        cs.setComments(comment);
        RawSQLChange change = new RawSQLChange(sql);
        change.setSplitStatements(false);
        change.setStripComments(false);
        cs.addChange(change);
        RawSQLChange undo = new RawSQLChange(rollback);
        undo.setSplitStatements(false);
        undo.setStripComments(false);
        cs.addRollbackChange(undo);
        return cs;
    }

    private static String serialize(liquibase.serializer.ChangeLogSerializer serializer, List<ChangeSet> sets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            serializer.write(sets, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8).stripTrailing() + "\n";
    }

    private static String formattedSql(List<ChangeSet> sets, List<String> rollbacks) {
        StringBuilder out = new StringBuilder("-- liquibase formatted sql\n");
        for (int i = 0; i < sets.size(); i++) {
            ChangeSet cs = sets.get(i);
            out.append('\n').append(new FormattedSqlChangeLogSerializer().serialize(cs, true).stripTrailing()).append('\n');
            out.append("--comment: ").append(cs.getComments()).append('\n');
            out.append("--rollback ").append(rollbacks.get(i)).append(";\n");
        }
        return out.toString();
    }
}

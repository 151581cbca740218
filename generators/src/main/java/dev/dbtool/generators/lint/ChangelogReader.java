package dev.dbtool.generators.lint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import liquibase.change.Change;
import liquibase.change.core.CreateTableChange;
import liquibase.change.core.RawSQLChange;
import liquibase.change.core.SQLFileChange;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.core.PostgresDatabase;
import liquibase.exception.LiquibaseException;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.sql.Sql;
import liquibase.sqlgenerator.SqlGeneratorFactory;
import liquibase.statement.SqlStatement;

/**
 * Reads a Liquibase changelog (any format, includes followed) with Liquibase's own parser, offline, into the
 * statements the migration rules check: {@code sql}/{@code sqlFile} changes as written, typed changes
 * ({@code createIndex}, {@code addColumn}, …) as the SQL Liquibase generates for PostgreSQL.
 */
public final class ChangelogReader {
    public record Result(List<Statement> statements, List<ChangeSetInfo> changeSets) {}

    static {
        System.setProperty("liquibase.analytics.enabled", "false");
        java.util.logging.Logger.getLogger("liquibase").setLevel(java.util.logging.Level.OFF);
    }

    private ChangelogReader() {}

    public static Result read(Path master) throws IOException {
        Path dir = master.toAbsolutePath().getParent();
        PostgresDatabase db = new PostgresDatabase();
        DatabaseChangeLog log;
        try {
            DirectoryResourceAccessor accessor = new DirectoryResourceAccessor(dir);
            log = ChangeLogParserFactory.getInstance().getParser(master.getFileName().toString(), accessor)
                    .parse(master.getFileName().toString(), new ChangeLogParameters(db), accessor);
        } catch (LiquibaseException e) {
            throw new IOException("cannot read the changelog " + master + ": " + e.getMessage(), e);
        }
        List<Statement> statements = new ArrayList<>();
        List<ChangeSetInfo> infos = new ArrayList<>();
        for (ChangeSet cs : log.getChangeSets()) {
            String file = dir.resolve(cs.getFilePath()).normalize().toString();
            Set<String> created = new LinkedHashSet<>();
            List<String> sqls = new ArrayList<>();
            boolean autoRollback = true;
            for (Change c : cs.getChanges()) {
                if (c instanceof CreateTableChange ct) created.add(ct.getTableName());
                if (c instanceof RawSQLChange || c instanceof SQLFileChange) autoRollback = false;
                else if (!c.supportsRollback(db)) autoRollback = false;
                sqls.addAll(sqlOf(c, db));
            }
            for (String sql : sqls) {
                List<String> t = SqlTokens.tokens(sql);
                if (t.size() >= 3 && t.get(0).equals("CREATE") && t.get(1).equals("TABLE")) created.add(SqlTokens.objectName(t, 2));
            }
            boolean hasRollback = !cs.getRollback().getChanges().isEmpty() || autoRollback && !cs.getChanges().isEmpty();
            ChangeSetInfo info = new ChangeSetInfo(cs.getId(), file, lineOf(file, cs.getId()), hasRollback, cs.getComments() == null ? "" : cs.getComments(),
                    Set.copyOf(created));
            infos.add(info);
            for (String sql : sqls) statements.add(new Statement(sql, SqlTokens.tokens(sql), info));
        }
        return new Result(List.copyOf(statements), List.copyOf(infos));
    }

    private static List<String> sqlOf(Change c, PostgresDatabase db) {
        List<String> out = new ArrayList<>();
        if (c instanceof RawSQLChange r) {
            out.addAll(SqlTokens.statements(r.getSql()));
            return out;
        }
        if (c instanceof SQLFileChange f && f.getSql() != null) {
            out.addAll(SqlTokens.statements(f.getSql()));
            return out;
        }
        try {
            for (SqlStatement st : c.generateStatements(db)) {
                for (Sql sql : SqlGeneratorFactory.getInstance().generateSql(st, db)) out.add(sql.toSql());
            }
        } catch (RuntimeException e) {
            // a change that needs a live database to render (loadData, …): nothing to check statically
        }
        return out;
    }

    private static int lineOf(String file, String id) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(id)) return i + 1;
        } catch (IOException | RuntimeException e) {
            return 1;
        }
        return 1;
    }
}

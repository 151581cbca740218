package dev.dbtool.database.migrate;

import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.Map;
import liquibase.Contexts;
import liquibase.Scope;
import liquibase.ui.LoggerUIService;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.DirectoryResourceAccessor;

/**
 * Applies, previews and rolls back a changelog with Liquibase against one database. Each changeset runs in its own
 * transaction, so a failing one leaves the database as it was; Liquibase's lock table keeps two runs from
 * interleaving.
 */
public final class Migrator {
    static {
        // Liquibase 4.30+ can send usage analytics; dbtool never does. Its INFO logging is noise on a CLI.
        System.setProperty("liquibase.analytics.enabled", "false");
        System.setProperty("liquibase.showBanner", "false");
        System.setProperty("liquibase.command.showSummary", "OFF");
        System.setProperty("liquibase.command.showSummaryOutput", "LOG");
        Logger.getLogger("liquibase").setLevel(Level.OFF); // failures reach dbtool as exceptions and are reported once
    }

    /** "dbtool" in ASCII: the key of the advisory lock all dbtool migration runs share. */
    private static final long ADVISORY_LOCK = 0x6462746f6f6cL;

    private final String jdbcUrl;
    private final Path changelogDirectory;
    private final String masterFile;

    /** {@code master} is the master changelog; files it includes are resolved in its folder. */
    public Migrator(String jdbcUrl, Path master) {
        this.jdbcUrl = jdbcUrl;
        this.changelogDirectory = master.toAbsolutePath().getParent();
        this.masterFile = master.getFileName().toString();
    }

    public void update(String contexts) throws MigrationException {
        run(lb -> { lb.update(new Contexts(contexts), new LabelExpression()); return null; });
    }

    /** The SQL an update would run, without running it. */
    public String updateSql(String contexts) throws MigrationException {
        return run(lb -> {
            StringWriter out = new StringWriter();
            lb.update(new Contexts(contexts), new LabelExpression(), out);
            return out.toString();
        });
    }

    /** Ids of the changesets not yet applied, in the order they would run. */
    public List<String> pending(String contexts) throws MigrationException {
        return run(lb -> lb.listUnrunChangeSets(new Contexts(contexts), new LabelExpression()).stream()
                .map(ChangeSet::getId).toList());
    }

    public void rollback(int count, String contexts) throws MigrationException {
        run(lb -> { lb.rollback(count, contexts); return null; });
    }

    private interface Work<T> {
        T run(Liquibase lb) throws LiquibaseException;
    }

    private <T> T run(Work<T> work) throws MigrationException {
        java.util.Properties props = new java.util.Properties();
        // loadData binds CSV text; letting PostgreSQL type it fits enum, json, array and timestamp columns alike.
        props.setProperty("stringtype", "unspecified");
        try (Connection c = DriverManager.getConnection(jdbcUrl, props)) {
            // Liquibase creates its bookkeeping tables before it takes its own lock, so two first runs on a new
            // database race; a session advisory lock makes every dbtool run on this database take turns.
            try (var st = c.createStatement()) {
                st.execute("SELECT pg_advisory_lock(" + ADVISORY_LOCK + ")");
            }
            Database db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
            // Liquibase's console UI would print banners and summaries on stdout; route it to the (quiet) logger.
            return Scope.child(Map.of(Scope.Attr.ui.name(), new LoggerUIService()), () -> {
                try (Liquibase lb = new Liquibase(masterFile, new DirectoryResourceAccessor(changelogDirectory), db)) {
                    return work.run(lb);
                }
            });
        } catch (SQLException e) {
            throw new MigrationException("cannot connect to the database: " + e.getMessage(), e, true);
        } catch (LiquibaseException e) {
            throw new MigrationException(MigrationException.describe(e), e, false);
        } catch (Exception e) {
            throw new MigrationException(e.getMessage(), e, false);
        }
    }
}

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
 * Applies, previews, records and rolls back a changelog with Liquibase against one database. Each changeset runs in
 * its own transaction, so a failing one leaves the database as it was. Runs take turns on {@link MigrationLock}, which
 * also serves as Liquibase's changelog lock ({@link HeldLockService}): it ends with the run's connection, so a killed run
 * never wedges the next; Liquibase's lock table is not used. What is pending is read under the lock, so each run
 * reports exactly what it applied.
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

    /** Who holds the migration lock, for the message of a run that waits for it. */
    public record Holder(int pid, String application, String client, String since) {
        @Override
        public String toString() {
            return "pid " + pid + (application == null || application.isBlank() ? "" : " (" + application + ")") + (client == null ? "" : " from " + client)
                    + (since == null ? "" : ", connected since " + since);
        }
    }

    private final String jdbcUrl;
    private final Path changelogDirectory;
    private final String masterFile;
    private java.time.Duration lockTimeout = java.time.Duration.ofMinutes(5);
    private java.util.function.Consumer<String> notices = s -> { };
    private Progress progress = Progress.NONE;

    /** Told how many changesets an update will run, then each one as it starts. */
    public interface Progress {
        Progress NONE = new Progress() { };

        default void start(int total) { }

        default void changeSet(String id) { }
    }

    /** {@code master} is the master changelog; files it includes are resolved in its folder. */
    public Migrator(String jdbcUrl, Path master) {
        this.jdbcUrl = jdbcUrl;
        this.changelogDirectory = master.toAbsolutePath().getParent();
        this.masterFile = master.getFileName().toString();
    }

    /** How long a run waits for another run's lock before it gives up (default 5 minutes). */
    public Migrator lockTimeout(java.time.Duration timeout) {
        this.lockTimeout = timeout;
        return this;
    }

    /** Where "waiting for …" notices go while another run holds the lock. */
    public Migrator notices(java.util.function.Consumer<String> sink) {
        this.notices = sink;
        return this;
    }

    /** Where an update reports its progress (nothing by default). */
    public Migrator progress(Progress sink) {
        this.progress = sink;
        return this;
    }

    /** Applies what is pending; returns the ids it applied (read under the lock: another run's work is not ours). */
    public List<String> update(String contexts) throws MigrationException {
        return run(lb -> {
            List<String> pending = ids(lb.listUnrunChangeSets(new Contexts(contexts), new LabelExpression()));
            progress.start(pending.size());
            lb.setChangeExecListener(new liquibase.changelog.visitor.AbstractChangeExecListener() {
                @Override
                public void willRun(ChangeSet changeSet, liquibase.changelog.DatabaseChangeLog log, Database database, ChangeSet.RunStatus status) {
                    progress.changeSet(changeSet.getId());
                }
            });
            try {
                lb.update(new Contexts(contexts), new LabelExpression());
            } catch (LiquibaseException e) {
                List<String> left = ids(lb.listUnrunChangeSets(new Contexts(contexts), new LabelExpression()));
                throw new PartialUpdate(pending.stream().filter(id -> !left.contains(id)).toList(), e);
            }
            return pending;
        });
    }

    /**
     * Records changesets as applied without running them (Liquibase's changelog-sync, Prisma's {@code migrate resolve
     * --applied}): every pending one, or those up to and including {@code through}. Returns the ids recorded.
     */
    public List<String> baseline(String contexts, String through) throws MigrationException {
        return run(lb -> {
            List<String> pending = ids(lb.listUnrunChangeSets(new Contexts(contexts), new LabelExpression()));
            if (through != null && !pending.contains(through)) {
                throw new LiquibaseException("no pending changeset " + through + (pending.isEmpty() ? " (none is pending)" : "; pending: " + String.join(", ", pending)));
            }
            List<String> chosen = through == null ? pending : pending.subList(0, pending.indexOf(through) + 1);
            for (int i = 0; i < chosen.size(); i++) lb.markNextChangeSetRan(new Contexts(contexts), new LabelExpression());
            return chosen;
        });
    }

    /** An update that failed after applying {@code applied} (each changeset commits on its own). */
    private static final class PartialUpdate extends LiquibaseException {
        private static final long serialVersionUID = 1L;
        final List<String> applied;

        PartialUpdate(List<String> applied, LiquibaseException cause) {
            super(cause.getMessage(), cause);
            this.applied = List.copyOf(applied);
        }
    }

    private static List<String> ids(List<ChangeSet> changeSets) { return changeSets.stream().map(ChangeSet::getId).toList(); }

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
        return run(lb -> ids(lb.listUnrunChangeSets(new Contexts(contexts), new LabelExpression())));
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
        // Liquibase creates its bookkeeping tables before it asks for its own lock, so the lock comes first.
        try (MigrationLock lock = MigrationLock.take(jdbcUrl, props, lockTimeout, notices); Connection c = DriverManager.getConnection(jdbcUrl, props)) {
            lock.working(c);
            Database db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
            // Liquibase's console UI would print banners and summaries on stdout; route it to the (quiet) logger.
            T result = Scope.child(Map.of(Scope.Attr.ui.name(), new LoggerUIService()), () -> {
                try (Liquibase lb = new Liquibase(masterFile, new DirectoryResourceAccessor(changelogDirectory), db)) {
                    return work.run(lb);
                }
            });
            if (!lock.alive()) notices.accept("warning: the migration lock's connection was lost during this run, so another run may have overlapped it");
            return result;
        } catch (MigrationException e) {
            throw e;
        } catch (SQLException e) {
            throw new MigrationException("cannot connect to the database: " + e.getMessage(), e, true);
        } catch (PartialUpdate e) {
            throw new MigrationException(MigrationException.describe(e.getCause()), e.getCause(), false, e.applied);
        } catch (LiquibaseException e) {
            throw new MigrationException(MigrationException.describe(e), e, false);
        } catch (Exception e) {
            throw new MigrationException(e.getMessage(), e, false);
        }
    }

    /**
     * What {@code dbtool migrate unlock} does: clears Liquibase's own lock row (left by older dbtool versions or other
     * Liquibase tools) and reports the session holding dbtool's lock; with {@code terminate}, ends that session.
     */
    public Unlock unlock(boolean terminate) throws MigrationException {
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            int cleared = 0;
            try (var st = c.createStatement()) {
                try (var rs = st.executeQuery("SELECT to_regclass('databasechangeloglock') IS NOT NULL")) {
                    rs.next();
                    if (rs.getBoolean(1)) cleared = st.executeUpdate("UPDATE databasechangeloglock SET locked = FALSE, lockgranted = NULL, lockedby = NULL WHERE locked");
                }
            }
            Holder holder = MigrationLock.holder(c);
            boolean ended = false;
            if (holder != null && terminate) {
                // the working session first, so its changeset rolls back before the lock frees
                int working = MigrationLock.workingPid(holder);
                if (working > 0) terminate(c, working);
                ended = terminate(c, holder.pid());
            }
            return new Unlock(cleared, holder, ended);
        } catch (SQLException e) {
            throw new MigrationException("cannot connect to the database: " + e.getMessage(), e, true);
        }
    }

    private static boolean terminate(Connection c, int pid) throws SQLException {
        try (var ps = c.prepareStatement("SELECT pg_terminate_backend(?)")) {
            ps.setInt(1, pid);
            try (var rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** The outcome of {@link #unlock}: Liquibase lock rows cleared, the holder of dbtool's lock (or null), whether it was ended. */
    public record Unlock(int clearedRows, Holder holder, boolean terminated) {}
}

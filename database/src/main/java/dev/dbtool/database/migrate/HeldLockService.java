package dev.dbtool.database.migrate;

import liquibase.database.Database;
import liquibase.database.core.PostgresDatabase;
import liquibase.exception.LockException;
import liquibase.lockservice.DatabaseChangeLogLock;
import liquibase.lockservice.LockService;

/**
 * Liquibase's changelog lock, answered by the {@link MigrationLock} the calling {@link Migrator} already holds instead
 * of a row in {@code databasechangeloglock} (a row outlives a killed run and wedges every later one). Liquibase used on
 * PostgreSQL without that lock fails rather than run unguarded.
 */
public final class HeldLockService implements LockService {
    private boolean held;

    public HeldLockService() {}

    @Override public int getPriority() { return PRIORITY_DATABASE; }

    @Override public boolean supports(Database db) { return db instanceof PostgresDatabase; }

    @Override public void setDatabase(Database db) { }

    @Override public void setChangeLogLockWaitTime(long minutes) { }

    @Override public void setChangeLogLockRecheckTime(long seconds) { }

    @Override public boolean hasChangeLogLock() { return held; }

    @Override
    public void waitForLock() throws LockException {
        if (!acquireLock()) throw new LockException("Liquibase was called without dbtool's migration lock (use Migrator)");
    }

    @Override
    public boolean acquireLock() {
        held = MigrationLock.heldByThisThread();
        return held;
    }

    @Override public void releaseLock() { held = false; }

    @Override public DatabaseChangeLogLock[] listLocks() { return new DatabaseChangeLogLock[0]; }

    @Override public void forceReleaseLock() { held = false; }

    @Override public void reset() { held = false; }

    @Override public void init() { }

    @Override public void destroy() { }
}

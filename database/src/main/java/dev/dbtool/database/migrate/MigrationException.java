package dev.dbtool.database.migrate;

/** A migration that could not run; {@code connection} tells an unreachable database (exit 3) from a failing changeset. */
public final class MigrationException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean connection;
    private final java.util.List<String> applied;

    public MigrationException(String message, Throwable cause, boolean connection) {
        this(message, cause, connection, java.util.List.of());
    }

    /** {@code applied}: the changesets a failed update applied (and committed) before the one that failed. */
    public MigrationException(String message, Throwable cause, boolean connection, java.util.List<String> applied) {
        super(message, cause);
        this.connection = connection;
        this.applied = java.util.List.copyOf(applied);
    }

    public java.util.List<String> applied() { return applied; }

    public boolean isConnectionProblem() { return connection; }

    /** Liquibase wraps the SQL error several levels deep; the innermost message names the changeset and the cause. */
    static String describe(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && !m.isBlank() && b.indexOf(m.strip()) < 0) {
                if (b.length() > 0) b.append(": ");
                b.append(m.strip());
            }
            if (t.getCause() == t) break;
        }
        return b.toString();
    }
}

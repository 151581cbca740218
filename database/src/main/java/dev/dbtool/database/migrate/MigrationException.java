package dev.dbtool.database.migrate;

/** A migration that could not run; {@code connection} tells an unreachable database (exit 3) from a failing changeset. */
public final class MigrationException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean connection;

    public MigrationException(String message, Throwable cause, boolean connection) {
        super(message, cause);
        this.connection = connection;
    }

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

package dev.dbtool.database.advisor;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Session settings for every connection the advisor opens: a statement timeout, and read-only unless it must build. */
final class Sessions {
    static final String TIMEOUT = "30s";

    private Sessions() {}

    static void prepare(Connection c, boolean readOnly) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET statement_timeout = '" + TIMEOUT + "'");
            st.execute("SET lock_timeout = '2s'");
            st.execute("SET application_name = 'dbtool optimize'");
            if (readOnly) st.execute("SET default_transaction_read_only = on");
        }
    }
}

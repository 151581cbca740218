package dev.dbtool.database.advisor;

import dev.dbtool.generators.advisor.WorkloadStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The workload: {@code pg_stat_statements} rows of the current database, most total time first. */
public final class WorkloadReader {
    static final String ENABLE = "enable it: add shared_preload_libraries = 'pg_stat_statements' to postgresql.conf, restart PostgreSQL, "
            + "then run CREATE EXTENSION pg_stat_statements; in this database (and let the application run for a while)";

    private WorkloadReader() {}

    public static List<WorkloadStatement> read(Connection c, long minCalls, int limit) throws AdvisorException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements'"); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) throw new AdvisorException("pg_stat_statements is not installed in this database; " + ENABLE, null);
        } catch (SQLException e) {
            throw new AdvisorException("cannot read the extensions of this database: " + e.getMessage(), e);
        }
        String sql = "SELECT s.queryid::text, s.query, s.calls, s.total_exec_time, s.mean_exec_time, s.total_plan_time, s.rows, s.shared_blks_hit, "
                + "s.shared_blks_read FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid "
                + "WHERE d.datname = current_database() AND s.calls >= ? AND s.query !~* '^\\s*(explain|prepare|deallocate|set|show|begin|commit|rollback|create|drop|alter|analyze|vacuum|copy)\\M' "
                + "ORDER BY s.total_exec_time DESC LIMIT ?";
        List<WorkloadStatement> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, minCalls);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new WorkloadStatement(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getDouble(4), rs.getDouble(5), rs.getDouble(6), rs.getLong(7),
                            rs.getLong(8), rs.getLong(9)));
                }
            }
        } catch (SQLException e) {
            if (String.valueOf(e.getMessage()).contains("shared_preload_libraries"))
                throw new AdvisorException("pg_stat_statements is installed but not loaded; " + ENABLE, e);
            throw new AdvisorException("cannot read pg_stat_statements: " + e.getMessage(), e);
        }
        return out;
    }
}

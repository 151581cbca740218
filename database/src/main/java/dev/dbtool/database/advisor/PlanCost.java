package dev.dbtool.database.advisor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The planner's total cost of a workload statement, planned as a generic plan (its {@code $n} parameters unknown, as
 * a prepared statement is planned after five runs): {@code EXPLAIN (GENERIC_PLAN)} on PostgreSQL 16+, {@code PREPARE}
 * with {@code plan_cache_mode = force_generic_plan} before. Only EXPLAIN: the statement itself never runs.
 */
final class PlanCost {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final int serverVersion;
    private int prepared;
    private String lastError;

    PlanCost(int serverVersion) { this.serverVersion = serverVersion; }

    /** The plan's total cost, or NaN when the statement cannot be planned here (it refers to something missing…). */
    double cost(Connection c, String sql) {
        try (Statement st = c.createStatement()) {
            String plan;
            if (serverVersion >= 160000) {
                try (ResultSet rs = st.executeQuery("EXPLAIN (GENERIC_PLAN, FORMAT JSON) " + sql)) {
                    rs.next();
                    plan = rs.getString(1);
                }
            } else {
                String name = "dbtool_advisor_" + (++prepared);
                st.execute("SET plan_cache_mode = force_generic_plan");
                st.execute("PREPARE " + name + " AS " + sql);
                int params;
                try (ResultSet rs = st.executeQuery("SELECT cardinality(parameter_types) FROM pg_prepared_statements WHERE name = '" + name + "'")) {
                    rs.next();
                    params = rs.getInt(1);
                }
                StringBuilder args = new StringBuilder();
                for (int i = 0; i < params; i++) args.append(i > 0 ? ", " : "").append("NULL");
                try (ResultSet rs = st.executeQuery("EXPLAIN (FORMAT JSON) EXECUTE " + name + (params > 0 ? "(" + args + ")" : ""))) {
                    rs.next();
                    plan = rs.getString(1);
                } finally {
                    st.execute("DEALLOCATE " + name);
                }
            }
            JsonNode root = JSON.readTree(plan);
            return root.path(0).path("Plan").path("Total Cost").asDouble(Double.NaN);
        } catch (SQLException | java.io.IOException e) {
            lastError = e.getMessage();
            return Double.NaN;
        }
    }

    /** Why the last statement that could not be planned could not. */
    String lastError() { return lastError; }
}

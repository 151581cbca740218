package dev.dbtool.examples;

import dev.dbtool.core.model.Schema;
import dev.dbtool.core.physical.PhysicalSchemaBuilder;
import dev.dbtool.core.physical.RequiredExtensions;
import dev.dbtool.examples.blog.BlogDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;

/** A fresh database built by Prisma's own DDL for a schema ({@code expected.sql} beside it), for the corpus tests. */
final class PrismaDatabases {
    private PrismaDatabases() {}

    /**
     * The new database's URL, with the extensions the schema needs and {@code expected.sql} applied. Aborts the test
     * (saying {@code what} was done without it) when this PostgreSQL server lacks an extension.
     */
    static String create(String prefix, Path schemaDir, Schema schema, String test, String what) throws SQLException, IOException {
        String url = BlogDatabase.empty(prefix);
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            for (String e : RequiredExtensions.of(PhysicalSchemaBuilder.build(schema))) {
                try {
                    st.execute("CREATE EXTENSION IF NOT EXISTS \"" + e.replace("\"", "\"\"") + "\"");
                } catch (SQLException missing) {
                    String name = schemaDir.getFileName().toString();
                    System.out.println(test + " " + name + ": " + what + "; this PostgreSQL server lacks the extension " + e);
                    Assumptions.abort(name + ": this server lacks the extension " + e);
                }
            }
            st.execute(Files.readString(schemaDir.resolve("expected.sql")));
        }
        return url;
    }
}

package dev.dbtool.generators.advisor;

import dev.dbtool.core.model.Model;
import dev.dbtool.core.model.ScalarField;
import dev.dbtool.core.model.Schema;
import dev.dbtool.core.physical.PhysicalSchemaBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code @@index} line that makes the schema describe an advised index, so the schema stays the source of truth
 * (and the next {@code dbtool schema} sees no drift): model and field names, {@code sort: Desc}, {@code where:}, and
 * {@code map:} when the name is not the conventional one.
 */
public final class SchemaIndexLines {
    /** Where the line goes and what it says; {@code note} when the DSL cannot express all of the index. */
    public record Line(String model, String text, String note) {}

    private SchemaIndexLines() {}

    public static Optional<Line> of(Schema schema, IndexCandidate c) {
        for (Model m : schema.models()) {
            String s = m.schema() == null ? PhysicalSchemaBuilder.DEFAULT_SCHEMA : m.schema();
            if (m.view() || !m.tableName().equals(c.tableName()) || !s.equals(c.schema())) continue;
            List<String> fields = new ArrayList<>();
            for (IndexKey k : c.keys()) {
                String f = field(m, k.column());
                if (f == null) return Optional.empty();
                fields.add(k.descending() ? f + "(sort: Desc)" : f);
            }
            StringBuilder line = new StringBuilder("@@index([").append(String.join(", ", fields)).append("]");
            if (c.where() != null) line.append(", where: \"").append(c.where().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            if (!c.conventionalName()) line.append(", map: \"").append(c.name()).append('"');
            line.append(')');
            String note = c.include().isEmpty() ? null : "the schema language has no INCLUDE: `dbtool diff` will report the INCLUDE columns as drift";
            return Optional.of(new Line(m.name(), line.toString(), note));
        }
        return Optional.empty();
    }

    private static String field(Model m, String column) {
        for (ScalarField f : m.scalarFields()) if (f.columnName().equals(column)) return f.name();
        return null;
    }
}

package dev.dbtool.core.edit;

import java.util.List;

/** The text of a new model block: an autoincrement id unless a field is named {@code id}, then the given fields. */
public final class ModelScaffold {
    private ModelScaffold() {}

    public static String block(String model, List<FieldSpec> fields) {
        StringBuilder b = new StringBuilder("model ").append(model).append(" {\n");
        if (fields.stream().noneMatch(f -> f.name().equals("id"))) b.append("  id Int @id @default(autoincrement())\n");
        for (FieldSpec f : fields) b.append("  ").append(f.line()).append('\n');
        return b.append("}\n").toString();
    }

    /** The file text with the block appended after one blank line. */
    public static String append(String fileText, String block) {
        String base = fileText.stripTrailing();
        return base.isEmpty() ? block : base + "\n\n" + block;
    }
}

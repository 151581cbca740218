package dev.dbtool.generators.java;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeSpec;
import dev.dbtool.generators.api.ApiField;
import dev.dbtool.generators.api.ApiType;
import javax.lang.model.element.Modifier;

/** A model's row as a Java record: every readable field (encrypted ones decrypted; hashes stay in the database). */
final class RecordWriter {
    private RecordWriter() {}

    static TypeSpec write(ApiType t, JavaNames names) {
        StringBuilder doc = new StringBuilder(Javadocs.of(t.documentation()));
        if (doc.length() == 0) doc.append("A row of ").append(t.table().replace("\"", "")).append(".\n");
        MethodSpec.Builder ctor = MethodSpec.constructorBuilder();
        for (ApiField f : t.recordFields()) {
            ctor.addParameter(ParameterSpec.builder(JavaTypes.of(f, names), JavaNames.identifier(f.name())).build());
            String fieldDoc = f.source().documentation();
            StringBuilder note = new StringBuilder();
            if (f.internal()) note.append(" Internal: never exposed through GraphQL.");
            if (f.encrypted()) note.append(" Decrypted; stored encrypted.");
            if ((fieldDoc != null && !fieldDoc.isBlank()) || note.length() > 0)
                doc.append("\n@param ").append(JavaNames.identifier(f.name())).append(' ')
                        .append(fieldDoc == null ? "" : Javadocs.of(fieldDoc).strip()).append(note).append('\n');
        }
        return TypeSpec.recordBuilder(names.model(t.name()).simpleName()).addModifiers(Modifier.PUBLIC).addJavadoc(doc.toString()).recordConstructor(ctor.build()).build();
    }
}

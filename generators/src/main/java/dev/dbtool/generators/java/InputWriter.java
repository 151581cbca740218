package dev.dbtool.generators.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.dbtool.generators.api.ApiField;
import dev.dbtool.generators.api.ApiType;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Write inputs: {@code XCreate} (null means "not given": the default or generated value applies) and {@code XUpdate}
 * (each field a {@code Value}: absent leaves the column alone, {@code Value.of(null)} sets NULL).
 */
final class InputWriter {
    private InputWriter() {}

    static TypeSpec create(ApiType t, JavaNames names) {
        MethodSpec.Builder ctor = MethodSpec.constructorBuilder();
        for (ApiField f : t.inputFields()) ctor.addParameter(ParameterSpec.builder(JavaTypes.of(f, names), JavaNames.identifier(f.name())).build());
        String doc = "The fields of a new " + t.name() + ". Null means not given: the default, generated or NULL value applies"
                + (t.inputFields().stream().anyMatch(ApiField::hashed) ? "; @hashed fields take plain text." : ".") + "\n";
        return TypeSpec.recordBuilder(t.name() + "Create").addModifiers(Modifier.PUBLIC).addJavadoc(doc).recordConstructor(ctor.build()).build();
    }

    static List<ApiField> updatable(ApiType t) { return t.inputFields().stream().filter(f -> !f.key()).toList(); }

    static TypeSpec update(ApiType t, JavaNames names) {
        ClassName self = names.update(t.name());
        ClassName value = names.runtime("Value");
        MethodSpec.Builder ctor = MethodSpec.constructorBuilder();
        List<ApiField> fields = updatable(t);
        List<String> absents = new ArrayList<>();
        for (ApiField f : fields) {
            ctor.addParameter(ParameterSpec.builder(ParameterizedTypeName.get(value, JavaTypes.of(f, names)), JavaNames.identifier(f.name())).build());
            absents.add("$T.absent()");
        }
        TypeSpec.Builder b = TypeSpec.recordBuilder(t.name() + "Update").addModifiers(Modifier.PUBLIC)
                .addJavadoc("Changes to a " + t.name() + ": absent fields stay as they are. Start from {@link #empty()} and chain the withers.\n")
                .recordConstructor(ctor.build());
        b.addMethod(MethodSpec.methodBuilder("empty").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(self)
                .addStatement("return new $T(" + String.join(", ", absents) + ")", args(self, value, fields.size())).build());
        for (int i = 0; i < fields.size(); i++) {
            ApiField f = fields.get(i);
            TypeName type = JavaTypes.of(f, names);
            List<String> parts = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            values.add(self);
            for (int j = 0; j < fields.size(); j++) {
                if (j == i) {
                    parts.add("$T.of(value)");
                    values.add(value);
                } else {
                    // `this.`: a field may itself be called `value`, the parameter's name
                    parts.add("this.$N");
                    values.add(JavaNames.identifier(fields.get(j).name()));
                }
            }
            b.addMethod(MethodSpec.methodBuilder("with" + Character.toUpperCase(f.name().charAt(0)) + f.name().substring(1))
                    .addModifiers(Modifier.PUBLIC).returns(self).addParameter(type, "value")
                    .addStatement(CodeBlock.of("return new $T(" + String.join(", ", parts) + ")", values.toArray())).build());
        }
        return b.build();
    }

    private static Object[] args(ClassName self, ClassName value, int n) {
        Object[] out = new Object[n + 1];
        out[0] = self;
        for (int i = 1; i <= n; i++) out[i] = value;
        return out;
    }
}

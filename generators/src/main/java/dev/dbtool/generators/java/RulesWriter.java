package dev.dbtool.generators.java;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.dbtool.generators.api.ApiSchema;
import dev.dbtool.generators.api.ApiType;
import javax.lang.model.element.Modifier;

/**
 * Row rules: which rows of each type a principal may see. {@code RulesBase} (generated) lets every row through; the
 * scaffold {@code Rules} (written once) overrides a type's method. The API applies the rule wherever rows of the type
 * leave it: root lists and lookups, relation fields and their DataLoader batches, nested lists, mutation results,
 * cached results; updates and deletes of rows the rule hides are NOT_FOUND.
 */
final class RulesWriter {
    private RulesWriter() {}

    static String method(ApiType t) { return JavaNames.identifier(dev.dbtool.generators.api.Plurals.lowerFirst(t.name())); }

    static TypeSpec base(ApiSchema api, JavaNames names) {
        TypeSpec.Builder b = TypeSpec.classBuilder("RulesBase").addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                .addJavadoc("Row rules per type, all rows by default. Override in {@link " + names.rules().canonicalName() + "}; a rule is a {@link Filter} over the"
                        + " type's fields (hidden ones too), applied on every path rows leave the API.\n")
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PROTECTED).build());
        for (ApiType t : api.types()) {
            b.addMethod(MethodSpec.methodBuilder(method(t)).addModifiers(Modifier.PUBLIC).returns(names.runtime("Filter"))
                    .addParameter(names.runtime("Principal"), "principal")
                    .addJavadoc("The " + t.name() + " rows {@code principal} may see (all of them unless overridden).\n")
                    .addStatement("return $T.ALL", names.runtime("Filter")).build());
        }
        return b.build();
    }

    static TypeSpec scaffold(ApiSchema api, JavaNames names) {
        String example = api.types().isEmpty() ? "" : "<pre>{@code\n@Override\npublic Filter " + method(api.types().get(0))
                + "(Principal principal) {\n    return principal.has(\"admin\") ? Filter.ALL : Filter.eq(\"ownerId\", principal.subject());\n}\n}</pre>\n";
        return TypeSpec.classBuilder(names.rules()).addModifiers(Modifier.PUBLIC).superclass(names.runtime("RulesBase"))
                .addJavadoc("Row rules: written once by dbtool and yours to edit. Override a type's method to hide rows from some principals, e.g.\n" + example)
                .build();
    }
}

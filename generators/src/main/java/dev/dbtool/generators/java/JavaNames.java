package dev.dbtool.generators.java;

import com.palantir.javapoet.ClassName;
import dev.dbtool.generators.api.ApiSchema;
import dev.dbtool.generators.api.ApiType;
import dev.dbtool.generators.api.OperationSpec;
import dev.dbtool.generators.api.Plurals;
import java.util.Set;

/** The class names the generated sources use, in one place so every writer agrees. */
record JavaNames(String generated, String scaffolds) {
    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class",
            "const", "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if",
            "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private", "protected", "public",
            "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void",
            "volatile", "while", "true", "false", "null", "record", "var", "yield", "sealed", "permits");

    static JavaNames of(ApiSchema api) { return new JavaNames(api.settings().generatedPackage(), api.settings().scaffoldPackage()); }

    ClassName runtime(String simple) { return ClassName.get(generated, simple); }

    ClassName model(String type) { return ClassName.get(generated, type); }

    ClassName create(String type) { return ClassName.get(generated, type + "Create"); }

    ClassName update(String type) { return ClassName.get(generated, type + "Update"); }

    ClassName repository(String type) { return ClassName.get(generated, type + "Repository"); }

    ClassName wiring(String type) { return ClassName.get(generated, type + "Wiring"); }

    ClassName api() { return ClassName.get(generated, "Api"); }

    /** The row rules scaffold. */
    ClassName rules() { return ClassName.get(scaffolds, "Rules"); }

    ClassName resolverBase(OperationSpec op) { return ClassName.get(generated, Plurals.upperFirst(op.name()) + "ResolverBase"); }

    ClassName resolver(OperationSpec op) { return ClassName.get(scaffolds, Plurals.upperFirst(op.name()) + "Resolver"); }

    static String repositoryAccessor(ApiType t) { return Plurals.lowerFirst(t.name()) + "Repository"; }

    /** A Java identifier for a DSL name (which may be a Java keyword). */
    static String identifier(String name) { return KEYWORDS.contains(name) ? name + "_" : name; }

    static String constant(String name) { return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT); }
}

package dev.dbtool.generators.java;

import com.palantir.javapoet.ClassName;
import dev.dbtool.generators.api.ApiSchema;
import dev.dbtool.generators.api.ApiType;
import dev.dbtool.generators.api.OperationSpec;
import dev.dbtool.generators.api.Plurals;
import java.util.List;
import java.util.Set;

/** The class names the generated sources use, in one place so every writer agrees. */
record JavaNames(String generated, String scaffolds, java.util.Map<String, String> classOf) {
    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class",
            "const", "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if",
            "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private", "protected", "public",
            "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void",
            "volatile", "while", "true", "false", "null", "record", "var", "yield", "sealed", "permits");

    /**
     * Simple names a model's or enum's class may not take in the generated package: the runtime's classes (copied into
     * it), {@code Api}, and java.lang types the generated code names unqualified (refly's schema has a model {@code Page},
     * which overwrote the runtime's {@code Page}).
     */
    static final Set<String> TAKEN;

    static {
        Set<String> taken = new java.util.HashSet<>(List.of("Api", "Object", "String", "Integer", "Long", "Boolean", "Double", "Float", "Short", "Byte",
                "Character", "Number", "Record", "Enum", "Class", "Override", "Exception", "RuntimeException", "IllegalArgumentException",
                "IllegalStateException", "Error", "Throwable", "Math", "System", "Thread", "Void", "Iterable", "Comparable", "Runnable", "Deprecated",
                "SuppressWarnings", "FunctionalInterface", "SafeVarargs", "StringBuilder", "CharSequence", "AutoCloseable", "InterruptedException",
                "Process", "Module", "Package", "Runtime"));
        taken.addAll(RuntimeFiles.NAMES);
        taken.addAll(RuntimeFiles.CACHE);
        taken.addAll(RuntimeFiles.QUEUE);
        taken.addAll(RuntimeFiles.REDIS);
        TAKEN = Set.copyOf(taken);
    }

    static JavaNames of(ApiSchema api) {
        Set<String> used = new java.util.HashSet<>();
        api.types().forEach(t -> used.add(t.name()));
        api.enums().forEach(e -> used.add(e.name()));
        java.util.Map<String, String> classOf = new java.util.HashMap<>();
        for (String name : used) {
            String java = name;
            while (TAKEN.contains(java) || (!java.equals(name) && used.contains(java))) java = java + "Row";
            classOf.put(name, java);
        }
        return new JavaNames(api.settings().generatedPackage(), api.settings().scaffoldPackage(), java.util.Map.copyOf(classOf));
    }

    ClassName runtime(String simple) { return ClassName.get(generated, simple); }

    /** A model's or enum's class: its name, unless that is {@link #TAKEN} ({@code Page} → {@code PageRow}). */
    ClassName model(String type) { return ClassName.get(generated, classOf.getOrDefault(type, type)); }

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

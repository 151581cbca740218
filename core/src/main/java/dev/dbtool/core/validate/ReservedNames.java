package dev.dbtool.core.validate;

import java.util.Set;

/** Names a model, enum or job may not take: they clash with generated code (Prisma's list: JavaScript's keywords and PrismaClient). */
final class ReservedNames {
    private static final Set<String> RESERVED = Set.of(
            "PrismaClient", "async", "await", "break", "case", "catch", "class", "const", "continue", "debugger",
            "default", "delete", "do", "else", "enum", "export", "extends", "false", "finally", "for", "function", "if",
            "implements", "import", "in", "instanceof", "interface", "let", "new", "null", "package", "private",
            "protected", "public", "return", "static", "super", "switch", "this", "throw", "true", "try", "typeof", "var",
            "void", "while", "with", "yield");
    private static final Set<String> GRAPHQL_ROOTS = Set.of("Query", "Mutation", "Subscription");

    private ReservedNames() {}

    static boolean isReserved(String name) { return RESERVED.contains(name); }

    /** Valid, but the generated GraphQL schema would clash with its root type of that name. */
    static boolean isGraphqlRoot(String name) { return GRAPHQL_ROOTS.contains(name); }
}

package dev.dbtool.core.physical;

import java.util.List;
import java.util.stream.Collectors;

/** Quoting of identifiers and literals as Prisma writes them: always double-quoted identifiers. */
public final class SqlNames {
    /** PostgreSQL's NAMEDATALEN - 1. */
    public static final int MAX_IDENTIFIER = 63;

    private SqlNames() {}

    public static String quote(String identifier) { return "\"" + identifier.replace("\"", "\"\"") + "\""; }

    public static String qualified(String schema, String name) { return schema == null ? quote(name) : quote(schema) + "." + quote(name); }

    public static String columnList(List<String> columns) {
        return columns.stream().map(SqlNames::quote).collect(Collectors.joining(", "));
    }

    public static String literal(String value) { return "'" + value.replace("'", "''") + "'"; }

    /** Prisma's constraint names: the prefix cut so that prefix + suffix fit in 63 characters. */
    public static String constraintName(String prefix, String suffix) {
        int room = MAX_IDENTIFIER - suffix.length();
        return (prefix.length() > room ? prefix.substring(0, room) : prefix) + suffix;
    }

    public static String truncate(String name) { return name.length() > MAX_IDENTIFIER ? name.substring(0, MAX_IDENTIFIER) : name; }

    /** The name as PostgreSQL stores it: cut to 63 bytes of UTF-8, never inside a character. */
    public static String asStored(String name) {
        byte[] utf8 = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (utf8.length <= MAX_IDENTIFIER) return name;
        int bytes = 0;
        int i = 0;
        while (i < name.length()) {
            int cp = name.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (bytes + len > MAX_IDENTIFIER) break;
            bytes += len;
            i += Character.charCount(cp);
        }
        return name.substring(0, i);
    }
}

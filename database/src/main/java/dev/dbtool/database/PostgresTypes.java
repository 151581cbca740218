package dev.dbtool.database;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PostgreSQL's own type names ({@code format_type}) → the spelling {@code prisma migrate} writes and dbtool's model uses. */
final class PostgresTypes {
    private static final Pattern WITH_ARGS = Pattern.compile("([a-z ]+?)(?:\\((\\d+(?:,\\d+)?)\\))?( with(?:out)? time zone)?");

    private PostgresTypes() {}

    /** {@code enumType}/{@code enumElement}: the enum (or the array's enum element) already quoted and qualified as needed. */
    static String prismaSpelling(String formatType, String enumType, String enumElement, boolean serial) {
        if (enumType != null) return enumType;
        boolean array = formatType.endsWith("[]");
        String base = array ? formatType.substring(0, formatType.length() - 2) : formatType;
        if (array && enumElement != null) return enumElement + "[]";
        if (serial) {
            switch (base) {
                case "integer": return "SERIAL";
                case "bigint": return "BIGSERIAL";
                case "smallint": return "SMALLSERIAL";
                default: break;
            }
        }
        String spelled = scalar(base);
        return array ? spelled + "[]" : spelled;
    }

    private static String scalar(String t) {
        Matcher m = WITH_ARGS.matcher(t);
        if (!m.matches()) return t;
        String name = m.group(1);
        String args = m.group(2) == null ? "" : "(" + m.group(2) + ")";
        boolean tz = " with time zone".equals(m.group(3));
        return switch (name) {
            case "text" -> "TEXT";
            case "character varying" -> "VARCHAR" + args;
            case "character" -> "CHAR" + args;
            case "bit" -> "BIT" + args;
            case "bit varying" -> "VARBIT" + args;
            case "integer" -> "INTEGER";
            case "bigint" -> "BIGINT";
            case "smallint" -> "SMALLINT";
            case "double precision" -> "DOUBLE PRECISION";
            case "real" -> "REAL";
            case "numeric" -> "DECIMAL" + args;
            case "money" -> "MONEY";
            case "boolean" -> "BOOLEAN";
            case "timestamp" -> (tz ? "TIMESTAMPTZ" : "TIMESTAMP") + args;
            case "time" -> (tz ? "TIMETZ" : "TIME") + args;
            case "date" -> "DATE";
            case "jsonb" -> "JSONB";
            case "json" -> "JSON";
            case "bytea" -> "BYTEA";
            case "uuid" -> "UUID";
            case "xml" -> "XML";
            case "inet" -> "INET";
            case "citext" -> "CITEXT";
            case "oid" -> "OID";
            default -> t;
        };
    }
}

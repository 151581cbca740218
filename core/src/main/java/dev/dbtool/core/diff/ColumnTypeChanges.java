package dev.dbtool.core.diff;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Whether PostgreSQL can change a column's type without losing or rejecting any value (a widening). */
final class ColumnTypeChanges {
    private static final Pattern SIZED = Pattern.compile("([A-Z ]+)(?:\\((\\d+)(?:,(\\d+))?\\))?(\\[\\])?");

    private ColumnTypeChanges() {}

    static boolean isLossless(String from, String to) {
        if (from.equals(to)) return true;
        String a = normalise(from);
        String b = normalise(to);
        if (a.equals(b)) return true;
        Matcher ma = SIZED.matcher(a);
        Matcher mb = SIZED.matcher(b);
        if (!ma.matches() || !mb.matches() || (ma.group(4) == null) != (mb.group(4) == null)) return false;
        String ta = ma.group(1);
        String tb = mb.group(1);
        Integer na = ma.group(2) == null ? null : Integer.valueOf(ma.group(2));
        Integer nb = mb.group(2) == null ? null : Integer.valueOf(mb.group(2));
        boolean textual = ta.equals("VARCHAR") || ta.equals("CHAR") || ta.equals("TEXT") || ta.equals("CITEXT");
        if (textual && (tb.equals("TEXT") || tb.equals("VARCHAR") && nb == null)) return true;
        if ((ta.equals("VARCHAR") || ta.equals("CHAR")) && tb.equals(ta) && na != null && nb != null && nb >= na) return true;
        if (ta.equals("SMALLINT") && (tb.equals("INTEGER") || tb.equals("BIGINT"))) return true;
        if (ta.equals("INTEGER") && tb.equals("BIGINT")) return true;
        if (ta.equals("REAL") && tb.equals("DOUBLE PRECISION")) return true;
        if (ta.equals("DECIMAL") && tb.equals("DECIMAL") && na != null && nb != null) {
            int sa = ma.group(3) == null ? 0 : Integer.parseInt(ma.group(3));
            int sb = mb.group(3) == null ? 0 : Integer.parseInt(mb.group(3));
            return sb >= sa && nb - sb >= na - sa;
        }
        if (ta.equals(tb) && (ta.startsWith("TIMESTAMP") || ta.startsWith("TIME")) && na != null && (nb == null || nb >= na)) return true;
        return false;
    }

    /** SERIAL is INTEGER with a sequence; the sequence itself is not data. */
    private static String normalise(String type) {
        String t = type.toUpperCase(Locale.ROOT);
        return switch (t) {
            case "SERIAL" -> "INTEGER";
            case "BIGSERIAL" -> "BIGINT";
            case "SMALLSERIAL" -> "SMALLINT";
            case "TIMESTAMP", "TIMESTAMPTZ", "TIME", "TIMETZ" -> t + "(6)";
            default -> t;
        };
    }
}

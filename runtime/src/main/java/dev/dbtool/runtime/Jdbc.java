package dev.dbtool.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Binding and reading values. DateTime is an {@link Instant}: {@code timestamp} columns hold UTC wall-clock time
 * (as Prisma stores it), {@code timestamptz} columns an instant; neither depends on the session's time zone.
 */
public final class Jdbc {
    static final ObjectMapper JSON = new ObjectMapper();

    private Jdbc() {}

    public static void bind(PreparedStatement ps, int index, Column column, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.OTHER);
            return;
        }
        switch (column.kind()) {
            case TIMESTAMP -> ps.setObject(index, LocalDateTime.ofInstant((Instant) value, ZoneOffset.UTC));
            case TIMESTAMPTZ -> ps.setObject(index, OffsetDateTime.ofInstant((Instant) value, ZoneOffset.UTC));
            case DATE -> ps.setObject(index, LocalDate.ofInstant((Instant) value, ZoneOffset.UTC));
            case TIME -> ps.setObject(index, java.time.LocalTime.ofInstant((Instant) value, ZoneOffset.UTC));
            case TIMETZ -> ps.setObject(index, java.time.OffsetTime.ofInstant((Instant) value, ZoneOffset.UTC));
            case JSON -> ps.setString(index, value instanceof JsonNode n ? n.toString() : value.toString());
            case BYTES -> ps.setBytes(index, (byte[]) value);
            case ENUM -> ps.setString(index, ((DbEnum) value).dbValue());
            case ARRAY -> ps.setArray(index, array(ps, column, (Collection<?>) value));
            case STRING, INT, BIGINT, FLOAT, DECIMAL, BOOLEAN -> ps.setObject(index, value);
        }
    }

    /** Binds a value given as PostgreSQL text (cursor positions); the {@code ?::type} cast parses it. */
    public static void bindText(PreparedStatement ps, int index, String text) throws SQLException {
        if (text == null) ps.setNull(index, Types.VARCHAR);
        else ps.setString(index, text);
    }

    private static Array array(PreparedStatement ps, Column column, Collection<?> values) throws SQLException {
        String element = column.cast().endsWith("[]") ? column.cast().substring(0, column.cast().length() - 2) : column.cast();
        List<Object> out = new ArrayList<>(values.size());
        for (Object v : values) out.add(v instanceof DbEnum e ? e.dbValue() : v);
        return ps.getConnection().createArrayOf(element.replace("\"", ""), out.toArray());
    }

    public static String string(ResultSet rs, int i) throws SQLException { return rs.getString(i); }

    public static Integer integer(ResultSet rs, int i) throws SQLException {
        int v = rs.getInt(i);
        return rs.wasNull() ? null : v;
    }

    public static Long bigint(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : v;
    }

    public static Double floating(ResultSet rs, int i) throws SQLException {
        double v = rs.getDouble(i);
        return rs.wasNull() ? null : v;
    }

    public static BigDecimal decimal(ResultSet rs, int i) throws SQLException { return rs.getBigDecimal(i); }

    public static Boolean bool(ResultSet rs, int i) throws SQLException {
        boolean v = rs.getBoolean(i);
        return rs.wasNull() ? null : v;
    }

    public static Instant timestamp(ResultSet rs, int i) throws SQLException {
        LocalDateTime v = rs.getObject(i, LocalDateTime.class);
        return v == null ? null : v.toInstant(ZoneOffset.UTC);
    }

    public static Instant timestamptz(ResultSet rs, int i) throws SQLException {
        OffsetDateTime v = rs.getObject(i, OffsetDateTime.class);
        return v == null ? null : v.toInstant();
    }

    public static Instant date(ResultSet rs, int i) throws SQLException {
        LocalDate v = rs.getObject(i, LocalDate.class);
        return v == null ? null : v.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** A {@code time} as Prisma's client gives it: that time of 1970-01-01, UTC. */
    public static Instant time(ResultSet rs, int i) throws SQLException {
        java.time.LocalTime v = rs.getObject(i, java.time.LocalTime.class);
        return v == null ? null : LocalDate.EPOCH.atTime(v).toInstant(ZoneOffset.UTC);
    }

    /** A {@code timetz}: that time of 1970-01-01 in its offset. */
    public static Instant timetz(ResultSet rs, int i) throws SQLException {
        java.time.OffsetTime v = rs.getObject(i, java.time.OffsetTime.class);
        return v == null ? null : v.atDate(LocalDate.EPOCH).toInstant();
    }

    public static JsonNode json(ResultSet rs, int i) throws SQLException {
        String v = rs.getString(i);
        if (v == null) return null;
        try {
            return JSON.readTree(v);
        } catch (JsonProcessingException e) {
            throw new SQLException("column " + i + " holds invalid JSON", e);
        }
    }

    public static byte[] bytes(ResultSet rs, int i) throws SQLException { return rs.getBytes(i); }

    public static <E> E enumValue(ResultSet rs, int i, Function<String, E> fromDb) throws SQLException {
        String v = rs.getString(i);
        return v == null ? null : fromDb.apply(v);
    }

    /** An element of a {@code jsonb[]}/{@code json[]} array (the driver gives its text). */
    public static JsonNode jsonElement(Object v) {
        if (v == null) return null;
        try {
            return JSON.readTree(v.toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an array element holds invalid JSON", e);
        }
    }

    /**
     * An element of a date/time array as an Instant: the driver gives {@code java.sql} values in the JVM's zone, so a
     * {@code timestamp}'s wall clock is read back as UTC (as single values are), a {@code timestamptz} as the instant it is.
     */
    public static Instant instantElement(Object v, boolean zoned) {
        if (v == null) return null;
        if (v instanceof java.sql.Timestamp t) return zoned ? t.toInstant() : t.toLocalDateTime().toInstant(ZoneOffset.UTC);
        if (v instanceof java.sql.Date d) return d.toLocalDate().atStartOfDay().toInstant(ZoneOffset.UTC);
        if (v instanceof java.sql.Time t) return LocalDate.EPOCH.atTime(t.toLocalTime()).toInstant(ZoneOffset.UTC);
        if (v instanceof OffsetDateTime o) return o.toInstant();
        throw new IllegalStateException("not a date/time array element: " + v.getClass().getName());
    }

    /** An element of a numeric array ({@code smallint[]} arrives as Short, {@code real[]} as Float) as the field's type. */
    public static Integer intElement(Object v) { return v == null ? null : ((Number) v).intValue(); }

    public static Long longElement(Object v) { return v == null ? null : ((Number) v).longValue(); }

    public static Double doubleElement(Object v) { return v == null ? null : ((Number) v).doubleValue(); }

    /** A PostgreSQL array as a list, each element converted (text, numbers and booleans arrive as their Java types). */
    public static <E> List<E> list(ResultSet rs, int i, Function<Object, E> element) throws SQLException {
        Array a = rs.getArray(i);
        if (a == null) return null;
        Object[] values = (Object[]) a.getArray();
        List<E> out = new ArrayList<>(values.length);
        for (Object v : values) out.add(element.apply(v));
        return java.util.Collections.unmodifiableList(out);
    }
}

package dev.dbtool.generators.seed;

import dev.dbtool.core.model.FieldKind;
import dev.dbtool.core.model.ScalarField;
import dev.dbtool.core.model.ScalarType;
import dev.dbtool.core.model.ValidationRule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import net.datafaker.Faker;

/**
 * What a field's values look like: chosen from its name and type (email, names, phone, url, address parts,
 * company, title, prices, past timestamps, lorem for long text, …), overridden by {@code @seed("…")} (a Datafaker
 * expression), and kept within the schema's limits: native type lengths and precisions, {@code @validate} rules,
 * enum values. The faker draws from a {@link Random} the caller seeds per row and column.
 */
final class FakeValues {
    /** Timestamps fall in the two years before this instant, so output never depends on today's date. */
    static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private FakeValues() {}

    /** A generator of one (non-null, non-list) value of the field. */
    static Function<Faker, String> of(ScalarField f, String sqlType, List<String> enumValues, Random random) {
        if (f.extensions().seedExpression() != null) {
            String expr = f.extensions().seedExpression();
            return fk -> fit(f, sqlType, fk.expression(expr));
        }
        if (f.kind() instanceof FieldKind.Enum) return fk -> enumValues.get(random.nextInt(enumValues.size()));
        if (!(f.kind() instanceof FieldKind.Scalar s)) return null;
        String name = f.name().toLowerCase(Locale.ROOT).replace("_", "");
        return switch (s.type()) {
            case String -> text(f, name, sqlType);
            case Boolean -> fk -> random.nextBoolean() ? "true" : "false";
            case Int, BigInt -> integer(f, sqlType, random);
            case Float, Decimal -> decimal(f, name, sqlType, random);
            case DateTime -> fk -> dateTime(name, sqlType, random);
            case Json -> fk -> "{\"" + fk.lorem().word() + "\": " + random.nextInt(1000) + ", \"tags\": [\"" + fk.lorem().word() + "\"]}";
            case Bytes -> fk -> {
                byte[] b = new byte[16];
                random.nextBytes(b);
                return "\\x" + HexFormat.of().formatHex(b);
            };
        };
    }

    private static Function<Faker, String> text(ScalarField f, String name, String sqlType) {
        for (ValidationRule r : f.extensions().validations()) {
            if (r instanceof ValidationRule.Email) return fk -> fit(f, sqlType, fk.internet().emailAddress());
            if (r instanceof ValidationRule.Url) return fk -> fit(f, sqlType, fk.internet().url());
            if (r instanceof ValidationRule.Uuid) return fk -> java.util.UUID.nameUUIDFromBytes(fk.lorem().characters(16).getBytes()).toString();
            if (r instanceof ValidationRule.Pattern p) return fk -> fit(f, sqlType, fk.regexify(p.regex()));
        }
        if (sqlType.startsWith("UUID")) return fk -> java.util.UUID.nameUUIDFromBytes(fk.lorem().characters(16).getBytes()).toString();
        if (sqlType.startsWith("BIT") || sqlType.startsWith("VARBIT")) {
            int bits = Math.max(1, maxLength(f, sqlType) < 0 ? 8 : maxLength(f, sqlType));
            return fk -> fk.regexify("[01]{" + bits + "}");
        }
        if (sqlType.equals("XML")) return fk -> "<note>" + fk.lorem().word() + "</note>";
        if (sqlType.startsWith("INET")) return fk -> fk.internet().ipV4Address();
        Function<Faker, String> base;
        if (name.contains("email")) base = fk -> fk.internet().emailAddress();
        else if (name.equals("firstname") || name.equals("givenname")) base = fk -> fk.name().firstName();
        else if (name.equals("lastname") || name.equals("surname") || name.equals("familyname")) base = fk -> fk.name().lastName();
        else if (name.equals("name") || name.equals("fullname") || name.equals("displayname")) base = fk -> fk.name().fullName();
        else if (name.contains("username") || name.equals("login") || name.equals("handle") || name.equals("nickname")) base = fk -> fk.internet().username();
        else if (name.contains("phone") || name.contains("mobile")) base = fk -> fk.phoneNumber().phoneNumber();
        else if (name.contains("url") || name.contains("website") || name.contains("homepage")) base = fk -> fk.internet().url();
        else if (name.equals("city")) base = fk -> fk.address().city();
        else if (name.equals("country")) base = fk -> sqlType.startsWith("CHAR") ? fk.address().countryCode() : fk.address().country();
        else if (name.contains("street") || name.startsWith("line1") || name.equals("address")) base = fk -> fk.address().streetAddress();
        else if (name.contains("zip") || name.contains("postcode") || name.contains("postalcode")) base = fk -> fk.address().zipCode();
        else if (name.contains("company") || name.contains("organization")) base = fk -> fk.company().name();
        else if (name.equals("slug")) base = fk -> String.join("-", fk.lorem().words(3));
        else if (name.contains("title") || name.contains("subject") || name.equals("label")) base = fk -> fk.book().title();
        else if (name.contains("color") || name.contains("colour")) base = fk -> fk.color().name();
        else if (name.contains("password") || name.contains("secret") || name.contains("token")) base = fk -> fk.internet().password(12, 24);
        else if (name.contains("description") || name.contains("bio") || name.contains("body") || name.contains("content")
                || name.contains("text") || name.contains("comment") || name.contains("note") || name.contains("summary")) {
            base = fk -> fk.lorem().paragraph();
        } else base = fk -> fk.lorem().word() + " " + fk.lorem().word();
        return fk -> fit(f, sqlType, base.apply(fk));
    }

    /** Within VARCHAR/CHAR limits and @validate lengths; padding for a minimum length. */
    static String fit(ScalarField f, String sqlType, String value) {
        int max = maxLength(f, sqlType);
        int min = 0;
        for (ValidationRule r : f.extensions().validations()) if (r instanceof ValidationRule.MinLength m) min = m.value();
        String v = value;
        if (v.length() < min) v = v + "x".repeat(min - v.length());
        if (max >= 0 && v.length() > max) v = v.substring(0, max);
        return v;
    }

    /** The most characters a value may have (-1: no limit). */
    static int maxLength(ScalarField f, String sqlType) {
        int max = -1;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:VARCHAR|CHAR|BIT|VARBIT)\\((\\d+)\\)").matcher(sqlType);
        if (m.matches()) max = Integer.parseInt(m.group(1));
        else if (sqlType.equals("CHAR")) max = 1;
        for (ValidationRule r : f.extensions().validations()) {
            if (r instanceof ValidationRule.MaxLength x) max = max < 0 ? x.value() : Math.min(max, x.value());
        }
        return max;
    }

    private static Function<Faker, String> integer(ScalarField f, String sqlType, Random random) {
        long lo = 0;
        long hi = sqlType.startsWith("SMALLINT") ? 32_767 : 1_000;
        for (ValidationRule r : f.extensions().validations()) {
            if (r instanceof ValidationRule.Min m) lo = Math.max(lo, m.value().setScale(0, RoundingMode.CEILING).longValue());
            if (r instanceof ValidationRule.Max m) hi = Math.min(hi, m.value().setScale(0, RoundingMode.FLOOR).longValue());
        }
        if (hi < lo) hi = lo;
        long low = lo;
        long span = hi - lo + 1;
        return fk -> Long.toString(low + Math.floorMod(random.nextLong(), span));
    }

    private static Function<Faker, String> decimal(ScalarField f, String name, String sqlType, Random random) {
        int scale = 2;
        BigDecimal hi = new BigDecimal(name.contains("price") || name.contains("amount") || name.contains("total") ? "999.99" : "1000");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("DECIMAL\\((\\d+),(\\d+)\\)").matcher(sqlType);
        if (m.matches()) {
            int p = Integer.parseInt(m.group(1));
            scale = Integer.parseInt(m.group(2));
            BigDecimal limit = BigDecimal.TEN.pow(Math.max(0, Math.min(p - scale, 6))).subtract(BigDecimal.ONE.movePointLeft(scale));
            hi = hi.min(limit);
        }
        BigDecimal lo = BigDecimal.ZERO;
        for (ValidationRule r : f.extensions().validations()) {
            if (r instanceof ValidationRule.Min x) lo = lo.max(x.value());
            if (r instanceof ValidationRule.Max x) hi = hi.min(x.value());
        }
        if (hi.compareTo(lo) < 0) hi = lo;
        BigDecimal low = lo;
        BigDecimal span = hi.subtract(lo);
        int s = sqlType.equals("REAL") || sqlType.equals("DOUBLE PRECISION") ? 4 : scale;
        return fk -> low.add(span.multiply(BigDecimal.valueOf(random.nextDouble()))).setScale(s, RoundingMode.DOWN).toPlainString();
    }

    private static String dateTime(String name, String sqlType, Random random) {
        long seconds = 2L * 365 * 24 * 3600;
        Instant t = BASE.minusSeconds(Math.floorMod(random.nextLong(), seconds));
        if (name.contains("birth") || name.equals("dob")) t = BASE.minusSeconds(18L * 365 * 24 * 3600 + Math.floorMod(random.nextLong(), 50L * 365 * 24 * 3600));
        if (sqlType.equals("DATE")) return TS.format(t).substring(0, 10);
        if (sqlType.startsWith("TIME") && !sqlType.startsWith("TIMESTAMP")) return TS.format(t).substring(11);
        return TS.format(t) + (sqlType.startsWith("TIMESTAMPTZ") ? "+00" : "");
    }
}

package dev.dbtool.core.physical;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL extensions a database state cannot be built without: those the schema declares
 * ({@code extensions = […]}) and those its column types, operator classes and default expressions need
 * ({@code citext}, {@code vector}, {@code pg_trgm}, …). Prisma's migrations create only the declared ones; a shadow
 * database must have them all.
 */
public final class RequiredExtensions {
    private static final Pattern FUNCTION = Pattern.compile("([a-z_0-9]+)\\s*\\(");

    private RequiredExtensions() {}

    /** Sorted extension names. */
    public static Set<String> of(DbSchema schema) {
        Set<String> out = new TreeSet<>();
        for (DbExtension e : schema.extensions()) out.add(e.name());
        for (DbTable t : schema.tables()) {
            for (DbColumn c : t.columns()) {
                String type = c.type().toLowerCase(Locale.ROOT).replace("[]", "").replaceAll("\\(.*", "").replaceAll("^.*\\.", "").strip();
                String ext = forType(type);
                if (ext != null) out.add(ext);
                if (c.defaultSql() != null) {
                    Matcher m = FUNCTION.matcher(c.defaultSql().toLowerCase(Locale.ROOT));
                    while (m.find()) {
                        String fn = forFunction(m.group(1));
                        if (fn != null) out.add(fn);
                    }
                }
            }
            for (DbIndex ix : t.indexes()) {
                for (DbIndexColumn c : ix.columns()) {
                    String ext = c.operatorClass() == null ? null : forOperatorClass(c.operatorClass().toLowerCase(Locale.ROOT));
                    if (ext != null) out.add(ext);
                }
            }
        }
        return out;
    }

    private static String forType(String type) {
        return switch (type) {
            case "citext" -> "citext";
            case "vector", "halfvec", "sparsevec" -> "vector";
            case "geometry", "geography" -> "postgis";
            case "ltree", "lquery", "ltxtquery" -> "ltree";
            case "hstore" -> "hstore";
            case "cube" -> "cube";
            case "earth" -> "earthdistance";
            case "isbn", "isbn13", "issn", "ean13", "upc" -> "isn";
            default -> null;
        };
    }

    private static String forOperatorClass(String ops) {
        if (ops.endsWith("trgm_ops")) return "pg_trgm";
        if (ops.startsWith("vector_") || ops.startsWith("halfvec_")) return "vector";
        if (ops.startsWith("gist_") && ops.endsWith("_ops") && !ops.equals("gist_trgm_ops")) return "btree_gist";
        return null;
    }

    private static String forFunction(String fn) {
        return switch (fn) {
            case "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4", "uuid_generate_v5", "uuid_nil" -> "uuid-ossp";
            case "gen_random_bytes", "crypt", "gen_salt", "digest", "hmac" -> "pgcrypto";
            default -> null;
        };
    }
}

package dev.dbtool.runtime;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code DATABASE_URL} in either form: JDBC ({@code jdbc:postgresql://…}) as it is, or libpq/Prisma
 * ({@code postgresql://user:pass@host:port/db?schema=…&sslmode=…}) converted; a host other than loopback without an
 * explicit {@code sslmode} gets {@code sslmode=require}; Prisma's {@code pgbouncer=true} turns server-side prepared
 * statements off ({@code prepareThreshold=0}).
 */
public final class DatabaseUrls {
    /** A JDBC URL and the credentials taken out of it. */
    public record Jdbc(String url, String user, String password) {}

    private DatabaseUrls() {}

    public static Jdbc parse(String url) {
        if (url == null || url.isBlank()) throw new IllegalArgumentException("DATABASE_URL is not set.");
        if (url.startsWith("jdbc:")) return new Jdbc(url, null, null);
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("DATABASE_URL is not a valid URL.");
        }
        String scheme = uri.getScheme();
        if (!"postgresql".equals(scheme) && !"postgres".equals(scheme)) throw new IllegalArgumentException("DATABASE_URL must start with postgresql:// or jdbc:postgresql://.");
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        String host = uri.getHost() == null ? "localhost" : uri.getHost();
        List<String> params = new ArrayList<>();
        boolean ssl = false;
        if (uri.getRawQuery() != null) {
            for (String kv : uri.getRawQuery().split("&")) {
                String[] pair = kv.split("=", 2);
                String key = decode(pair[0]);
                String value = pair.length > 1 ? pair[1] : "";
                if (key.equals("schema")) params.add("currentSchema=" + value);
                else if (key.equals("sslmode")) {
                    params.add("sslmode=" + value);
                    ssl = true;
                } else if (key.equals("pgbouncer")) {
                    // PgBouncer in transaction pooling hands each transaction any server connection: no named prepared statements
                    if (value.equalsIgnoreCase("true")) params.add("prepareThreshold=0");
                } else if (!key.equals("connection_limit") && !key.equals("pool_timeout")) params.add(kv);
            }
        }
        String lower = host.toLowerCase(Locale.ROOT);
        if (!ssl && !(lower.equals("localhost") || lower.startsWith("127.") || lower.equals("[::1]") || lower.equals("::1"))) params.add("sslmode=require");
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/postgres" : uri.getRawPath();
        String jdbc = "jdbc:postgresql://" + host + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + path + (params.isEmpty() ? "" : "?" + String.join("&", params));
        return new Jdbc(jdbc, user, password);
    }

    private static String decode(String s) { return URLDecoder.decode(s, StandardCharsets.UTF_8); }
}

package dev.dbtool.database;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A database URL in either form users have: libpq/Prisma ({@code postgresql://user:pass@host:5432/db?schema=app&sslmode=disable})
 * or JDBC ({@code jdbc:postgresql://host/db?user=…}), turned into the JDBC URL the driver takes. Prisma's
 * {@code schema} parameter becomes {@code currentSchema}. A host that is not loopback gets {@code sslmode=require}
 * unless the URL sets a mode: credentials never cross a network in clear by default. Prisma's {@code pgbouncer=true}
 * becomes {@code prepareThreshold=0} (no server-side prepared statements, which transaction pooling breaks).
 */
public record DatabaseUrl(String jdbc, String host, String database, String schema) {

    public static DatabaseUrl parse(String url) {
        String text = url.strip();
        if (text.startsWith("jdbc:postgresql:")) text = text.substring("jdbc:".length());
        if (!text.startsWith("postgresql://") && !text.startsWith("postgres://")) {
            throw new IllegalArgumentException("not a PostgreSQL URL (expected postgresql://… or jdbc:postgresql://…)");
        }
        URI uri;
        try {
            uri = new URI(text.replaceFirst("^postgres(ql)?://", "postgresql://"));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("malformed database URL: " + e.getReason());
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) throw new IllegalArgumentException("the database URL has no host");
        Map<String, String> params = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String k = decode(eq < 0 ? pair : pair.substring(0, eq));
                String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
                params.put(k, v);
            }
        }
        String schema = params.remove("schema");
        // PgBouncer in transaction pooling hands each transaction any server connection: no named prepared statements
        String bouncer = params.remove("pgbouncer");
        if ("true".equalsIgnoreCase(bouncer)) params.putIfAbsent("prepareThreshold", "0");
        if (schema != null) params.put("currentSchema", schema);
        if (uri.getRawUserInfo() != null) {
            String[] userInfo = uri.getRawUserInfo().split(":", 2);
            params.putIfAbsent("user", decode(userInfo[0]));
            if (userInfo.length > 1) params.putIfAbsent("password", decode(userInfo[1]));
        }
        if (!params.containsKey("sslmode") && !isLoopback(host)) params.put("sslmode", "require");
        String path = uri.getRawPath() == null || uri.getRawPath().length() <= 1 ? "/postgres" : uri.getRawPath();
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host);
        if (uri.getPort() > 0) jdbc.append(':').append(uri.getPort());
        jdbc.append(path);
        String sep = "?";
        for (Map.Entry<String, String> e : params.entrySet()) {
            jdbc.append(sep).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
            sep = "&";
        }
        return new DatabaseUrl(jdbc.toString(), host, decode(path.substring(1)), schema);
    }

    static boolean isLoopback(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1");
    }

    /** The URL with any password replaced, for messages: secrets never reach logs or errors. */
    public String redacted() { return jdbc.replaceAll("(?i)(password=)[^&]*", "$1***"); }

    private static String decode(String s) { return URLDecoder.decode(s, StandardCharsets.UTF_8); }

    private static String encode(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }
}

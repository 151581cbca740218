package dev.dbtool.runtime;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.regex.Pattern;

/** The checks behind {@code @validate}: each adds a problem for the field at {@code path} and never throws. */
public final class Validation {
    // The WHATWG HTML e-mail grammar: what browsers accept in <input type=email>.
    private static final Pattern EMAIL = Pattern.compile(
            "^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$");
    private static final Pattern UUID = Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private Validation() {}

    public static void email(List<ApiException.Problem> out, List<Object> path, String value) {
        if (value != null && !EMAIL.matcher(value).matches()) out.add(new ApiException.Problem(path, "Must be an e-mail address."));
    }

    public static void url(List<ApiException.Problem> out, List<Object> path, String value) {
        if (value == null) return;
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            if (("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null) return;
        } catch (URISyntaxException e) {
            // reported below
        }
        out.add(new ApiException.Problem(path, "Must be an http or https URL."));
    }

    public static void uuid(List<ApiException.Problem> out, List<Object> path, String value) {
        if (value != null && !UUID.matcher(value).matches()) out.add(new ApiException.Problem(path, "Must be a UUID."));
    }

    public static void minLength(List<ApiException.Problem> out, List<Object> path, String value, int min) {
        if (value != null && value.codePointCount(0, value.length()) < min)
            out.add(new ApiException.Problem(path, "Must be at least " + min + " characters long."));
    }

    public static void maxLength(List<ApiException.Problem> out, List<Object> path, String value, int max) {
        if (value != null && value.codePointCount(0, value.length()) > max)
            out.add(new ApiException.Problem(path, "Must be at most " + max + " characters long."));
    }

    public static void min(List<ApiException.Problem> out, List<Object> path, Number value, String min) {
        if (value != null && decimal(value).compareTo(new BigDecimal(min)) < 0) out.add(new ApiException.Problem(path, "Must be at least " + min + "."));
    }

    public static void max(List<ApiException.Problem> out, List<Object> path, Number value, String max) {
        if (value != null && decimal(value).compareTo(new BigDecimal(max)) > 0) out.add(new ApiException.Problem(path, "Must be at most " + max + "."));
    }

    public static void pattern(List<ApiException.Problem> out, List<Object> path, String value, Pattern pattern) {
        if (value != null && !pattern.matcher(value).find()) out.add(new ApiException.Problem(path, "Must match the pattern " + pattern.pattern() + "."));
    }

    /** Throws BAD_USER_INPUT with every problem found, if any. */
    public static void check(List<ApiException.Problem> problems) {
        if (!problems.isEmpty()) throw ApiException.invalid(problems);
    }

    private static BigDecimal decimal(Number n) {
        return n instanceof BigDecimal d ? d : n instanceof Double || n instanceof Float ? BigDecimal.valueOf(n.doubleValue()) : BigDecimal.valueOf(n.longValue());
    }

    /** Problems of the {@code index}-th of many inputs: {@code ["data", "title"]} becomes {@code ["data", index, "title"]}. */
    public static List<ApiException.Problem> indexed(int index, List<ApiException.Problem> problems) {
        List<ApiException.Problem> out = new java.util.ArrayList<>();
        for (ApiException.Problem p : problems) {
            List<Object> path = new java.util.ArrayList<>();
            if (!p.path().isEmpty()) path.add(p.path().get(0));
            path.add(index);
            if (p.path().size() > 1) path.addAll(p.path().subList(1, p.path().size()));
            out.add(new ApiException.Problem(path, p.message()));
        }
        return out;
    }
}

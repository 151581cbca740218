package dev.dbtool.runtime;

import java.util.List;
import java.util.Map;

/**
 * An error the client caused or may see. Its message goes to the client as it is, with {@code extensions.code}:
 * BAD_USER_INPUT (with the offending field's path), NOT_FOUND, CONFLICT (with the unique fields), FORBIDDEN,
 * UNAUTHENTICATED. Anything else a resolver throws reaches the client only as INTERNAL_SERVER_ERROR.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** One problem with one input field; a mutation reports all of them at once. */
    public record Problem(List<Object> path, String message) {}

    private final String code;
    private final transient List<Problem> problems;
    private final transient Map<String, Object> extensions;

    public ApiException(String code, String message, List<Problem> problems, Map<String, Object> extensions) {
        super(message, null, false, false);
        this.code = code;
        this.problems = List.copyOf(problems);
        this.extensions = Map.copyOf(extensions);
    }

    public String code() { return code; }

    public List<Problem> problems() { return problems; }

    public Map<String, Object> extensions() { return extensions; }

    public static ApiException badUserInput(List<Object> path, String message) {
        return new ApiException("BAD_USER_INPUT", message, List.of(new Problem(path, message)), Map.of());
    }

    public static ApiException invalid(List<Problem> problems) {
        return new ApiException("BAD_USER_INPUT", problems.get(0).message(), problems, Map.of());
    }

    public static ApiException notFound(String type) {
        return new ApiException("NOT_FOUND", "No " + type + " matches the given key.", List.of(), Map.of());
    }

    public static ApiException conflict(String type, List<String> fields) {
        return new ApiException("CONFLICT", "A " + type + " with the same " + String.join(", ", fields) + " already exists.", List.of(),
                Map.of("fields", fields));
    }

    public static ApiException forbidden(String scope) {
        return new ApiException("FORBIDDEN", "This needs the scope `" + scope + "`.", List.of(), Map.of("scope", scope));
    }

    /** A write whose result the caller's row rule would hide: refused (and rolled back). */
    public static ApiException hiddenRow(String type) {
        return new ApiException("FORBIDDEN", "The " + type + " would not be visible to you after this change.", List.of(), Map.of());
    }

    public static ApiException unauthenticated(String message) {
        return new ApiException("UNAUTHENTICATED", message, List.of(), Map.of());
    }
}

package dev.dbtool.generators.commit;

import java.util.List;

/** A Conventional Commits 1.0 message: {@code type(scope)!: subject}, a body, footers. */
public record ConventionalMessage(String type, String scope, boolean breaking, String subject, List<String> body, List<String> footers) {
    public String header() { return type + (scope == null ? "" : "(" + scope + ")") + (breaking ? "!" : "") + ": " + subject; }

    public String render() {
        StringBuilder b = new StringBuilder(header()).append('\n');
        if (!body.isEmpty()) b.append('\n').append(String.join("\n", body)).append('\n');
        if (!footers.isEmpty()) b.append('\n').append(String.join("\n", footers)).append('\n');
        return b.toString();
    }
}

package dev.dbtool.generators.commit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a message against the Conventional Commits 1.0 specification and the rules of
 * {@code @commitlint/config-conventional}: type enum and case, scope case, subject (not empty, no sentence/start/
 * pascal/upper case, no trailing period), header length 100, a blank line before body and footer (warnings),
 * body and footer lines of at most 100, footer syntax ({@code Token: value}, {@code Token #value},
 * {@code BREAKING CHANGE: …} in upper case). Lines starting with {@code #} are git comments and are ignored.
 */
public final class CommitMessageChecker {
    public static final Set<String> TYPES = Set.of("build", "chore", "ci", "docs", "feat", "fix", "perf", "refactor", "revert", "style", "test");
    private static final int MAX = 100;
    private static final Pattern HEADER = Pattern.compile("^([^(!:\\s]*)(?:\\(([^)]*)\\))?(!)?: (.*)$");
    private static final Pattern FOOTER = Pattern.compile("^(BREAKING CHANGE|BREAKING-CHANGE|[A-Za-z][A-Za-z0-9-]*)(: | #)(.*)$");

    private CommitMessageChecker() {}

    public static List<Violation> check(String raw) {
        List<String> lines = new ArrayList<>();
        for (String l : raw.replace("\r\n", "\n").split("\n", -1)) if (!l.startsWith("#")) lines.add(l);
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) lines.remove(lines.size() - 1);
        List<Violation> out = new ArrayList<>();
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            out.add(new Violation("subject-empty", true, "the message is empty"));
            return out;
        }
        String header = lines.get(0);
        if (!header.equals(header.strip())) out.add(new Violation("header-trim", true, "the header must not start or end with white space"));
        if (header.length() > MAX) out.add(new Violation("header-max-length", true, "the header has " + header.length() + " characters; at most " + MAX));
        Matcher m = HEADER.matcher(header.stripLeading());
        if (!m.matches()) {
            out.add(new Violation("type-empty", true, "the header must look like `type(scope): subject`, e.g. `feat(schema): add model Post`"));
            out.add(new Violation("subject-empty", true, "the subject may not be empty"));
        } else {
            header(m, out);
        }
        if (lines.size() > 1) bodyAndFooters(lines, out);
        return List.copyOf(out);
    }

    private static void header(Matcher m, List<Violation> out) {
        String type = m.group(1);
        String scope = m.group(2);
        String subject = m.group(4).strip();
        if (type.isEmpty()) out.add(new Violation("type-empty", true, "the type may not be empty"));
        else {
            if (!type.equals(type.toLowerCase(Locale.ROOT))) out.add(new Violation("type-case", true, "the type must be lower case: " + type));
            if (!TYPES.contains(type)) {
                out.add(new Violation("type-enum", true, "the type must be one of " + String.join(", ", TYPES.stream().sorted().toList()) + "; found " + type));
            }
        }
        if (scope != null) {
            if (scope.isBlank()) out.add(new Violation("scope-empty", true, "the scope in parentheses may not be empty"));
            else if (!scope.equals(scope.toLowerCase(Locale.ROOT))) out.add(new Violation("scope-case", true, "the scope must be lower case: " + scope));
        }
        if (subject.isBlank()) {
            out.add(new Violation("subject-empty", true, "the subject may not be empty"));
            return;
        }
        if (subject.endsWith(".")) out.add(new Violation("subject-full-stop", true, "the subject may not end with a period"));
        String[] words = subject.strip().split("\\s+");
        boolean firstUpper = Character.isUpperCase(words[0].charAt(0));
        boolean allUpper = subject.equals(subject.toUpperCase(Locale.ROOT)) && !subject.equals(subject.toLowerCase(Locale.ROOT));
        boolean everyWordCapitalised = words.length > 1 && java.util.Arrays.stream(words).allMatch(w -> !w.isEmpty() && Character.isUpperCase(w.charAt(0)));
        if (allUpper) out.add(new Violation("subject-case", true, "the subject may not be upper case"));
        else if (everyWordCapitalised) out.add(new Violation("subject-case", true, "the subject may not be start case (Every Word Capitalised)"));
        else if (firstUpper) out.add(new Violation("subject-case", true, "the subject may not be sentence case or pascal case: start it in lower case"));
    }

    private static void bodyAndFooters(List<String> lines, List<Violation> out) {
        if (!lines.get(1).isBlank()) out.add(new Violation("body-leading-blank", false, "the body must be separated from the header by a blank line"));
        // Footers are the paragraph after the last blank line, when it starts like one (`Token: value`, `Token #value`).
        int lastBlank = -1;
        for (int i = 1; i < lines.size(); i++) if (lines.get(i).isBlank()) lastBlank = i;
        int footerStart = lastBlank > 0 && lastBlank + 1 < lines.size() && FOOTER.matcher(lines.get(lastBlank + 1)).matches()
                ? lastBlank + 1 : lines.size();
        for (int i = 1; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.length() > MAX && !l.matches(".*https?://\\S+.*")) {
                out.add(new Violation(i >= footerStart ? "footer-max-line-length" : "body-max-line-length", true,
                        "line " + (i + 1) + " has " + l.length() + " characters; at most " + MAX));
            }
            if (l.matches("(?i)^breaking[ -]change:.*") && !l.startsWith("BREAKING CHANGE:") && !l.startsWith("BREAKING-CHANGE:")) {
                out.add(new Violation("footer-breaking-change", true, "write the footer token in upper case: `BREAKING CHANGE:` (line " + (i + 1) + ")"));
            }
        }
        for (int i = 2; i < footerStart; i++) {
            if (lines.get(i).matches("^(BREAKING CHANGE|BREAKING-CHANGE): .*") && !lines.get(i - 1).isBlank()) {
                out.add(new Violation("footer-leading-blank", false, "the footer must be separated from the body by a blank line"));
                break;
            }
        }
    }
}

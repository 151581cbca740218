package dev.dbtool.cli;

import java.util.regex.Pattern;

/**
 * Takes passwords out of text bound for the terminal or a log: the userinfo password of any URL
 * ({@code postgresql://u:secret@…}, {@code redis://:secret@…}) and {@code password=…} parameters. Every error and usage
 * message passes through it, since a mistyped option echoes the URL that follows it.
 */
final class Redaction {
    private static final Pattern URL_PASSWORD = Pattern.compile("(\\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\\s:/@'\"]*:)[^\\s@'\"]+@");
    private static final Pattern PARAMETER = Pattern.compile("(?i)\\b(password|passwd|sslpassword)=[^&\\s'\",]*");

    private Redaction() {}

    static String of(String text) {
        if (text == null) return null;
        String out = URL_PASSWORD.matcher(text).replaceAll("$1***@");
        return PARAMETER.matcher(out).replaceAll("$1=***");
    }
}

package dev.dbtool.generators.liquibase;

import dev.dbtool.core.diff.SchemaChange;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Readable, sortable changeset ids: UTC time to the second, then a slug of what changed ({@code 20261125141500-create-table-user}). */
public final class ChangeSetIds {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private ChangeSetIds() {}

    public static String of(Instant now, String slug) { return TIME.format(now) + "-" + slugify(slug); }

    /** A slug from the explicit name, else the model, else the first change. */
    public static String slugFor(String name, String model, List<SchemaChange> changes) {
        if (name != null && !name.isBlank()) return name;
        if (model != null) return model;
        if (changes.isEmpty()) return "changes";
        return changes.get(0).describe() + (changes.size() > 1 ? " and more" : "");
    }

    static String slugify(String text) {
        String s = text.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (s.length() > 48) s = s.substring(0, 48).replaceAll("-[^-]*$", "");
        return s.isEmpty() ? "changes" : s;
    }
}

package dev.dbtool.generators.commit;

import dev.dbtool.core.load.LoadedSchema;
import dev.dbtool.core.load.SchemaLoader;
import dev.dbtool.core.summary.SchemaEdit;
import dev.dbtool.core.summary.SchemaEdits;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Staged files → a Conventional Commits message. Type and scope come from what changed (schema, migrations,
 * seed, graphql, queue, cache, code, tests, docs, build, CI — the first present decides); a changed schema file is
 * compared with its committed version, and its semantic changes become the subject and body ("add model Post",
 * "make User.name optional"); changes that lose data add {@code !} and a {@code BREAKING CHANGE:} footer. The header
 * stays within 72 characters, imperative, without a trailing period.
 */
public final class CommitMessageGenerator {
    public static final int HEADER_MAX = 72;

    private CommitMessageGenerator() {}

    /** {@link IllegalArgumentException} when nothing is staged. */
    public static ConventionalMessage generate(List<StagedFile> staged) {
        if (staged.isEmpty()) throw new IllegalArgumentException("nothing is staged: stage changes with `git add` first");
        Map<Area, List<StagedFile>> byArea = new EnumMap<>(Area.class);
        for (StagedFile f : staged) byArea.computeIfAbsent(Area.of(f.path()), a -> new ArrayList<>()).add(f);
        Area primary = byArea.keySet().iterator().next();
        List<SchemaEdit> edits = new ArrayList<>();
        for (StagedFile f : byArea.getOrDefault(Area.SCHEMA, List.of())) edits.addAll(schemaEdits(f));
        boolean breaking = edits.stream().anyMatch(SchemaEdit::breaking);
        String type = primary.type;
        String scope = primary.scope;
        String subject;
        List<String> body = new ArrayList<>();
        if (primary == Area.SCHEMA && edits.isEmpty()) {
            type = "style";
            subject = "reformat the schema";
        } else if (primary == Area.SCHEMA) {
            edits.forEach(e -> body.add("- " + e.text()));
            subject = edits.get(0).text() + (edits.size() > 1 ? " and " + (edits.size() - 1) + " more change" + (edits.size() > 2 ? "s" : "") : "");
        } else {
            subject = describe(primary, byArea.get(primary));
        }
        if (scope == null && primary != Area.CODE) scope = commonScope(byArea.get(primary));
        if (byArea.size() > 1) {
            if (!body.isEmpty()) body.add("");
            for (Map.Entry<Area, List<StagedFile>> e : byArea.entrySet()) {
                if (e.getKey() == primary) continue;
                body.add("- also " + describe(e.getKey(), e.getValue()));
            }
        }
        String header = header(type, scope, breaking, subject);
        if (header.length() > HEADER_MAX) subject = edits.size() > 1 ? "change the schema (" + edits.size() + " changes)" : shorten(subject, type, scope, breaking);
        List<String> footers = new ArrayList<>();
        if (breaking) {
            footers.add("BREAKING CHANGE: " + String.join("; ", edits.stream().filter(SchemaEdit::breaking).map(SchemaEdit::text).toList()));
        }
        return new ConventionalMessage(type, scope, breaking, subject, List.copyOf(body), List.copyOf(footers));
    }

    private static String header(String type, String scope, boolean breaking, String subject) {
        return new ConventionalMessage(type, scope, breaking, subject, List.of(), List.of()).header();
    }

    private static String shorten(String subject, String type, String scope, boolean breaking) {
        int room = HEADER_MAX - header(type, scope, breaking, "").length();
        return subject.length() <= room ? subject : subject.substring(0, Math.max(1, room - 1)).stripTrailing() + "…";
    }

    private static List<SchemaEdit> schemaEdits(StagedFile f) {
        LoadedSchema before = SchemaLoader.load(f.path(), f.before() == null ? "" : f.before());
        LoadedSchema after = SchemaLoader.load(f.path(), f.after() == null ? "" : f.after());
        return SchemaEdits.between(before.schema(), after.schema());
    }

    private static String describe(Area area, List<StagedFile> files) {
        String what = switch (area) {
            case MIGRATIONS -> "migrations";
            case SEED -> "seed data";
            case GRAPHQL -> "the GraphQL API";
            case QUEUE -> "background jobs";
            case CACHE -> "the cache layer";
            case TEST -> "tests";
            case DOCS -> "documentation";
            case BUILD -> "the build";
            case CI -> "CI";
            case SCHEMA -> "the schema";
            case CODE -> files.size() == 1 ? files.get(0).path() : files.size() + " files";
        };
        boolean allAdded = files.stream().allMatch(f -> f.change() == StagedFile.Change.ADD);
        boolean allDeleted = files.stream().allMatch(f -> f.change() == StagedFile.Change.DELETE);
        String verb = allAdded ? "add" : allDeleted ? "remove" : "update";
        if (area == Area.MIGRATIONS && allAdded) {
            long changesets = files.stream().filter(f -> f.path().contains("/changes/")).count();
            if (changesets > 0) return "add " + changesets + " changeset" + (changesets == 1 ? "" : "s");
        }
        return verb + " " + what;
    }

    /** For docs, tests, build and CI: the one file or folder they share, as commitlint users write scopes. */
    private static String commonScope(List<StagedFile> files) {
        if (files.size() != 1) return null;
        String p = files.get(0).path();
        String name = p.substring(p.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
        int dot = name.indexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return base.matches("[a-z0-9-]+") ? base : null;
    }
}

package dev.dbtool.generators.graphql;

import dev.dbtool.generators.api.ApiSchema;
import dev.dbtool.generators.api.ApiType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renames the models and enums whose GraphQL name the API would define twice. civitai has models {@code Image} and
 * {@code ImageConnection}, and the API derives a type {@code ImageConnection} (the Relay connection) from {@code Image}:
 * GraphQL cannot hold both, so the model is exposed as {@code ImageConnectionModel}, with everything derived from it.
 * The derived names keep their conventions, so no other type changes.
 */
public final class SdlNameClashes {
    private static final Pattern DEFINITION = Pattern.compile("(?m)^(?:type|input|enum|scalar|interface|union) (\\w+)");

    /** More rounds than any schema needs (each renames one model or enum), so a rename loop cannot spin. */
    private static final int ROUNDS = 100;

    private SdlNameClashes() {}

    /** The schema with its clashes renamed, and one note per rename for the user. */
    /** {@code sdl}: the built-in template's SDL of {@code api} (null without an API), rendered once here for the generator. */
    public record Resolved(ApiSchema api, List<String> notes, String sdl) {}

    public static Resolved resolve(ApiSchema api) {
        List<String> notes = new ArrayList<>();
        if (!api.hasApi()) return new Resolved(api, List.of(), null);
        String sdl = SdlWriter.render(api);
        for (int round = 0; round < ROUNDS; round++) {
            String twice = duplicate(sdl);
            if (twice == null) break;
            String owner = owner(api, twice);
            if (owner == null) break; // SdlWriter.checked refuses it with the name
            boolean isEnum = api.enums().stream().anyMatch(e -> e.name().equals(owner));
            Set<String> taken = definitions(sdl);
            api.types().forEach(t -> taken.add(t.name()));
            api.enums().forEach(e -> taken.add(e.name()));
            String base = owner + (isEnum ? "Enum" : "Model");
            String to = base;
            for (int i = 2; taken.contains(to); i++) to = base + i;
            String why = why(api, owner, twice);
            notes.add("the " + (isEnum ? "enum" : "model") + " `" + owner + "` is `" + to + "` in the GraphQL API and its Java classes: " + why);
            api = api.renamed(owner, to, "The " + (isEnum ? "enum" : "model") + " `" + owner + "`, renamed: " + why + ".");
            sdl = SdlWriter.render(api);
        }
        return new Resolved(api, List.copyOf(notes), sdl);
    }

    /** The first name {@code sdl} defines twice, or null. */
    static String duplicate(String sdl) {
        Set<String> seen = new HashSet<>();
        Matcher m = DEFINITION.matcher(sdl);
        while (m.find()) if (!seen.add(m.group(1))) return m.group(1);
        return null;
    }

    private static Set<String> definitions(String sdl) {
        Set<String> names = new HashSet<>();
        Matcher m = DEFINITION.matcher(sdl);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    /**
     * Which model or enum gives way: the one named {@code twice} itself, else (two derived names meet: {@code Post}'s
     * {@code PostWhereInput} and {@code PostWhere}'s) the longest name {@code twice} derives from.
     */
    private static String owner(ApiSchema api, String twice) {
        List<String> names = new ArrayList<>();
        api.types().forEach(t -> names.add(t.name()));
        api.enums().forEach(e -> names.add(e.name()));
        if (names.contains(twice)) return twice;
        return names.stream().filter(twice::startsWith).max(Comparator.comparingInt(String::length)).orElse(null);
    }

    private static String why(ApiSchema api, String owner, String twice) {
        String from = api.types().stream().map(ApiType::name).filter(n -> !n.equals(owner) && twice.startsWith(n)).max(Comparator.comparingInt(String::length)).orElse(null);
        if (from == null) return "the API has a type `" + twice + "` of its own";
        return "the API derives a type `" + twice + "` from `" + from + "`";
    }
}

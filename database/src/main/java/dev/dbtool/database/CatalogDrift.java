package dev.dbtool.database;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The differences between two catalog dumps ({@link CatalogDump}), object by object: what the database has that the
 * schema does not, what the schema wants that the database lacks, and objects present in both but defined
 * differently.
 */
public record CatalogDrift(List<String> onlyInDatabase, List<String> onlyInSchema, List<Changed> changed) {
    public record Changed(String object, String database, String schema) {}

    public boolean isEmpty() { return onlyInDatabase.isEmpty() && onlyInSchema.isEmpty() && changed.isEmpty(); }

    public static CatalogDrift compare(List<String> database, List<String> schema) {
        Map<String, String> db = byObject(sameMeaning(database));
        Map<String, String> wanted = byObject(sameMeaning(schema));
        List<String> onlyDb = new ArrayList<>();
        List<String> onlySchema = new ArrayList<>();
        List<Changed> changed = new ArrayList<>();
        for (String key : new TreeSet<>(union(db, wanted))) {
            String a = db.get(key);
            String b = wanted.get(key);
            if (a == null) onlySchema.add(b);
            else if (b == null) onlyDb.add(a);
            else if (!a.equals(b)) changed.add(new Changed(key, a.substring(key.length()).strip(), b.substring(key.length()).strip()));
        }
        return new CatalogDrift(List.copyOf(onlyDb), List.copyOf(onlySchema), List.copyOf(changed));
    }

    /**
     * One spelling for what PostgreSQL stores two ways with the same effect, so a database made by hand does not drift
     * from its pulled schema: {@code UNIQUE} written in a table (a constraint over a unique index) and Prisma's unique
     * index are both the index line; {@code DEFAULT now()} is {@code DEFAULT CURRENT_TIMESTAMP}.
     */
    static List<String> sameMeaning(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            String[] parts = l.split(" ", 4);
            if (parts[0].equals("constraint") && parts.length == 4 && parts[3].startsWith("UNIQUE (")) continue;
            out.add(l.replace("DEFAULT now()", "DEFAULT CURRENT_TIMESTAMP"));
        }
        return out;
    }

    private static java.util.Set<String> union(Map<String, String> a, Map<String, String> b) {
        java.util.Set<String> s = new java.util.HashSet<>(a.keySet());
        s.addAll(b.keySet());
        return s;
    }

    /** The object a dump line describes: kind and qualified name (constraints: also their table). */
    static String objectOf(String line) {
        String[] parts = line.split(" ", 4);
        if (parts[0].equals("constraint") && parts.length >= 3) return parts[0] + " " + parts[1] + " " + parts[2];
        return parts.length >= 2 ? parts[0] + " " + parts[1] : line;
    }

    private static Map<String, String> byObject(List<String> lines) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String l : lines) m.put(objectOf(l), l);
        return m;
    }
}

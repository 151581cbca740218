package dev.dbtool.core.physical;

/**
 * An extension the database has: its name, and where given the schema it lives in and its version (null: the
 * server's default). Two states have the same extension when the names match.
 */
public record DbExtension(String name, String schema, String version) {
    public static DbExtension named(String name) { return new DbExtension(name, null, null); }
}

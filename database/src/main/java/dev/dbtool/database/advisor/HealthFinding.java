package dev.dbtool.database.advisor;

/** An existing-index problem pg-index-health found: its kind, table, index (or foreign key) and a detail. */
public record HealthFinding(Kind kind, String table, String name, String detail, long sizeBytes) {
    public enum Kind { UNUSED_INDEX, DUPLICATE_INDEXES, OVERLAPPING_INDEXES, FOREIGN_KEY_WITHOUT_INDEX, INVALID_INDEX, BLOATED_INDEX }
}

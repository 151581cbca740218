package dev.dbtool.core.model;

/** A field of an id, unique or index, with its sort order and operator class ({@code ops}), if given. */
public record IndexField(String field, SortOrder sort, String operatorClass) {
    public static IndexField of(String field) { return new IndexField(field, null, null); }
}

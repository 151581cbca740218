package dev.dbtool.core.summary;

/** One change between two versions of a schema, in the schema's own terms ("add model Post"); {@code breaking} loses data or API. */
public record SchemaEdit(String text, boolean breaking) {}

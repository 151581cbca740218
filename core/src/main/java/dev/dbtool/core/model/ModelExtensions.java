package dev.dbtool.core.model;

/**
 * dbtool's block attributes beyond Prisma: {@code @@cache(ttl)} (seconds, null when not cached),
 * {@code @@auth(read, write)} scopes, {@code @@seed(count)}.
 */
public record ModelExtensions(Integer cacheTtlSeconds, String readScope, String writeScope, Integer seedCount) {
    public static final ModelExtensions NONE = new ModelExtensions(null, null, null, null);
}

package dev.dbtool.runtime;

/**
 * Runtime settings of the generated API. The limits' defaults come from the schema's generator block
 * ({@code maxDepth}, {@code maxComplexity}, {@code maxPageSize}); see {@code Api.defaultConfig()}.
 */
public record ApiConfig(KeyRing keyRing, PasswordHasher passwordHasher, int maxDepth, int maxComplexity, int maxPageSize) {
    public ApiConfig withKeyRing(KeyRing k) { return new ApiConfig(k, passwordHasher, maxDepth, maxComplexity, maxPageSize); }

    public ApiConfig withPasswordHasher(PasswordHasher h) { return new ApiConfig(keyRing, h, maxDepth, maxComplexity, maxPageSize); }

    public ApiConfig withLimits(int depth, int complexity, int pageSize) { return new ApiConfig(keyRing, passwordHasher, depth, complexity, pageSize); }
}

package dev.dbtool.runtime;

/**
 * Runtime settings of the generated API. Query limits: {@code maxDepth}, {@code maxComplexity} (an estimate of the rows
 * a query may return), {@code maxPageSize} (from the schema's generator block), and per document {@code maxAliases},
 * {@code maxFields} (field selections once fragments are expanded) and {@code maxTokens}, as GraphQL Armor counts them.
 * {@code introspection} says who may introspect; {@code trustedDocuments}, when set, is the only documents that run.
 */
public record ApiConfig(KeyRing keyRing, PasswordHasher passwordHasher, int maxDepth, int maxComplexity, int maxPageSize, int maxAliases,
                        int maxFields, int maxTokens, Introspection introspection, TrustedDocuments trustedDocuments) {
    public static final int DEFAULT_MAX_ALIASES = 20;
    public static final int DEFAULT_MAX_FIELDS = 500;
    public static final int DEFAULT_MAX_TOKENS = 2000;

    /** Who may run introspection queries ({@code __schema}, {@code __type}). */
    public record Introspection(boolean enabled, String scope) {
        public static final Introspection ON = new Introspection(true, null);
        public static final Introspection OFF = new Introspection(false, null);

        /** Only principals with this scope. */
        public static Introspection scope(String scope) { return new Introspection(true, scope); }

        public boolean allows(Principal p) { return enabled && (scope == null || p.has(scope)); }

        /** {@code on}, {@code off} or {@code scope:NAME}, as {@code GRAPHQL_INTROSPECTION} spells it. */
        public static Introspection parse(String text) {
            String t = text.trim();
            if (t.equalsIgnoreCase("on") || t.equalsIgnoreCase("true")) return ON;
            if (t.equalsIgnoreCase("off") || t.equalsIgnoreCase("false")) return OFF;
            if (t.startsWith("scope:") && t.length() > 6) return scope(t.substring(6));
            throw new IllegalArgumentException("GRAPHQL_INTROSPECTION is on, off or scope:NAME, found `" + text + "`");
        }
    }

    /** The limits of the generator block, the document limits' defaults, introspection on, any document. */
    public ApiConfig(KeyRing keyRing, PasswordHasher passwordHasher, int maxDepth, int maxComplexity, int maxPageSize) {
        this(keyRing, passwordHasher, maxDepth, maxComplexity, maxPageSize, DEFAULT_MAX_ALIASES, DEFAULT_MAX_FIELDS, DEFAULT_MAX_TOKENS,
                Introspection.ON, null);
    }

    /**
     * For a server: {@code GRAPHQL_INTROSPECTION} ({@code off} unless set: production servers do not describe themselves),
     * {@code TRUSTED_DOCUMENTS} (a manifest file; unset: any document), {@code GRAPHQL_MAX_ALIASES},
     * {@code GRAPHQL_MAX_FIELDS}, {@code GRAPHQL_MAX_TOKENS}.
     */
    public static ApiConfig fromEnvironment(KeyRing keyRing, int maxDepth, int maxComplexity, int maxPageSize) {
        String introspection = System.getenv("GRAPHQL_INTROSPECTION");
        return new ApiConfig(keyRing, PasswordHasher.defaults(), maxDepth, maxComplexity, maxPageSize, intEnv("GRAPHQL_MAX_ALIASES", DEFAULT_MAX_ALIASES),
                intEnv("GRAPHQL_MAX_FIELDS", DEFAULT_MAX_FIELDS), intEnv("GRAPHQL_MAX_TOKENS", DEFAULT_MAX_TOKENS),
                introspection == null || introspection.isBlank() ? Introspection.OFF : Introspection.parse(introspection), TrustedDocuments.fromEnvironment());
    }

    public ApiConfig withKeyRing(KeyRing k) {
        return new ApiConfig(k, passwordHasher, maxDepth, maxComplexity, maxPageSize, maxAliases, maxFields, maxTokens, introspection, trustedDocuments);
    }

    public ApiConfig withPasswordHasher(PasswordHasher h) {
        return new ApiConfig(keyRing, h, maxDepth, maxComplexity, maxPageSize, maxAliases, maxFields, maxTokens, introspection, trustedDocuments);
    }

    public ApiConfig withLimits(int depth, int complexity, int pageSize) {
        return new ApiConfig(keyRing, passwordHasher, depth, complexity, pageSize, maxAliases, maxFields, maxTokens, introspection, trustedDocuments);
    }

    public ApiConfig withDocumentLimits(int aliases, int fields, int tokens) {
        return new ApiConfig(keyRing, passwordHasher, maxDepth, maxComplexity, maxPageSize, aliases, fields, tokens, introspection, trustedDocuments);
    }

    public ApiConfig withIntrospection(Introspection i) {
        return new ApiConfig(keyRing, passwordHasher, maxDepth, maxComplexity, maxPageSize, maxAliases, maxFields, maxTokens, i, trustedDocuments);
    }

    public ApiConfig withTrustedDocuments(TrustedDocuments t) {
        return new ApiConfig(keyRing, passwordHasher, maxDepth, maxComplexity, maxPageSize, maxAliases, maxFields, maxTokens, introspection, t);
    }

    /** The parser's limits for this configuration: documents beyond {@code maxTokens} are refused while parsing. */
    public graphql.parser.ParserOptions parserOptions() {
        return graphql.parser.ParserOptions.getDefaultOperationParserOptions().transform(b -> b.maxTokens(maxTokens).maxWhitespaceTokens(Math.max(maxTokens * 10, 20_000))
                .maxCharacters(1 << 20).maxRuleDepth(Math.max(100, maxDepth * 10)));
    }

    private static int intEnv(String name, int fallback) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) return fallback;
        try {
            int n = Integer.parseInt(v.trim());
            if (n < 1) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a positive whole number, found `" + v + "`");
        }
    }
}

package dev.dbtool.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Depth and complexity are checked before anything runs, with the codes clients see. */
class LimitsTest {
    static final String SDL = """
            type Query { users(first: Int): UserConnection! user: User }
            type Mutation { touch: Int }
            type UserConnection { edges: [UserEdge!]! totalCount: Int! }
            type UserEdge { node: User! cursor: String! }
            type User { id: ID! name: String posts(first: Int): [Post!]! }
            type Post { id: ID! title: String author: User! }
            """;

    static GraphQL graphQL(int maxDepth, int maxComplexity) { return graphQL(maxDepth, maxComplexity, 20, 500); }

    static GraphQL graphQL(int maxDepth, int maxComplexity, int maxAliases, int maxFields) {
        var schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL),
                RuntimeWiring.newRuntimeWiring().type("Query", t -> t.dataFetcher("users", env -> Map.of("edges", List.of(), "totalCount", 0))
                        .dataFetcher("user", env -> null)).build());
        ApiConfig config = new ApiConfig(null, null, maxDepth, maxComplexity, 100).withDocumentLimits(maxAliases, maxFields, 2000);
        return GraphQL.newGraphQL(schema).instrumentation(Limits.instrumentation(config)).build();
    }

    static String code(ExecutionResult r) {
        return r.getErrors().stream().map(e -> e.getExtensions() == null ? "no code: " + e.getMessage() : String.valueOf(e.getExtensions().get("code")))
                .findFirst().orElse(null);
    }

    @Test
    void pagesMultiplyTheirChildren() {
        // users(first: 20) { edges { node { posts(first: 10) { title } } } }: 1 + 20 × (1 + 1 + (1 + 10 × 1)) = 261
        String q = "{ users(first: 20) { edges { node { posts(first: 10) { title } } } } }";
        assertEquals(null, code(graphQL(10, 261).execute(q)), "exactly at the limit runs");
        ExecutionResult over = graphQL(10, 260).execute(q);
        assertEquals("QUERY_TOO_COMPLEX", code(over));
        assertTrue(over.getErrors().get(0).getMessage().contains("261"), over.getErrors().toString());
    }

    @Test
    void depthIsCountedFromTheRoot() {
        String deep = "{ user { posts { author { posts { author { name } } } } } }";
        assertEquals("QUERY_TOO_DEEP", code(graphQL(4, 10_000).execute(deep)));
        assertEquals(null, code(graphQL(6, 10_000).execute(deep)));
        assertEquals(List.of(), graphQL(6, 10_000).execute("{ user { name } }").getErrors());
    }

    @Test
    void aliasesCannotWrapTheCostAroundAndAreCountedThemselves() {
        // each alias alone costs 1 + 100 × (1 + (1 + 1000 × (1 + 1000 × 2))) ≈ 2e8; 22 of them overflowed an int below the limit
        StringBuilder q = new StringBuilder("{");
        for (int i = 0; i < 22; i++) q.append(" a").append(i).append(": users(first: 100) { edges { node { posts(first: 1000) { author { posts(first: 1000) { id } } } } } }");
        q.append(" }");
        assertEquals("QUERY_TOO_COMPLEX", code(graphQL(10, 10_000, 100, 10_000).execute(q.toString())));
        assertEquals("QUERY_TOO_MANY_ALIASES", code(graphQL(10, Integer.MAX_VALUE, 20, 10_000).execute(q.toString())));
        assertEquals(Long.MAX_VALUE, Limits.multiply(Long.MAX_VALUE / 2, 3));
        assertEquals(Long.MAX_VALUE, Limits.add(Long.MAX_VALUE - 1, 2));
    }

    @Test
    void fragmentsAreExpandedWhenFieldsAreCounted() {
        String q = "fragment U on User { id name } { user { ...U posts { author { ...U } } } }";
        // user, id, name, posts, author, id, name: the fragment counts where it is spread
        assertEquals("QUERY_TOO_LARGE", code(graphQL(10, 10_000, 20, 6).execute(q)));
        assertEquals(null, code(graphQL(10, 10_000, 20, 7).execute(q)));
    }

    @Test
    void fragmentsSpreadTwiceAtEveryLevelAreRefusedQuickly() {
        // 2^30 field selections once expanded: the count stops as soon as it passes the limit
        StringBuilder q = new StringBuilder("{ user { ...F0 } }");
        for (int i = 0; i < 30; i++) q.append(" fragment F").append(i).append(" on User { posts { author { ...F").append(i + 1).append(" } } author2: posts { author { ...F").append(i + 1).append(" } } }");
        q.append(" fragment F30 on User { id }");
        long start = System.nanoTime();
        String code = code(graphQL(100, Integer.MAX_VALUE, 10_000, 500).execute(q.toString()));
        assertTrue(code != null && !code.equals("no code"), code);
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "answered in under 5 s");
    }

    @Test
    void documentsBeyondTheTokenLimitAreRefusedWhileParsing() {
        ApiConfig config = new ApiConfig(null, null, 10, 10_000, 100).withDocumentLimits(20, 500, 100);
        GraphQL g = graphQL(10, 10_000);
        String big = "{ user { " + "id ".repeat(200) + "} }";
        var tooBig = graphql.ExecutionInput.newExecutionInput().query(big)
                .graphQLContext(Map.of(graphql.parser.ParserOptions.class, config.parserOptions())).build();
        var r = g.execute(tooBig);
        assertEquals(graphql.ErrorType.InvalidSyntax, r.getErrors().get(0).getErrorType(), r.getErrors().toString());
        assertTrue(r.getErrors().get(0).getMessage().contains("100"), r.getErrors().toString());
    }
}

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
            type UserConnection { edges: [UserEdge!]! totalCount: Int! }
            type UserEdge { node: User! cursor: String! }
            type User { id: ID! name: String posts(first: Int): [Post!]! }
            type Post { id: ID! title: String author: User! }
            """;

    static GraphQL graphQL(int maxDepth, int maxComplexity) {
        var schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL),
                RuntimeWiring.newRuntimeWiring().type("Query", t -> t.dataFetcher("users", env -> Map.of("edges", List.of(), "totalCount", 0))
                        .dataFetcher("user", env -> null)).build());
        return GraphQL.newGraphQL(schema).instrumentation(Limits.instrumentation(maxDepth, maxComplexity)).build();
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
}

package dev.dbtool.cli.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtool.cli.Environment;
import dev.dbtool.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gql-type} and {@code gql-query} as a user runs them: files, generation gap, errors, the blog's golden sources. */
class GqlCommandsTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    @TempDir Path dir;

    record Result(int code, String out, String err) {}

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Environment env = new Environment(dir, new HashMap<>(Map.of()), new PrintWriter(out, true), new PrintWriter(err, true), false);
        return new Result(Main.run(env, args), out.toString(), err.toString());
    }

    static final String SCHEMA = """
            generator java {
              provider = "dbtool-java"
              output   = "./src/main/java"
              package  = "com.acme.shop"
            }

            datasource db {
              provider = "postgresql"
              url      = env("DATABASE_URL")
            }

            model Customer {
              id     Int     @id @default(autoincrement())
              email  String  @unique @validate(email)
              orders Order[]
            }

            model Order {
              id         String   @id @default(uuid()) @db.Uuid
              total      Decimal  @db.Decimal(10, 2)
              customerId Int
              customer   Customer @relation(fields: [customerId], references: [id])
            }

            view Revenue {
              day   DateTime @unique
              total Decimal
            }

            view Daily {
              day   DateTime
              total Decimal
            }
            """;

    Path generated(String name) { return dir.resolve("src/main/java/com/acme/shop/generated/" + name); }

    Path scaffold(String name) { return dir.resolve("src/main/java/com/acme/shop/api/" + name); }

    @Test
    void blogGeneratedSourcesAreCurrent() {
        Result r = run("gql-type", "--check", "--schema", ROOT.resolve("examples/blog/schema.prisma").toString());
        assertEquals(0, r.code, "run `./dbtool gql-type --schema examples/blog/schema.prisma` and review the diff:\n" + r.out + r.err);
    }

    @Test
    void springBlogGeneratedSourcesAreCurrent() {
        Result r = run("gql-type", "--check", "--schema", ROOT.resolve("examples/spring-blog/schema.prisma").toString());
        assertEquals(0, r.code, "run `./dbtool gql-type --schema examples/spring-blog/schema.prisma` and review the diff:\n" + r.out + r.err);
    }

    @Test
    void writesTypesOperationsAndTheSelectionFile() throws Exception {
        Files.writeString(dir.resolve("schema.prisma"), SCHEMA);
        Result r = run("gql-query", "customers");
        assertEquals(0, r.code, r.err);
        assertTrue(r.err.contains("customers: list Customer"), r.err);
        assertTrue(Files.exists(generated("Customer.java")));
        assertTrue(Files.exists(generated("CustomerRepository.java")));
        assertTrue(Files.exists(generated("CustomersResolverBase.java")));
        assertTrue(Files.exists(scaffold("CustomersResolver.java")));
        assertTrue(Files.readString(dir.resolve("schema.graphql")).contains("customers(where: CustomerWhereInput"));
        assertFalse(Files.exists(generated("Order.java")), "only the selected types");
        assertEquals("""
                {
                  "types" : [ "Customer" ],
                  "operations" : [ {
                    "name" : "customers",
                    "kind" : "list",
                    "model" : "Customer"
                  } ]
                }
                """, Files.readString(dir.resolve("dbtool-api.json")));

        assertEquals(0, run("gql-query", "createOrder").code);
        String sdl = Files.readString(dir.resolve("schema.graphql"));
        assertTrue(sdl.contains("orders(where: OrderWhereInput, first: Int, orderBy: [OrderOrderByInput!], cursor: OrderWhereUniqueInput, skip: Int): [Order!]!"), "the relation appears once both sides are types: " + sdl);
        assertTrue(sdl.contains("createOrder(data: OrderCreateInput!): Order!"), sdl);
        assertTrue(Files.readString(generated("Api.java")).contains("\"Mutation\""));

        Result again = run("gql-type");
        assertEquals(0, again.code, again.err);
        assertEquals("", again.out, "nothing changed, nothing written");
        assertEquals(0, run("gql-type", "--check").code);
    }

    @Test
    void scaffoldsAreWrittenOnceAndGeneratedFilesAlwaysRewritten() throws Exception {
        Files.writeString(dir.resolve("schema.prisma"), SCHEMA);
        assertEquals(0, run("gql-query", "customer").code);
        String mine = Files.readString(scaffold("CustomerResolver.java")).replace("super(api);", "super(api);\n        // my rule");
        Files.writeString(scaffold("CustomerResolver.java"), mine);
        Files.writeString(generated("Customer.java"), Files.readString(generated("Customer.java")) + "// edited\n");
        Result check = run("gql-type", "--check");
        assertEquals(1, check.code);
        assertTrue(check.out.contains("stale") && check.out.contains("Customer.java"), check.out);
        Result r = run("gql-type", "Customer");
        assertEquals(0, r.code, r.err);
        assertEquals(mine, Files.readString(scaffold("CustomerResolver.java")), "the user's scaffold is never overwritten");
        assertFalse(Files.readString(generated("Customer.java")).contains("// edited"));
    }

    @Test
    void neverOverwritesAFileDbtoolDidNotWrite() throws Exception {
        Files.writeString(dir.resolve("schema.prisma"), SCHEMA);
        Files.createDirectories(generated(""));
        Files.writeString(generated("Customer.java"), "package com.acme.shop.generated;\npublic record Customer(int mine) {}\n");
        Result r = run("gql-type", "Customer");
        assertEquals(1, r.code);
        assertTrue(r.err.contains("Customer.java: not written by dbtool"), r.err);
        assertTrue(Files.readString(generated("Customer.java")).contains("int mine"));
    }

    @Test
    void removesGeneratedFilesNoLongerSelected() throws Exception {
        Files.writeString(dir.resolve("schema.prisma"), SCHEMA);
        assertEquals(0, run("gql-query", "customers").code);
        assertEquals(0, run("gql-query", "deleteCustomer").code);
        String json = Files.readString(dir.resolve("dbtool-api.json"));
        Files.writeString(dir.resolve("dbtool-api.json"), json.replaceAll("(?s), \\{\\s*\"name\" : \"deleteCustomer\".*?\\}", ""));
        Result r = run("gql-type");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("removed") && r.out.contains("DeleteCustomerResolverBase.java"), r.out);
        assertFalse(Files.exists(generated("DeleteCustomerResolverBase.java")));
    }

    @Test
    void clearErrorsForWhatCannotBeGenerated() throws Exception {
        Files.writeString(dir.resolve("schema.prisma"), SCHEMA);
        Result unknown = run("gql-type", "Custmer");
        assertEquals(1, unknown.code);
        assertTrue(unknown.err.contains("there is no model `Custmer` in the schema (did you mean `Customer`?)"), unknown.err);
        // a view is served read only, named by its @unique; a write on it, or a view without one, is refused
        Result view = run("gql-query", "createRevenue", "--model", "Revenue", "--kind", "create");
        assertEquals(1, view.code);
        assertTrue(view.err.contains("Revenue is a view, read only"), view.err);
        Result noKey = run("gql-type", "Daily");
        assertEquals(1, noKey.code);
        assertTrue(noKey.err.contains("`Daily` is a view without an @id or a single-field @unique"), noKey.err);
        assertEquals(0, run("gql-query", "revenues").code, "a view's list is inferred from its name");
        Result vague = run("gql-query", "bestCustomers");
        assertEquals(2, vague.code);
        assertTrue(vague.err.contains("pass --model and --kind"), vague.err);
        Result kind = run("gql-query", "bestCustomers", "--model", "Customer", "--kind", "top");
        assertEquals(2, kind.code);
        assertEquals(0, run("gql-query", "bestCustomers", "--model", "Customer", "--kind", "list").code);
        Files.writeString(dir.resolve("dbtool-api.json"), "{ not json");
        Result broken = run("gql-type");
        assertEquals(1, broken.code);
        assertTrue(broken.err.contains("dbtool-api.json:1:1: error:"), broken.err);
        for (Result x : new Result[] {unknown, view, noKey, vague, kind, broken}) assertFalse(x.err.contains("Exception"), x.err);
    }

    @Test
    void cacheSetupNeedsTypesAndCachedModelsAndKnownQueries() throws Exception {
        Files.writeString(dir.resolve("schema.prisma"), SCHEMA);
        Result none = run("cache-setup");
        assertEquals(1, none.code);
        assertTrue(none.err.contains("run `dbtool gql-type` or `dbtool gql-query` first"), none.err);
        assertEquals(0, run("gql-query", "customers").code);
        Result noTtl = run("cache-setup");
        assertEquals(1, noTtl.code);
        assertTrue(noTtl.err.contains("@@cache(ttl: …)") && noTtl.err.contains("--all"), noTtl.err);
        Result unknown = run("cache-setup", "--all", "--query", "orders");
        assertEquals(1, unknown.code);
        assertTrue(unknown.err.contains("there is no query field `orders`"), unknown.err);
        Result ok = run("cache-setup", "--all", "--query", "customers");
        assertEquals(0, ok.code, ok.err);
        assertTrue(Files.readString(generated("ApiCache.java")).contains("Customer (60 s)"));
        assertTrue(Files.exists(generated("ModelCache.java")) && Files.exists(generated("SessionStore.java")));
        assertTrue(Files.readString(dir.resolve("dbtool-api.json")).contains("\"queries\" : [ \"customers\" ]"));
        assertTrue(Files.readString(generated("CustomersResolverBase.java")).contains("api.cache().customer().page("));
        assertEquals(0, run("gql-type", "--check").code, "gql-type keeps the cache layer");
        assertEquals(0, run("cache-setup", "--out", "elsewhere").code);
        assertTrue(Files.exists(dir.resolve("elsewhere/com/acme/shop/generated/ApiCache.java")), "--out writes to another source root");
    }

    @Test
    void aMustacheTemplateReplacesTheBuiltInSdl() throws Exception {
        Files.writeString(dir.resolve("schema.prisma"), SCHEMA.replace("  package  = \"com.acme.shop\"\n", "  package  = \"com.acme.shop\"\n  templates = \"./templates\"\n"));
        Files.createDirectories(dir.resolve("templates"));
        Files.writeString(dir.resolve("templates/schema.graphql.mustache"), """
                # house style
                {{#sdl.types}}
                type {{name}} {
                {{#fields}}
                  {{name}}: {{type}}
                {{/fields}}
                }
                {{/sdl.types}}
                type Query {
                {{#sdl.queries}}
                  {{name}}{{arguments}}: {{type}}
                {{/sdl.queries}}
                }
                """);
        Result r = run("gql-query", "customer");
        assertEquals(0, r.code, r.err);
        String sdl = Files.readString(dir.resolve("schema.graphql"));
        assertTrue(sdl.startsWith("# house style\ntype Customer {\n  id: Int!\n  email: String!\n"), sdl);
        assertTrue(sdl.contains("customer(id: Int, email: String): Customer"), sdl);
        assertTrue(Files.readString(generated("Api.java")).contains("# house style"), "the API serves the same SDL");
        Files.writeString(dir.resolve("templates/schema.graphql.mustache"), "{{#sdl.types}}unclosed");
        Result broken = run("gql-type");
        assertEquals(1, broken.code);
        assertTrue(broken.err.contains("templates/schema.graphql.mustache:1:1: error:"), broken.err);
    }

    @Test
    void helpShowsExamples() {
        assertTrue(run("gql-type", "--help").out.contains("dbtool gql-type User"));
        assertTrue(run("gql-query", "--help").out.contains("dbtool gql-query feed --model Post --kind list"));
        assertTrue(run("cache-setup", "--help").out.contains("dbtool cache-setup --all --query users"));
    }
}

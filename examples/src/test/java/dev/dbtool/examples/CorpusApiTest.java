package dev.dbtool.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtool.cli.Environment;
import dev.dbtool.cli.Main;
import dev.dbtool.cli.support.Corpus;
import dev.dbtool.core.load.SchemaLoader;
import dev.dbtool.database.seed.CopyLoader;
import dev.dbtool.generators.seed.SeedOptions;
import dev.dbtool.generators.seed.SeedPlanner;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Every real-world schema of {@code shared/corpus} gets a working GraphQL API: {@code gql-type --all --crud} accepts
 * it, the generated Java compiles with every lint warning an error, and, run against the database Prisma's own DDL
 * builds (seeded by dbtool), every list with every scalar field and every relation one level down answers without an
 * error, its {@code totalCount} equal to the aggregate's count, and its first row read back by its key. The schemas are read in place; only a copy of each goes to a temporary folder, where gql-type writes.
 */
class CorpusApiTest {
    /**
     * What gql-type says of schemas whose GraphQL names would clash: civitai has models {@code Image} and
     * {@code ImageConnection}, and the API derives a type {@code ImageConnection} (the Relay connection) from {@code Image}.
     */
    static final Map<String, List<String>> NOTES = Map.of(
            "civitai", List.of("note: the model `ImageConnection` is `ImageConnectionModel` in the GraphQL API"),
            "name-clash", List.of("note: the model `ImageConnection` is `ImageConnectionModel` in the GraphQL API",
                    "note: the enum `PostRelation` is `PostRelationEnum` in the GraphQL API"));

    /** The project's own schemas of this kind (each with Prisma's DDL in expected.sql), run with the corpus's. */
    static final Path OWN = Path.of("src/test/api-schemas");

    /** Generated files past which a schema is only generated here, not compiled and run (unless {@code dbtool.corpus.all}). */
    static final int LARGE = 4_000;

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> everyCorpusSchemaGetsAWorkingApi() throws Exception {
        List<Path> schemas = new ArrayList<>();
        try (Stream<Path> own = Files.list(OWN)) {
            own.sorted().forEach(schemas::add);
        }
        if (Corpus.root() != null) schemas.addAll(Corpus.schemas());
        else System.out.println("CorpusApiTest: only the project's own schemas: " + Corpus.whyMissing());
        String only = System.getProperty("dbtool.corpus", "");
        return schemas.stream().filter(d -> only.isEmpty() || d.getFileName().toString().equals(only)).map(d -> DynamicTest.dynamicTest(d.getFileName().toString(), () -> check(d)));
    }

    private void check(Path corpusDir) throws Exception {
        String name = corpusDir.getFileName().toString();
        Path work = dir.resolve(name);
        Files.createDirectories(work);
        Files.copy(corpusDir.resolve("schema.prisma"), work.resolve("schema.prisma"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Environment env = new Environment(work, new HashMap<>(), new PrintWriter(out, true), new PrintWriter(err, true), false);
        int code = Main.run(env, "gql-type", "--all", "--crud");
        assertEquals(0, code, name + ": gql-type refused the schema\n" + err);
        for (String note : NOTES.getOrDefault(name, List.of())) assertTrue(err.toString().contains(note), name + ": " + err);

        Path classes = work.resolve("classes");
        long files;
        try (Stream<Path> walk = Files.walk(work.resolve("src/main/java"))) {
            files = walk.filter(p -> p.toString().endsWith(".java")).count();
        }
        if (files > LARGE && !Boolean.getBoolean("dbtool.corpus.all")) {
            // minutes of javac on two cores (civitai: ~8,000 files, 240 s); bench/corpus-api.sh runs it
            System.out.println("CorpusApiTest " + name + ": generated " + files + " files; compiled only with -Ddbtool.corpus.all=true (bench/corpus-api.sh)");
            Assumptions.abort(name + ": " + files + " generated files; run with -Ddbtool.corpus.all=true");
        }
        compile(name, work.resolve("src/main/java"), classes);

        var schema = SchemaLoader.load(work.resolve("schema.prisma")).schema();
        // generated and compiled above; only the run against Prisma's database needs the schema's extensions
        String url = PrismaDatabases.create("corpus_api", corpusDir, schema, "CorpusApiTest", "API compiled, not run");
        try (Connection c = DriverManager.getConnection(url)) {
            CopyLoader.load(c, List.of(), SeedPlanner.plan(schema, new SeedOptions(7, 2)), n -> { });
        }

        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> apiClass = loader.loadClass("com.example.app.generated.Api");
            Class<?> configClass = loader.loadClass("com.example.app.generated.ApiConfig");
            Class<?> principalClass = loader.loadClass("com.example.app.generated.Principal");
            Object api = apiClass.getMethod("create", DataSource.class, configClass).invoke(null, ds, apiClass.getMethod("defaultConfig").invoke(null));
            Object anonymous = principalClass.getField("ANONYMOUS").get(null);
            Method execute = apiClass.getMethod("execute", String.class, String.class, Map.class, principalClass);
            GraphQL graphQL = (GraphQL) apiClass.getMethod("graphQL").invoke(api);
            GraphQLObjectType query = graphQL.getGraphQLSchema().getQueryType();
            int lists = 0;
            for (GraphQLFieldDefinition f : query.getFieldDefinitions()) {
                GraphQLType type = GraphQLTypeUtil.unwrapAll(f.getType());
                // a list is a Relay connection (a model may itself be called `…Connection`)
                if (!(type instanceof GraphQLObjectType conn) || conn.getFieldDefinition("edges") == null || conn.getFieldDefinition("pageInfo") == null) continue;
                GraphQLObjectType node = (GraphQLObjectType) GraphQLTypeUtil.unwrapAll(conn.getFieldDefinition("edges").getType());
                node = (GraphQLObjectType) GraphQLTypeUtil.unwrapAll(node.getFieldDefinition("node").getType());
                // a wide type's relations go in several documents, each inside the API's default token limit (civitai's
                // User has ~100 relations); the first one's selection is what the get below reads back
                List<String> selections = selections(node);
                String selection = selections.get(0);
                Map<String, Object> list = null;
                for (String part : selections) {
                    String document = "{ list: " + f.getName() + "(first: 3) { totalCount edges { node { " + part + " } } } }";
                    Map<String, Object> page = map(run(execute, api, anonymous, name, document).get("list"));
                    if (list == null) list = page;
                    assertEquals(((List<?>) list.get("edges")).size(), ((List<?>) page.get("edges")).size(), name + ": " + document);
                }
                int total = ((Number) list.get("totalCount")).intValue();
                List<?> edges = (List<?>) list.get("edges");
                assertEquals(Math.min(3, total), edges.size(), name + ": " + f.getName());
                lists++;
                String typeName = node.getName();
                // found by type, not name: a renamed model (ImageConnectionModel) keeps its operations' names (aggregateImageConnection)
                GraphQLFieldDefinition aggregate = query.getFieldDefinitions().stream()
                        .filter(q -> GraphQLTypeUtil.unwrapAll(q.getType()).getName().equals(typeName + "Aggregate")).findFirst().orElse(null);
                if (aggregate != null) {
                    Map<String, Object> agg = run(execute, api, anonymous, name, "{ a: " + aggregate.getName() + " { _count { _all } } }");
                    assertEquals(total, ((Number) map(map(agg.get("a")).get("_count")).get("_all")).intValue(), name + ": " + aggregate.getName());
                }
                if (edges.isEmpty()) continue;
                Map<String, Object> first = map(map(edges.get(0)).get("node"));
                GraphQLFieldDefinition get = query.getFieldDefinitions().stream()
                        .filter(q -> GraphQLTypeUtil.unwrapOne(q.getType()) instanceof GraphQLObjectType o && o.getName().equals(typeName)).findFirst().orElse(null);
                if (get == null || get.getArguments().isEmpty() || get.getArguments().stream().anyMatch(a -> !first.containsKey(a.getName()))) continue;
                // the key's arguments come first (several for a composite key), then single-field uniques: the
                // shortest leading run of them the field accepts names the row
                ExecutionResult got = null;
                String one = null;
                Map<String, Object> vars = new HashMap<>();
                for (int n = 1; n <= get.getArguments().size() && (got == null || !got.getErrors().isEmpty()); n++) {
                    vars.clear();
                    StringBuilder params = new StringBuilder();
                    StringBuilder args = new StringBuilder();
                    for (GraphQLArgument a : get.getArguments().subList(0, n)) {
                        vars.put(a.getName(), first.get(a.getName()));
                        params.append(params.length() > 0 ? ", " : "").append('$').append(a.getName()).append(": ").append(GraphQLTypeUtil.simplePrint(a.getType()));
                        args.append(args.length() > 0 ? ", " : "").append(a.getName()).append(": $").append(a.getName());
                    }
                    one = "query(" + params + ") { one: " + get.getName() + "(" + args + ") { " + selection + " } }";
                    got = (ExecutionResult) execute.invoke(api, one, null, vars, anonymous);
                }
                assertTrue(got.getErrors().isEmpty(), name + ": " + one + "\n" + got.getErrors());
                assertEquals(first, map(got.getData()).get("one"), name + ": " + get.getName() + " by its key " + vars);
            }
            assertTrue(lists > 0, name + ": no list field");
            // an own schema's checks/NAME.graphql documents run in order, each answering checks/NAME.json: its data, and its
            // errors' messages and codes when there are any
            Path checks = corpusDir.resolve("checks");
            if (Files.isDirectory(checks)) {
                List<Path> documents;
                try (Stream<Path> listing = Files.list(checks)) {
                    documents = listing.filter(p -> p.toString().endsWith(".graphql")).sorted().toList();
                }
                var json = new com.fasterxml.jackson.databind.ObjectMapper();
                for (Path document : documents) {
                    Path expected = Path.of(document.toString().replaceAll("\\.graphql$", ".json"));
                    ExecutionResult r = (ExecutionResult) execute.invoke(api, Files.readString(document), null, Map.of(), anonymous);
                    Map<String, Object> actual = new java.util.LinkedHashMap<>();
                    actual.put("data", r.getData());
                    if (!r.getErrors().isEmpty()) {
                        actual.put("errors", r.getErrors().stream().map(e -> Map.of("message", e.getMessage(),
                                "code", String.valueOf(e.getExtensions() == null ? null : e.getExtensions().get("code")))).toList());
                    }
                    assertEquals(json.readTree(expected.toFile()), json.valueToTree(actual), name + ": " + document.getFileName());
                }
            }
        }
    }

    /** Tokens and fields a document may have, well inside the API's default limits ({@code ApiConfig.DEFAULT_MAX_TOKENS}, {@code DEFAULT_MAX_FIELDS}). */
    static final int TOKENS = 1500;
    static final int FIELDS = 400;

    private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("[_A-Za-z][_0-9A-Za-z]*|-?\\d+|[{}()\\[\\]:,!$=@.]");

    /**
     * {@link #selection} of {@code type} with its relations, split into selections of at most {@link #TOKENS} tokens
     * and {@link #FIELDS} names each (the leaf fields, then as many relations as fit, in every one).
     */
    static List<String> selections(GraphQLObjectType type) {
        String leaves = selection(type, false);
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder(leaves);
        int tokens = tokens(leaves);
        int names = names(leaves);
        boolean added = false;
        for (GraphQLFieldDefinition f : type.getFieldDefinitions()) {
            if (!(GraphQLTypeUtil.unwrapAll(f.getType()) instanceof GraphQLObjectType)) continue;
            String one = field(f, true);
            if (one.isEmpty()) continue;
            if (added && (tokens + tokens(one) > TOKENS || names + names(one) > FIELDS)) {
                out.add(current.toString());
                current = new StringBuilder(leaves);
                tokens = tokens(leaves);
                names = names(leaves);
            }
            current.append(' ').append(one);
            tokens += tokens(one);
            names += names(one);
            added = true;
        }
        out.add(current.toString().strip());
        return out;
    }

    /** The names in a selection: every field it selects, and its argument names (so an upper bound of its fields). */
    private static int names(String text) { return matches(NAME, text); }

    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[_A-Za-z][_0-9A-Za-z]*");

    private static int tokens(String text) { return matches(TOKEN, text); }

    private static int matches(java.util.regex.Pattern pattern, String text) {
        java.util.regex.Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    /** The leaf fields of {@code type} (no required arguments), and with {@code relations} every object field's leaves too. */
    private static String selection(GraphQLObjectType type, boolean relations) {
        List<String> out = new ArrayList<>();
        for (GraphQLFieldDefinition f : type.getFieldDefinitions()) {
            String one = field(f, relations);
            if (!one.isEmpty()) out.add(one);
        }
        return String.join(" ", out);
    }

    /** {@code f} as {@link #selection} selects it: a leaf by its name, a relation (with {@code relations}) with its leaves; else "". */
    private static String field(GraphQLFieldDefinition f, boolean relations) {
        if (f.getArguments().stream().anyMatch(a -> a.getType() instanceof GraphQLNonNull)) return "";
        GraphQLType t = GraphQLTypeUtil.unwrapAll(f.getType());
        if (t instanceof GraphQLScalarType || t instanceof GraphQLEnumType) return f.getName();
        if (!relations || !(t instanceof GraphQLObjectType o)) return "";
        // (at most 8 fields each: a wide type's list stays under the 500-field limit)
        String[] leaves = selection(o, false).split(" ");
        String inner = String.join(" ", java.util.Arrays.asList(leaves).subList(0, Math.min(8, leaves.length)));
        // relation lists take `first`: two rows each keep a wide type's query inside the complexity limit
        String args = f.getArgument("first") != null ? "(first: 2)" : "";
        return inner.isEmpty() ? "" : f.getName() + args + " { " + inner + " }";
    }

    private static Map<String, Object> run(Method execute, Object api, Object principal, String name, String document) throws Exception {
        ExecutionResult r = (ExecutionResult) execute.invoke(api, document, null, Map.of(), principal);
        assertTrue(r.getErrors().isEmpty(), name + ": " + document + "\n" + r.getErrors());
        return r.getData();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) { return (Map<String, Object>) o; }

    private static void compile(String name, Path sources, Path classes) throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            boolean ok = javac.getTask(null, fm, diagnostics, List.of("-Xlint:all,-processing,-serial", "-Werror", "--release", "17", "-d", classes.toString(),
                    "-classpath", System.getProperty("java.class.path")), null, fm.getJavaFileObjectsFromPaths(files)).call();
            assertTrue(ok, name + ": the generated API does not compile:\n" + diagnostics.getDiagnostics().stream().limit(20)
                    .map(d -> d.getSource() + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT)).collect(Collectors.joining("\n")));
        }
    }
}

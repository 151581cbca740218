package dev.dbtool.generators.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtool.core.load.LoadedSchema;
import dev.dbtool.core.load.SchemaLoader;
import dev.dbtool.core.model.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiModelBuilderTest {
    static Schema schema(String models) {
        LoadedSchema l = SchemaLoader.load("schema.prisma", "datasource db {\n  provider = \"postgresql\"\n  url = env(\"DATABASE_URL\")\n}\n" + models);
        assertTrue(l.diagnostics().isEmpty(), () -> l.diagnostics().toString());
        return l.schema();
    }

    static ApiSchema build(Schema s, ApiSelection sel) { return ApiModelBuilder.build(s, JavaSettings.from(s), sel); }

    @Test
    void mapsFieldsTheWayTheApiExposesThem() {
        Schema s = schema("""
                model A {
                  id      String   @id @default(uuid()) @db.Uuid
                  secret  String   @hashed
                  note    String?  @internal
                  phone   String?  @encrypted @auth("pii")
                  name    String   @db.VarChar(20)
                  at      DateTime @updatedAt
                  tags    String[]
                }
                """);
        ApiType a = build(s, ApiSelection.EMPTY.withType("A")).type("A").orElseThrow();
        assertEquals("ID", a.field("id").orElseThrow().graphqlType());
        assertEquals(ApiField.Generation.UUID, a.field("id").orElseThrow().generation());
        assertEquals(List.of("id", "phone", "name", "at", "tags"), a.outputFields().stream().map(ApiField::name).toList());
        assertEquals(List.of("id", "secret", "phone", "name", "tags"), a.inputFields().stream().map(ApiField::name).toList());
        assertEquals("VARCHAR", a.field("name").orElseThrow().cast(), "casts never truncate");
        assertTrue(!a.field("phone").orElseThrow().filterable() && !a.field("secret").orElseThrow().sortable());
        assertEquals(List.of("id", "note", "phone", "name", "at", "tags"), a.recordFields().stream().map(ApiField::name).toList());
    }

    @Test
    void relationsToUnselectedTypesAreLeftOut() {
        Schema s = schema("""
                model U {
                  id    Int @id
                  posts P[]
                }
                model P {
                  id  Int @id
                  uId Int
                  u   U   @relation(fields: [uId], references: [id])
                }
                """);
        assertTrue(build(s, ApiSelection.EMPTY.withType("U")).type("U").orElseThrow().relations().isEmpty());
        ApiSchema both = build(s, ApiSelection.EMPTY.withType("U").withType("P"));
        assertEquals("P.uId[]", both.type("U").orElseThrow().relations().get(0).loaderName("U"));
        assertEquals("U.id", both.type("P").orElseThrow().relations().get(0).loaderName("P"));
    }

    @Test
    void refusesWhatItCannotGenerate() {
        Schema s = schema("""
                model K {
                  a  Int
                  b  Int
                  cs C[]
                  @@id([a, b])
                }
                model C {
                  id Int @id
                  ka Int
                  kb Int
                  k  K   @relation(fields: [ka, kb], references: [a, b])
                }
                model OnlyKey {
                  id Int @id
                }
                view V {
                  id Int @unique
                }
                view W {
                  total Int
                }
                model Token {
                  identifier String
                  token      String
                  note       String? @unique
                  @@unique([identifier, token])
                }
                """);
        // a composite foreign key: the key is the list of its fields, both ways
        ApiSchema composite = build(s, ApiSelection.EMPTY.withType("K").withType("C"));
        ApiRelation k = composite.type("C").orElseThrow().relations().get(0);
        assertEquals(List.of("ka", "kb"), k.localFields());
        assertEquals(List.of("a", "b"), k.remoteFields());
        assertTrue(k.composite());
        ApiRelation cs = composite.type("K").orElseThrow().relations().get(0);
        assertEquals(List.of("a", "b"), cs.localFields());
        assertEquals(List.of("ka", "kb"), cs.remoteFields());
        // no @id: the first unique criteria of required fields names a row, as in Prisma (NextAuth's VerificationToken);
        // a model with none the validator already refuses, as Prisma does
        assertEquals(List.of("identifier", "token"), build(s, ApiSelection.EMPTY.withType("Token")).types().get(0).key().stream().map(ApiField::name).toList());
        assertTrue(build(s, ApiSelection.EMPTY.withType("V")).types().get(0).readOnly(), "a view with a @unique is a read-only type");
        assertEquals("`W` is a view without an @id or a single-field @unique: the API names its rows by one",
                assertThrows(ApiModelException.class, () -> build(s, ApiSelection.EMPTY.withType("W"))).getMessage());
        assertEquals("`createV`: V is a view, read only (list, get, aggregate, groupBy)", assertThrows(ApiModelException.class, () -> build(s,
                ApiSelection.EMPTY.withOperation(new OperationSpec("createV", OperationKind.CREATE, "V")))).getMessage());
        assertTrue(assertThrows(ApiModelException.class, () -> build(s, ApiSelection.EMPTY.withOperation(
                new OperationSpec("updateOnlyKey", OperationKind.UPDATE, "OnlyKey")))).getMessage().contains("no field an update could change"));
        assertEquals("there is no model `Nope` in the schema", assertThrows(ApiModelException.class, () -> build(s, ApiSelection.EMPTY.withType("Nope"))).getMessage());
    }

    @Test
    void infersOperationKindsFromNames() {
        Schema s = schema("model Category {\n  id Int @id\n}\nmodel Address {\n  id Int @id\n}\n");
        assertEquals(new OperationSpec("categories", OperationKind.LIST, "Category"), OperationNames.infer(s, "categories").orElseThrow());
        assertEquals(new OperationSpec("addresses", OperationKind.LIST, "Address"), OperationNames.infer(s, "addresses").orElseThrow());
        assertEquals(new OperationSpec("category", OperationKind.GET, "Category"), OperationNames.infer(s, "category").orElseThrow());
        assertEquals(new OperationSpec("deleteAddress", OperationKind.DELETE, "Address"), OperationNames.infer(s, "deleteAddress").orElseThrow());
        assertTrue(OperationNames.infer(s, "topCategories").isEmpty());
    }
}

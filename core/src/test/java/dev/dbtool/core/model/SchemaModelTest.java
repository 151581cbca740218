package dev.dbtool.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtool.core.load.LoadedSchema;
import dev.dbtool.core.load.SchemaLoader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the validated model holds, construct by construct. */
class SchemaModelTest {
    static Schema load(String resource) throws IOException {
        LoadedSchema l = SchemaLoader.load(Path.of("src/test/resources/validation", resource));
        assertFalse(l.hasErrors(), () -> l.diagnostics().toString());
        return l.schema();
    }

    static Relation relation(Schema s, String name) {
        return s.relations().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void relationsOfEveryKindResolveWithPrismaDefaults() throws IOException {
        Schema s = load("valid-relations-of-every-kind.prisma");
        Relation author = relation(s, "author");
        assertEquals(Relation.Kind.ONE_TO_MANY, author.kind());
        assertEquals("Post", author.ownerModel());
        assertEquals(List.of("authorId"), author.owner().fields());
        assertEquals(ReferentialAction.Restrict, author.owner().onDelete(), "required relation: RESTRICT");
        assertEquals(ReferentialAction.Cascade, author.owner().onUpdate());
        assertEquals(ReferentialAction.SetNull, relation(s, "reviewer").owner().onDelete(), "optional relation: SET NULL");

        Relation profile = relation(s, "ProfileToUser");
        assertEquals(Relation.Kind.ONE_TO_ONE, profile.kind());
        assertEquals("Profile", profile.ownerModel());
        assertEquals(ReferentialAction.Cascade, profile.owner().onDelete());
        assertEquals("profile_user_fk", profile.owner().foreignKeyName());

        Relation categories = relation(s, "CategoryToPost");
        assertEquals(Relation.Kind.IMPLICIT_MANY_TO_MANY, categories.kind());
        assertEquals("Category", categories.ownerModel(), "A side of _CategoryToPost is the alphabetically first model");
        assertEquals("_CategoryToPost", categories.joinTable());

        assertEquals(Relation.Kind.ONE_TO_MANY, relation(s, "Management").kind());
        assertEquals(Relation.Kind.ONE_TO_ONE, relation(s, "Mentoring").kind());
        assertEquals(Relation.Kind.IMPLICIT_MANY_TO_MANY, relation(s, "Friends").kind());
        assertEquals("_Friends", relation(s, "Friends").joinTable());

        Relation site = relation(s, "SiteToTenant");
        assertEquals(List.of("tenantCode", "tenantName"), site.owner().fields());
        assertEquals(List.of("code", "name"), site.owner().references());
        assertEquals(10, s.relations().size());
    }

    @Test
    void keysAndIndexes() throws IOException {
        Schema s = load("valid-relations-of-every-kind.prisma");
        Model postLabel = s.model("PostLabel").orElseThrow();
        assertEquals(List.of("postId", "labelId"), postLabel.primaryKey().fields().stream().map(IndexField::field).toList());
        Model tenant = s.model("Tenant").orElseThrow();
        assertNull(tenant.primaryKey());
        assertTrue(tenant.indexes().get(0).unique());
        Model user = s.model("User").orElseThrow();
        assertEquals("id", user.primaryKey().fields().get(0).field());
        assertTrue(user.indexes().stream().anyMatch(ix -> ix.unique() && ix.fields().get(0).field().equals("email")));
    }

    @Test
    void defaultsAndNativeTypes() throws IOException {
        Schema s = load("valid-defaults-and-native-types.prisma");
        Model m = s.model("Everything").orElseThrow();
        ScalarField id = (ScalarField) m.field("id").orElseThrow();
        assertEquals(new DefaultValue.Function("uuid", List.of("7")), id.defaultValue());
        assertTrue(((DefaultValue.Function) id.defaultValue()).clientSide());
        assertEquals(new NativeType("Uuid", List.of()), id.nativeType());
        ScalarField money = (ScalarField) m.field("money").orElseThrow();
        assertEquals(new NativeType("Decimal", List.of(12, 2)), money.nativeType());
        assertEquals(new DefaultValue.Literal("19.99"), money.defaultValue());
        assertEquals(new DefaultValue.EnumValue("HIGH"), ((ScalarField) m.field("level").orElseThrow()).defaultValue());
        assertEquals(new DefaultValue.ListLiteral(List.of("LOW", "HIGH")), ((ScalarField) m.field("levels").orElseThrow()).defaultValue());
        assertEquals(new DefaultValue.ListLiteral(List.of("a", "b")), ((ScalarField) m.field("tags").orElseThrow()).defaultValue());
        assertEquals(new DefaultValue.Literal("{\"a\": [1, 2]}"), ((ScalarField) m.field("data").orElseThrow()).defaultValue());
        assertEquals(new DefaultValue.DbGenerated("floor(random() * 10)"), ((ScalarField) m.field("computed").orElseThrow()).defaultValue());
        ScalarField shape = (ScalarField) m.field("shape").orElseThrow();
        assertEquals(new FieldKind.Unsupported("polygon"), shape.kind());
        assertEquals(Arity.OPTIONAL, shape.arity());
        assertTrue(((ScalarField) m.field("changedAt").orElseThrow()).updatedAt());
        EnumType level = s.enumType("Level").orElseThrow();
        assertEquals("high", level.values().get(1).databaseName());
    }

    @Test
    void theBlogExampleUsesEveryConstruct() throws IOException {
        LoadedSchema l = SchemaLoader.load(Path.of("../examples/blog/schema.prisma"));
        assertTrue(l.diagnostics().isEmpty(), () -> l.diagnostics().toString());
        Schema s = l.schema();
        Datasource ds = s.datasource();
        assertEquals("postgresql", ds.provider());
        assertEquals(new ConfigValue.Env("DATABASE_URL"), ds.url());
        assertEquals(List.of("public", "audit"), ds.schemas());
        assertEquals("com.example.blog", s.generators().get(0).setting("package"));

        Model user = s.model("User").orElseThrow();
        assertEquals("users", user.tableName());
        assertEquals("public", user.schema());
        assertEquals("A person with an account.", user.documentation());
        assertEquals(new ModelExtensions(300, "users:read", "users:write", 50), user.extensions());
        ScalarField email = (ScalarField) user.field("email").orElseThrow();
        assertEquals("Unique login, checked as an email address before every write.", email.documentation());
        assertEquals(List.of(new ValidationRule.Email(), new ValidationRule.MaxLength(320)), email.extensions().validations());
        assertEquals("#{Internet.emailAddress}", email.extensions().seedExpression());
        ScalarField password = (ScalarField) user.field("passwordHash").orElseThrow();
        assertTrue(password.extensions().hashed());
        assertEquals("password_hash", password.columnName());
        assertTrue(((ScalarField) user.field("phone").orElseThrow()).extensions().encrypted());
        assertTrue(((ScalarField) user.field("loginCount").orElseThrow()).extensions().internal());
        assertEquals(SortOrder.Desc, user.indexes().stream().filter(ix -> !ix.unique()).findFirst().orElseThrow().fields().get(0).sort());

        Model post = s.model("Post").orElseThrow();
        Index partial = post.indexes().stream().filter(ix -> ix.where() != null).findFirst().orElseThrow();
        assertEquals("\"deletedAt\" IS NULL", partial.where());
        Index gin = post.indexes().stream().filter(ix -> "Gin".equals(ix.algorithm())).findFirst().orElseThrow();
        assertEquals("JsonbPathOps", gin.fields().get(0).operatorClass());
        assertEquals(List.of(new CheckConstraint("price IS NULL OR price >= 0", "post_price_non_negative")), post.checks());
        ScalarField price = (ScalarField) post.field("price").orElseThrow();
        assertEquals(List.of(new ValidationRule.Min(BigDecimal.ZERO)), price.extensions().validations());
        assertEquals("posts:review", ((ScalarField) post.field("reviewNotes").orElseThrow()).extensions().authScope());

        Model audit = s.model("AuditEvent").orElseThrow();
        assertEquals("audit", audit.schema());
        assertTrue(((ScalarField) audit.field("legacy").orElseThrow()).ignored());
        assertEquals("actionAt", audit.indexes().stream().filter(ix -> ix.clientName() != null).findFirst().orElseThrow().clientName());
        assertEquals("follow_pk", s.model("Follow").orElseThrow().primaryKey().constraintName());
        assertTrue(s.model("PublishedPost").orElseThrow().view());
        assertEquals("user_role", s.enumType("Role").orElseThrow().databaseName());

        Job welcome = s.job("SendWelcomeEmail").orElseThrow();
        assertEquals("email-queue", welcome.queue());
        assertEquals(5, welcome.attempts());
        assertEquals("exponential", welcome.backoff());
        assertEquals(2000, welcome.backoffDelayMs());
        assertEquals(10, welcome.concurrency());
        assertEquals(30000L, welcome.timeoutMs());
        assertEquals(4, welcome.fields().size());
        Job resize = s.job("ResizeImage").orElseThrow();
        assertEquals(3, resize.attempts(), "default attempts");
        assertNull(resize.timeoutMs());
        assertEquals(12, s.relations().size(), "with FollowNote.follow (a composite foreign key) and PublishedPost.author (of a view)");
    }
}

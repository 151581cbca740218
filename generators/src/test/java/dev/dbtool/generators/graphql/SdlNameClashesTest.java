package dev.dbtool.generators.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtool.core.model.Schema;
import dev.dbtool.core.load.LoadedSchema;
import dev.dbtool.core.load.SchemaLoader;
import dev.dbtool.generators.api.ApiModelBuilder;
import dev.dbtool.generators.api.ApiSchema;
import dev.dbtool.generators.api.ApiSelection;
import dev.dbtool.generators.api.JavaSettings;
import dev.dbtool.generators.api.OperationKind;
import dev.dbtool.generators.api.OperationSpec;
import dev.dbtool.generators.java.JavaApiGenerator;
import java.util.List;
import org.junit.jupiter.api.Test;

class SdlNameClashesTest {
    static ApiSchema api(String models, ApiSelection selection) {
        LoadedSchema l = SchemaLoader.load("schema.prisma", "datasource db {\n  provider = \"postgresql\"\n  url = env(\"DATABASE_URL\")\n}\n" + models);
        assertTrue(l.diagnostics().isEmpty(), () -> l.diagnostics().toString());
        Schema s = l.schema();
        return ApiModelBuilder.build(s, JavaSettings.from(s), selection);
    }

    /** civitai: models Image and ImageConnection, and Image's Relay connection type is ImageConnection. */
    @Test
    void aModelNamedLikeAnotherModelsConnectionIsExposedUnderAnotherName() {
        ApiSchema api = api("""
                model Image {
                  id          Int               @id
                  connections ImageConnection[]
                }
                /// An image's link to a post.
                model ImageConnection {
                  id      Int   @id
                  imageId Int
                  image   Image @relation(fields: [imageId], references: [id])
                }
                """, ApiSelection.EMPTY.withType("Image").withType("ImageConnection")
                .withOperation(new OperationSpec("images", OperationKind.LIST, "Image"))
                .withOperation(new OperationSpec("imageConnections", OperationKind.LIST, "ImageConnection"))
                .withOperation(new OperationSpec("createImageConnection", OperationKind.CREATE, "ImageConnection")));
        assertEquals("ImageConnection", SdlNameClashes.duplicate(SdlWriter.render(api)), "the clash is real");

        SdlNameClashes.Resolved r = SdlNameClashes.resolve(api);
        assertEquals(List.of("the model `ImageConnection` is `ImageConnectionModel` in the GraphQL API and its Java classes: the API derives a type "
                + "`ImageConnection` from `Image`"), r.notes());
        String sdl = SdlWriter.write(r.api());
        assertNull(SdlNameClashes.duplicate(sdl));
        // Image's connection keeps the Relay name; the model's type, relation fields, inputs and operations follow the new name
        assertTrue(sdl.contains("type ImageConnection {\n  edges: [ImageEdge!]!"), sdl);
        assertTrue(sdl.contains("\"\"\"\nAn image's link to a post.\nThe model `ImageConnection`, renamed: the API derives a type `ImageConnection` from `Image`.\n\"\"\"\ntype ImageConnectionModel {"), sdl);
        assertTrue(sdl.contains("connections(where: ImageConnectionModelWhereInput, first: Int, orderBy: [ImageConnectionModelOrderByInput!]"), sdl);
        assertTrue(sdl.contains("imageConnections(where: ImageConnectionModelWhereInput"), sdl);
        assertTrue(sdl.contains("): ImageConnectionModelConnection!"), sdl);
        assertTrue(sdl.contains("createImageConnection(data: ImageConnectionModelCreateInput!): ImageConnectionModel!"), sdl);

        JavaApiGenerator.Output out = JavaApiGenerator.generate(api);
        assertEquals(r.notes(), out.notes());
        assertEquals(sdl, out.sdl());
        assertTrue(out.files().stream().anyMatch(f -> f.path().endsWith("/ImageConnectionModel.java")), "the Java record follows the GraphQL name");
    }

    /** Two derived names meet: a to-one target's {@code PostRelationFilter} and the enum {@code PostRelation}'s filter. */
    @Test
    void whenTwoDerivedNamesMeetTheLongerSourceGivesWay() {
        ApiSchema api = api("""
                enum PostRelation {
                  QUOTE
                  REPLY
                }
                model Post {
                  id       Int          @id
                  relation PostRelation
                  comments Comment[]
                }
                model Comment {
                  id     Int  @id
                  postId Int
                  post   Post @relation(fields: [postId], references: [id])
                }
                """, ApiSelection.EMPTY.withType("Post").withType("Comment").withOperation(new OperationSpec("comments", OperationKind.LIST, "Comment")));
        assertEquals("PostRelationFilter", SdlNameClashes.duplicate(SdlWriter.render(api)));
        SdlNameClashes.Resolved r = SdlNameClashes.resolve(api);
        assertEquals(List.of("the enum `PostRelation` is `PostRelationEnum` in the GraphQL API and its Java classes: the API derives a type "
                + "`PostRelationFilter` from `Post`"), r.notes());
        String sdl = SdlWriter.write(r.api());
        assertTrue(sdl.contains("enum PostRelationEnum {"), sdl);
        assertTrue(sdl.contains("relation: PostRelationEnum!"), sdl);
        assertTrue(sdl.contains("relation: PostRelationEnumFilter"), sdl);
        assertTrue(sdl.contains("input PostRelationFilter {"), sdl);
    }

    @Test
    void aTakenNewNameGetsANumber() {
        ApiSchema api = api("""
                model Image {
                  id Int @id
                }
                model ImageConnection {
                  id Int @id
                }
                model ImageConnectionModel {
                  id Int @id
                }
                """, ApiSelection.EMPTY.withType("Image").withType("ImageConnection").withType("ImageConnectionModel")
                .withOperation(new OperationSpec("images", OperationKind.LIST, "Image")));
        SdlNameClashes.Resolved r = SdlNameClashes.resolve(api);
        assertEquals(List.of("the model `ImageConnection` is `ImageConnectionModel2` in the GraphQL API and its Java classes: the API derives a type "
                + "`ImageConnection` from `Image`"), r.notes());
        assertTrue(r.sdl().contains("type ImageConnectionModel2 {") && r.sdl().contains("type ImageConnectionModel {"), r.sdl());
        assertNull(SdlNameClashes.duplicate(r.sdl()));
    }

    @Test
    void aSchemaWithoutClashesIsLeftAsItIs() {
        ApiSchema api = api("model Image {\n  id Int @id\n}\n", ApiSelection.EMPTY.withType("Image").withOperation(new OperationSpec("images", OperationKind.LIST, "Image")));
        SdlNameClashes.Resolved r = SdlNameClashes.resolve(api);
        assertEquals(List.of(), r.notes());
        assertEquals(api, r.api());
    }
}

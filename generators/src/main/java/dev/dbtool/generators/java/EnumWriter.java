package dev.dbtool.generators.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.dbtool.generators.api.ApiEnum;
import javax.lang.model.element.Modifier;

/** A DSL enum as a Java enum that knows each constant's database name. */
final class EnumWriter {
    private EnumWriter() {}

    static TypeSpec write(ApiEnum e, JavaNames names) {
        TypeSpec.Builder b = TypeSpec.enumBuilder(names.model(e.name()).simpleName()).addModifiers(Modifier.PUBLIC).addSuperinterface(names.runtime("DbEnum"))
                .addJavadoc(Javadocs.of(e.documentation()));
        for (ApiEnum.Value v : e.values()) b.addEnumConstant(JavaNames.identifier(v.name()), TypeSpec.anonymousClassBuilder("$S", v.databaseName()).build());
        b.addField(FieldSpec.builder(String.class, "dbValue", Modifier.PRIVATE, Modifier.FINAL).build());
        b.addMethod(MethodSpec.constructorBuilder().addParameter(String.class, "dbValue").addStatement("this.dbValue = dbValue").build());
        b.addMethod(MethodSpec.methodBuilder("dbValue").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC).returns(String.class)
                .addStatement("return dbValue").build());
        ClassName self = names.model(e.name());
        MethodSpec.Builder from = MethodSpec.methodBuilder("fromDb").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(self)
                .addJavadoc("The constant stored as {@code value} in the database.\n").addParameter(String.class, "value")
                .beginControlFlow("for ($T v : values())", self).addStatement("if (v.dbValue.equals(value)) return v").endControlFlow()
                .addStatement("throw new $T($S + value)", IllegalArgumentException.class, "unknown " + e.name() + " value in the database: ");
        b.addMethod(from.build());
        return b.build();
    }
}

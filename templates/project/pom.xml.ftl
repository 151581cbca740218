<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by dbtool init, api option (dbtool ${dbtoolVersion}); yours to edit, never overwritten.
     The GraphQL API that `dbtool gql-type` generates into src/main/java, built into one runnable jar:
       mvn -q package && java -jar target/${artifactId}.jar        (with DATABASE_URL set)
     The versions are the ones dbtool builds and tests its generated code with; `dbtool gql-type` says when
     the generated code needs a dependency this file lacks. -->
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>${groupId}</groupId>
  <artifactId>${artifactId}</artifactId>
  <version>0.1.0-SNAPSHOT</version>
  <packaging>jar</packaging>

  <properties>
    <maven.compiler.release>${javaRelease}</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>

  <dependencies>
<#list dependencies as d>
    <dependency>
      <groupId>${d.groupId}</groupId>
      <artifactId>${d.artifactId}</artifactId>
      <version>${d.version}</version>
<#if d.scope?has_content>
      <scope>${d.scope}</scope>
</#if>
    </dependency>
</#list>
  </dependencies>

  <build>
    <finalName>${artifactId}</finalName>
    <plugins>
      <plugin><artifactId>maven-clean-plugin</artifactId><version>${plugins.clean}</version></plugin>
      <plugin><artifactId>maven-resources-plugin</artifactId><version>${plugins.resources}</version></plugin>
      <plugin><artifactId>maven-compiler-plugin</artifactId><version>${plugins.compiler}</version></plugin>
      <plugin><artifactId>maven-surefire-plugin</artifactId><version>${plugins.surefire}</version></plugin>
      <plugin><artifactId>maven-jar-plugin</artifactId><version>${plugins.jar}</version></plugin>
      <plugin><artifactId>maven-install-plugin</artifactId><version>${plugins.install}</version></plugin>
      <plugin>
        <!-- one jar with every dependency: java -jar target/${artifactId}.jar starts the API (ApiServer) -->
        <artifactId>maven-shade-plugin</artifactId>
        <version>${plugins.shade}</version>
        <executions>
          <execution>
            <phase>package</phase>
            <goals><goal>shade</goal></goals>
            <configuration>
              <createDependencyReducedPom>false</createDependencyReducedPom>
              <transformers>
                <transformer implementation="org.apache.maven.plugins.shade.resource.ManifestResourceTransformer">
                  <mainClass>${mainClass}</mainClass>
                </transformer>
                <transformer implementation="org.apache.maven.plugins.shade.resource.ServicesResourceTransformer"/>
              </transformers>
              <filters>
                <filter>
                  <!-- signatures of signed jars (Bouncy Castle) do not hold for the merged jar -->
                  <artifact>*:*</artifact>
                  <excludes>
                    <exclude>META-INF/*.SF</exclude>
                    <exclude>META-INF/*.DSA</exclude>
                    <exclude>META-INF/*.RSA</exclude>
                    <exclude>META-INF/versions/*/module-info.class</exclude>
                    <exclude>module-info.class</exclude>
                  </excludes>
                </filter>
              </filters>
            </configuration>
          </execution>
        </executions>
      </plugin>
    </plugins>
  </build>
</project>

package dev.dbtool.cli;

/** The schema {@code dbtool init} writes: valid, formatted, and a hint at each extension's syntax. */
final class StarterSchema {
    private StarterSchema() {}

    static String text() {
        return """
                // dbtool schema: the Prisma schema language plus dbtool's extensions (see docs/dsl.md).

                generator java {
                  provider = "dbtool-java"
                  output   = "./src/main/java"
                  package  = "com.example.app"
                }

                datasource db {
                  provider = "postgresql"
                  url      = env("DATABASE_URL")
                }

                /// A user of the application.
                model User {
                  id        Int      @id @default(autoincrement())
                  email     String   @unique @validate(email)
                  name      String?
                  createdAt DateTime @default(now())
                  updatedAt DateTime @updatedAt
                }
                """;
    }
}

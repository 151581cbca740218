package dev.dbtool.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A synthetic, valid schema of N models: every model has scalars of each type, an enum, a unique, an index, and
 * relations to earlier models (1:n, an optional 1:n, and every fifth model an implicit m:n), so validation does
 * the cross-model work real schemas need. Usage: {@code SyntheticSchema N OUT.prisma}.
 */
public final class SyntheticSchema {
    private SyntheticSchema() {}

    public static String generate(int models) {
        StringBuilder s = new StringBuilder();
        s.append("datasource db {\n  provider = \"postgresql\"\n  url      = env(\"DATABASE_URL\")\n}\n\n");
        s.append("enum Status {\n  ACTIVE\n  INACTIVE\n  ARCHIVED\n}\n");
        for (int i = 0; i < models; i++) {
            String m = "Model" + i;
            s.append("\nmodel ").append(m).append(" {\n");
            s.append("  id          Int      @id @default(autoincrement())\n");
            s.append("  code        String   @unique @db.VarChar(64)\n");
            s.append("  title       String   @validate(maxLength: 200)\n");
            s.append("  amount      Decimal  @db.Decimal(12, 2) @default(0)\n");
            s.append("  ratio       Float?\n");
            s.append("  big         BigInt   @default(0)\n");
            s.append("  flag        Boolean  @default(false)\n");
            s.append("  data        Json?\n");
            s.append("  status      Status   @default(ACTIVE)\n");
            s.append("  createdAt   DateTime @default(now())\n");
            s.append("  updatedAt   DateTime @updatedAt\n");
            if (i > 0) {
                String parent = "Model" + (i - 1);
                s.append("  parentId    Int\n");
                s.append("  parent      ").append(parent).append(" @relation(\"Parent").append(i)
                        .append("\", fields: [parentId], references: [id], onDelete: Cascade)\n");
                String other = "Model" + (i / 2);
                s.append("  otherId     Int?\n");
                s.append("  other       ").append(other).append("? @relation(\"Other").append(i).append("\", fields: [otherId], references: [id])\n");
            }
            if (i + 1 < models) s.append("  children    Model").append(i + 1).append("[] @relation(\"Parent").append(i + 1).append("\")\n");
            for (int k = 2 * i; k <= 2 * i + 1; k++) {
                if (k > 0 && k < models) s.append("  others").append(k).append("    Model").append(k).append("[] @relation(\"Other").append(k).append("\")\n");
            }
            if (i % 5 == 4) s.append("  tags        Model").append(i - 4).append("[] @relation(\"Tags").append(i).append("\")\n");
            if (i % 5 == 0 && i + 4 < models) s.append("  tagged      Model").append(i + 4).append("[] @relation(\"Tags").append(i + 4).append("\")\n");
            s.append("\n  @@index([status, createdAt(sort: Desc)])\n");
            s.append("  @@map(\"model_").append(i).append("\")\n");
            s.append("}\n");
        }
        return s.toString();
    }

    public static void main(String[] args) throws IOException {
        Files.writeString(Path.of(args[1]), generate(Integer.parseInt(args[0])));
    }
}

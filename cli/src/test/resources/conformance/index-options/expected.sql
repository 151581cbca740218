-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "citext" WITH SCHEMA "public";

-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "hstore" WITH VERSION "1.8";

-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pgcrypto";

-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateTable
CREATE TABLE "Item" (
    "id" SERIAL NOT NULL,
    "name" CITEXT NOT NULL,
    "code" TEXT NOT NULL,
    "tags" TEXT[],
    "data" JSONB NOT NULL,
    "addr" INET NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "score" INTEGER NOT NULL,
    "note" TEXT NOT NULL DEFAULT gen_random_uuid()::text,

    CONSTRAINT "Item_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Item_score_idx" ON "Item"("score");

-- CreateIndex
CREATE INDEX "Item_created_desc" ON "Item"("createdAt" DESC);

-- CreateIndex
CREATE INDEX "Item_score_id_idx" ON "Item"("score", "id");

-- CreateIndex
CREATE INDEX "Item_name_trgm" ON "Item" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Item_tags_idx" ON "Item" USING GIN ("tags" array_ops);

-- CreateIndex
CREATE INDEX "Item_data_path" ON "Item" USING GIN ("data" jsonb_path_ops);

-- CreateIndex
CREATE INDEX "Item_addr_idx" ON "Item" USING GIST ("addr" inet_ops);

-- CreateIndex
CREATE INDEX "Item_createdAt_idx" ON "Item" USING BRIN ("createdAt" timestamp_minmax_ops);

-- CreateIndex
CREATE INDEX "Item_code_idx" ON "Item" USING HASH ("code");

-- CreateIndex
CREATE INDEX "Item_addr_spgist" ON "Item" USING SPGIST ("addr");

-- CreateIndex
CREATE UNIQUE INDEX "Item_code_key" ON "Item"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Item_name_score_key" ON "Item"("name" DESC, "score");


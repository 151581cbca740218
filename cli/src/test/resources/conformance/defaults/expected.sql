-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Mood" AS ENUM ('HAPPY', 'SAD');

-- CreateTable
CREATE TABLE "Defaults" (
    "id" TEXT NOT NULL,
    "uuid4" TEXT NOT NULL,
    "uuid7" TEXT NOT NULL,
    "nano" TEXT NOT NULL,
    "ulid" TEXT NOT NULL,
    "generated" TEXT NOT NULL DEFAULT md5(random()::text),
    "text" TEXT NOT NULL DEFAULT 'it''s "quoted"',
    "int" INTEGER NOT NULL DEFAULT -42,
    "big" BIGINT NOT NULL DEFAULT 9007199254740993,
    "float" DOUBLE PRECISION NOT NULL DEFAULT 3.14,
    "dec" DECIMAL(65,30) NOT NULL DEFAULT 0.10,
    "bool" BOOLEAN NOT NULL DEFAULT false,
    "at" TIMESTAMP(3) NOT NULL DEFAULT '2024-02-29 23:59:59.123 +00:00',
    "day" DATE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "json" JSONB NOT NULL DEFAULT '[1, {"a": null}]',
    "bytes" BYTEA NOT NULL DEFAULT '\x000102',
    "mood" "Mood" NOT NULL DEFAULT 'SAD',
    "moods" "Mood"[] DEFAULT ARRAY['HAPPY', 'SAD']::"Mood"[],
    "ints" INTEGER[] DEFAULT ARRAY[1, 2, 3]::INTEGER[],
    "strings" TEXT[] DEFAULT ARRAY['a', 'b']::TEXT[],
    "empty" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Defaults_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NativeTypes" (
    "id" SERIAL NOT NULL,
    "small" SMALLINT NOT NULL,
    "oid" OID NOT NULL,
    "real" REAL NOT NULL,
    "money" MONEY NOT NULL,
    "char" CHAR NOT NULL,
    "varchar" VARCHAR NOT NULL,
    "bit" BIT(8) NOT NULL,
    "varbit" VARBIT(8) NOT NULL,
    "uuid" UUID NOT NULL,
    "xml" XML NOT NULL,
    "inet" INET NOT NULL,
    "ts" TIMESTAMP NOT NULL,
    "ts0" TIMESTAMP(0) NOT NULL,
    "tstz" TIMESTAMPTZ NOT NULL,
    "time" TIME NOT NULL,
    "timetz" TIMETZ(2) NOT NULL,
    "json" JSON NOT NULL,
    "bytea" BYTEA NOT NULL,
    "shape" polygon,

    CONSTRAINT "NativeTypes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AVeryLongModelNameThatGoesOnAndOnAndOnForeverAndEverAndEver" (
    "id" SERIAL NOT NULL,
    "anExtremelyLongColumnNameThatIsLongerThanMost" TEXT NOT NULL,
    "anotherExtremelyLongColumnNameForTheIndexTest" TEXT NOT NULL,
    "ownerId" INTEGER NOT NULL,

    CONSTRAINT "AVeryLongModelNameThatGoesOnAndOnAndOnForeverAndEverAndEve_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LabelWithAnExtremelyLongNameForJoinTableTruncation" (
    "id" TEXT NOT NULL,

    CONSTRAINT "LabelWithAnExtremelyLongNameForJoinTableTruncation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_AVeryLongModelNameThatGoesOnAndOnAndOnForeverAndEverAndEverToL" (
    "A" INTEGER NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_AVeryLongModelNameThatGoesOnAndOnAndOnForeverAndEverAn_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "AVeryLongModelNameThatGoesOnAndOnAndOnForeverAndEverAndEver_key" ON "AVeryLongModelNameThatGoesOnAndOnAndOnForeverAndEverAndEver"("anExtremelyLongColumnNameThatIsLongerThanMost");

-- CreateIndex
CREATE INDEX "AVeryLongModelNameThatGoesOnAndOnAndOnForeverAndEverAndEver_idx" ON "AVeryLongModelNameThatGoesOnAndOnAndOnForeverAndEverAndEver"("anotherExtremelyLongColumnNameForTheIndexTest", "anExtremelyLongColumnNameThatIsLongerThanMost");

-- CreateIndex
CREATE INDEX "_AVeryLongModelNameThatGoesOnAndOnAndOnForeverAndEverAn_B_index" ON "_AVeryLongModelNameThatGoesOnAndOnAndOnForeverAndEverAndEverToL"("B");

-- AddForeignKey
ALTER TABLE "AVeryLongModelNameThatGoesOnAndOnAndOnForeverAndEverAndEver" ADD CONSTRAINT "AVeryLongModelNameThatGoesOnAndOnAndOnForeverAndEverAndEve_fkey" FOREIGN KEY ("ownerId") REFERENCES "NativeTypes"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_AVeryLongModelNameThatGoesOnAndOnAndOnForeverAndEverAndEverToL" ADD CONSTRAINT "_AVeryLongModelNameThatGoesOnAndOnAndOnForeverAndEverAnd_A_fkey" FOREIGN KEY ("A") REFERENCES "AVeryLongModelNameThatGoesOnAndOnAndOnForeverAndEverAndEver"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_AVeryLongModelNameThatGoesOnAndOnAndOnForeverAndEverAndEverToL" ADD CONSTRAINT "_AVeryLongModelNameThatGoesOnAndOnAndOnForeverAndEverAnd_B_fkey" FOREIGN KEY ("B") REFERENCES "LabelWithAnExtremelyLongNameForJoinTableTruncation"("id") ON DELETE CASCADE ON UPDATE CASCADE;


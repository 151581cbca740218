--liquibase formatted sql

--changeset t:1
CREATE TABLE "T" ("id" INTEGER NOT NULL, "name" TEXT, "ownerId" INTEGER, CONSTRAINT "T_pkey" PRIMARY KEY ("id"));
CREATE TABLE "Owner" ("id" INTEGER NOT NULL, CONSTRAINT "Owner_pkey" PRIMARY KEY ("id"));
--rollback DROP TABLE "Owner";
--rollback DROP TABLE "T";

--changeset t:2 runInTransaction:false
CREATE INDEX CONCURRENTLY "T_name_idx" ON "T"("name");
--rollback DROP INDEX CONCURRENTLY "T_name_idx";

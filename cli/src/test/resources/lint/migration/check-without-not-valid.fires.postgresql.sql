--liquibase formatted sql

--changeset t:1
CREATE TABLE "T" ("id" INTEGER NOT NULL, "name" TEXT, "ownerId" INTEGER, CONSTRAINT "T_pkey" PRIMARY KEY ("id"));
CREATE TABLE "Owner" ("id" INTEGER NOT NULL, CONSTRAINT "Owner_pkey" PRIMARY KEY ("id"));
--rollback DROP TABLE "Owner";
--rollback DROP TABLE "T";

--changeset t:2
ALTER TABLE "T" ADD CONSTRAINT "T_name_check" CHECK (length("name") > 0);
--rollback ALTER TABLE "T" DROP CONSTRAINT "T_name_check";

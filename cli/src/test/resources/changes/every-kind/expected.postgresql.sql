-- liquibase formatted sql

-- changeset golden:20261125000000-every-kind-enum-values splitStatements:false
ALTER TYPE "Status" ADD VALUE 'REVIEW' BEFORE 'PUBLISHED';
ALTER TYPE "Status" ADD VALUE 'ARCHIVED';
--comment: add value(s) [REVIEW, ARCHIVED] to enum Status
--rollback CREATE TYPE "Status_new" AS ENUM ('DRAFT', 'PUBLISHED');
--rollback ALTER TABLE "Post" ALTER COLUMN "status" DROP DEFAULT;
--rollback ALTER TABLE "Post" ALTER COLUMN "status" TYPE "Status_new" USING ("status"::text::"Status_new");
--rollback ALTER TYPE "Status" RENAME TO "Status_old";
--rollback ALTER TYPE "Status_new" RENAME TO "Status";
--rollback DROP TYPE "Status_old";
--rollback ALTER TABLE "Post" ALTER COLUMN "status" SET DEFAULT 'DRAFT';

-- changeset golden:20261125000000-every-kind splitStatements:false
CREATE SCHEMA IF NOT EXISTS "archive";
CREATE TYPE "Level_new" AS ENUM ('LOW', 'HIGH');
ALTER TABLE "User" ALTER COLUMN "level" DROP DEFAULT;
ALTER TABLE "User" ALTER COLUMN "level" TYPE "Level_new" USING ("level"::text::"Level_new");
ALTER TYPE "Level" RENAME TO "Level_old";
ALTER TYPE "Level_new" RENAME TO "Level";
DROP TYPE "Level_old";
ALTER TABLE "User" ALTER COLUMN "level" SET DEFAULT 'LOW';
CREATE TYPE "Visibility" AS ENUM ('PUBLIC', 'PRIVATE');
DROP INDEX "User_age_idx";
ALTER TABLE "Post" DROP CONSTRAINT "Post_authorId_fkey";
ALTER TABLE "Post" DROP CONSTRAINT "post_title_not_empty";
ALTER TABLE "OldName" RENAME TO "NewName";
ALTER TABLE "User" RENAME COLUMN "nickname" TO "displayName";
ALTER TABLE "User" ALTER COLUMN "age" SET DATA TYPE BIGINT USING ("age"::BIGINT);
ALTER TABLE "User" ALTER COLUMN "age" DROP NOT NULL;
ALTER TABLE "User" ALTER COLUMN "score" DROP DEFAULT;
ALTER TABLE "User" ALTER COLUMN "score" SET DEFAULT 10;
ALTER TABLE "User" ALTER COLUMN "bio" SET DATA TYPE VARCHAR(200) USING ("bio"::VARCHAR(200));
ALTER TABLE "User" ADD COLUMN "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
ALTER INDEX "User_email_key" RENAME TO "user_email_unique";
ALTER TABLE "Post" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "Post" ALTER COLUMN "status" SET DEFAULT 'REVIEW';
ALTER TABLE "NewName" RENAME CONSTRAINT "OldName_pkey" TO "NewName_pkey";
CREATE TABLE "Tag" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "visibility" "Visibility" NOT NULL DEFAULT 'PUBLIC',

    CONSTRAINT "Tag_pkey" PRIMARY KEY ("id")
);
CREATE TABLE "archive"."Archived" (
    "id" INTEGER NOT NULL,

    CONSTRAINT "Archived_pkey" PRIMARY KEY ("id")
);
CREATE TABLE "_TagToUser" (
    "A" INTEGER NOT NULL,
    "B" INTEGER NOT NULL,

    CONSTRAINT "_TagToUser_AB_pkey" PRIMARY KEY ("A","B")
);
DROP TABLE "Obsolete";
ALTER TABLE "User" DROP COLUMN "legacy";
DROP TYPE "Legacy";
CREATE INDEX "User_createdAt_idx" ON "User"("createdAt" DESC);
CREATE UNIQUE INDEX "Tag_name_key" ON "Tag"("name");
CREATE INDEX "_TagToUser_B_index" ON "_TagToUser"("B");
ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "_TagToUser" ADD CONSTRAINT "_TagToUser_A_fkey" FOREIGN KEY ("A") REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "_TagToUser" ADD CONSTRAINT "_TagToUser_B_fkey" FOREIGN KEY ("B") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Post" ADD CONSTRAINT "post_title_long_enough" CHECK (length(title) > 1);
--comment: create schema archive; change enum Level (drop value(s) [MID]); create enum Visibility (PUBLIC, PRIVATE); drop index User_age_idx; drop foreign key Post_authorId_fkey; drop check post_title_not_empty; rename table OldName to NewName; rename column User.nickname to displayName; alter column User.age: type INTEGER → BIGINT, drop NOT NULL; alter column User.score: default 10; alter column User.bio: type VARCHAR(100) → VARCHAR(200); add column User.createdAt; rename index User_email_key to user_email_unique; alter column Post.status: default 'REVIEW'; rename constraint OldName_pkey to NewName_pkey; create table Tag; create table Archived; create table _TagToUser; drop table Obsolete; drop column User.legacy; drop enum Legacy; create index User_createdAt_idx on User; create unique index Tag_name_key on Tag; create index _TagToUser_B_index on _TagToUser; add foreign key Post_authorId_fkey on Post → User; add foreign key _TagToUser_A_fkey on _TagToUser → Tag; add foreign key _TagToUser_B_fkey on _TagToUser → User; add check post_title_long_enough on Post
--rollback ALTER TABLE "Post" DROP CONSTRAINT "post_title_long_enough";
--rollback ALTER TABLE "_TagToUser" DROP CONSTRAINT "_TagToUser_B_fkey";
--rollback ALTER TABLE "_TagToUser" DROP CONSTRAINT "_TagToUser_A_fkey";
--rollback ALTER TABLE "Post" DROP CONSTRAINT "Post_authorId_fkey";
--rollback DROP INDEX "_TagToUser_B_index";
--rollback DROP INDEX "Tag_name_key";
--rollback DROP INDEX "User_createdAt_idx";
--rollback CREATE TYPE "Legacy" AS ENUM ('A', 'B');
--rollback ALTER TABLE "User" ADD COLUMN "legacy" "Legacy";
--rollback CREATE TABLE "Obsolete" (
--rollback     "id" INTEGER NOT NULL,
--rollback 
--rollback     CONSTRAINT "Obsolete_pkey" PRIMARY KEY ("id")
--rollback );
--rollback DROP TABLE "_TagToUser";
--rollback DROP TABLE "archive"."Archived";
--rollback DROP TABLE "Tag";
--rollback ALTER TABLE "NewName" RENAME CONSTRAINT "NewName_pkey" TO "OldName_pkey";
--rollback ALTER TABLE "Post" ALTER COLUMN "status" DROP DEFAULT;
--rollback ALTER TABLE "Post" ALTER COLUMN "status" SET DEFAULT 'DRAFT';
--rollback ALTER INDEX "user_email_unique" RENAME TO "User_email_key";
--rollback ALTER TABLE "User" DROP COLUMN "createdAt";
--rollback ALTER TABLE "User" ALTER COLUMN "bio" SET DATA TYPE VARCHAR(100) USING ("bio"::VARCHAR(100));
--rollback ALTER TABLE "User" ALTER COLUMN "score" DROP DEFAULT;
--rollback ALTER TABLE "User" ALTER COLUMN "score" SET DEFAULT 0;
--rollback ALTER TABLE "User" ALTER COLUMN "age" SET DATA TYPE INTEGER USING ("age"::INTEGER);
--rollback ALTER TABLE "User" ALTER COLUMN "age" SET NOT NULL;
--rollback ALTER TABLE "User" RENAME COLUMN "displayName" TO "nickname";
--rollback ALTER TABLE "NewName" RENAME TO "OldName";
--rollback ALTER TABLE "Post" ADD CONSTRAINT "post_title_not_empty" CHECK (length(title) > 0);
--rollback ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
--rollback CREATE INDEX "User_age_idx" ON "User"("age");
--rollback DROP TYPE "Visibility";
--rollback CREATE TYPE "Level_new" AS ENUM ('LOW', 'MID', 'HIGH');
--rollback ALTER TABLE "User" ALTER COLUMN "level" DROP DEFAULT;
--rollback ALTER TABLE "User" ALTER COLUMN "level" TYPE "Level_new" USING ("level"::text::"Level_new");
--rollback ALTER TYPE "Level" RENAME TO "Level_old";
--rollback ALTER TYPE "Level_new" RENAME TO "Level";
--rollback DROP TYPE "Level_old";
--rollback ALTER TABLE "User" ALTER COLUMN "level" SET DEFAULT 'MID';
--rollback DROP SCHEMA "archive";

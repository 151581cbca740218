-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "plan" AS ENUM ('free', 'team', 'scale');

-- CreateTable
CREATE TABLE "tenants" (
    "slug" VARCHAR(40) NOT NULL,
    "plan" "plan" NOT NULL DEFAULT 'free',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tenants_pkey" PRIMARY KEY ("slug")
);

-- CreateTable
CREATE TABLE "members" (
    "tenant_slug" VARCHAR(40) NOT NULL,
    "user_id" INTEGER NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'member',

    CONSTRAINT "members_pkey" PRIMARY KEY ("tenant_slug","user_id")
);

-- CreateTable
CREATE TABLE "profiles" (
    "tenant_slug" VARCHAR(40) NOT NULL,
    "user_id" INTEGER NOT NULL,
    "bio" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "profiles_pkey" PRIMARY KEY ("tenant_slug","user_id")
);

-- CreateTable
CREATE TABLE "projects" (
    "id" SERIAL NOT NULL,
    "tenant_slug" VARCHAR(40) NOT NULL,
    "owner_id" INTEGER,
    "name" TEXT NOT NULL,
    "archived" BOOLEAN NOT NULL DEFAULT false,
    "parent_id" INTEGER,

    CONSTRAINT "projects_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "projects_active" ON "projects"("tenant_slug", "archived");

-- CreateIndex
CREATE UNIQUE INDEX "project_name_per_tenant" ON "projects"("tenant_slug", "name");

-- AddForeignKey
ALTER TABLE "members" ADD CONSTRAINT "members_tenant_slug_fkey" FOREIGN KEY ("tenant_slug") REFERENCES "tenants"("slug") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_tenant_slug_user_id_fkey" FOREIGN KEY ("tenant_slug", "user_id") REFERENCES "members"("tenant_slug", "user_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "projects" ADD CONSTRAINT "projects_tenant_slug_fkey" FOREIGN KEY ("tenant_slug") REFERENCES "tenants"("slug") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "projects" ADD CONSTRAINT "projects_tenant_slug_owner_id_fkey" FOREIGN KEY ("tenant_slug", "owner_id") REFERENCES "members"("tenant_slug", "user_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "projects" ADD CONSTRAINT "projects_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "projects"("id") ON DELETE SET NULL ON UPDATE CASCADE;


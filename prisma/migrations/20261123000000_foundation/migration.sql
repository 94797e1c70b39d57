-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "billing";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "devices";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "identity";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "kpi";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "telemetry";

-- CreateEnum
CREATE TYPE "billing"."plan_code" AS ENUM ('STARTER', 'PROFESSIONAL', 'ENTERPRISE');

-- CreateEnum
CREATE TYPE "billing"."subscription_status" AS ENUM ('ACTIVE', 'CANCELED');

-- CreateEnum
CREATE TYPE "identity"."role" AS ENUM ('PLATFORM_ADMIN', 'TENANT_ADMIN', 'FARM_MANAGER', 'OPERATOR', 'VIEWER', 'PARTNER');

-- CreateEnum
CREATE TYPE "kpi"."species" AS ENUM ('PIG', 'BROILER');

-- CreateEnum
CREATE TYPE "telemetry"."comparison" AS ENUM ('ABOVE', 'BELOW');

-- CreateTable
CREATE TABLE "billing"."plan_subscription" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "plan" "billing"."plan_code" NOT NULL,
    "status" "billing"."subscription_status" NOT NULL DEFAULT 'ACTIVE',
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "plan_subscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "devices"."farm" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "time_zone" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "farm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "identity"."tenant" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tenant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "identity"."user_account" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "must_change_password" BOOLEAN NOT NULL DEFAULT false,
    "platform_admin" BOOLEAN NOT NULL DEFAULT false,
    "password_changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "identity"."membership" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "role" "identity"."role" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "identity"."refresh_token" (
    "id" UUID NOT NULL,
    "family_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "tenant_id" UUID,
    "token_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "refresh_token_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "identity"."auth_failure" (
    "id" BIGSERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "failed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "auth_failure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "identity"."api_client" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "secret_hash" TEXT NOT NULL,
    "scopes" TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_client_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "kpi"."batch" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "farm_id" UUID NOT NULL,
    "species" "kpi"."species" NOT NULL,
    "placed_on" DATE NOT NULL,
    "head_count_placed" INTEGER NOT NULL,
    "placement_weight_grams" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "batch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "telemetry"."alert_rule" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "farm_id" UUID NOT NULL,
    "metric" TEXT NOT NULL,
    "comparison" "telemetry"."comparison" NOT NULL,
    "threshold" DOUBLE PRECISION NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_rule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "plan_subscription_tenant_id_idx" ON "billing"."plan_subscription"("tenant_id");

-- CreateIndex
CREATE UNIQUE INDEX "farm_tenant_id_name_key" ON "devices"."farm"("tenant_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "user_account_email_key" ON "identity"."user_account"("email");

-- CreateIndex
CREATE INDEX "membership_tenant_id_idx" ON "identity"."membership"("tenant_id");

-- CreateIndex
CREATE UNIQUE INDEX "membership_user_id_tenant_id_key" ON "identity"."membership"("user_id", "tenant_id");

-- CreateIndex
CREATE UNIQUE INDEX "refresh_token_token_hash_key" ON "identity"."refresh_token"("token_hash");

-- CreateIndex
CREATE INDEX "refresh_token_family_id_idx" ON "identity"."refresh_token"("family_id");

-- CreateIndex
CREATE INDEX "refresh_token_user_id_idx" ON "identity"."refresh_token"("user_id");

-- CreateIndex
CREATE INDEX "auth_failure_key_failed_at_idx" ON "identity"."auth_failure"("key", "failed_at");

-- CreateIndex
CREATE INDEX "api_client_tenant_id_idx" ON "identity"."api_client"("tenant_id");

-- CreateIndex
CREATE INDEX "batch_tenant_id_farm_id_idx" ON "kpi"."batch"("tenant_id", "farm_id");

-- CreateIndex
CREATE INDEX "alert_rule_tenant_id_farm_id_idx" ON "telemetry"."alert_rule"("tenant_id", "farm_id");

-- AddForeignKey
ALTER TABLE "identity"."membership" ADD CONSTRAINT "membership_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "identity"."user_account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "identity"."membership" ADD CONSTRAINT "membership_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "identity"."tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- At most one active subscription per tenant, enforced by the database rather than by a
-- check-then-insert in code (Prisma cannot express a partial unique index).
CREATE UNIQUE INDEX "plan_subscription_one_active_per_tenant" ON "billing"."plan_subscription"("tenant_id") WHERE "status" = 'ACTIVE';

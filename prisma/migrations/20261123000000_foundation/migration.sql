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
CREATE TABLE "kpi"."batch" (
    "id" UUID NOT NULL,
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
CREATE INDEX "batch_farm_id_idx" ON "kpi"."batch"("farm_id");

-- CreateIndex
CREATE INDEX "alert_rule_farm_id_idx" ON "telemetry"."alert_rule"("farm_id");


-- At most one active subscription per tenant, enforced by the database rather than by a
-- check-then-insert in code (Prisma cannot express a partial unique index).
CREATE UNIQUE INDEX "plan_subscription_one_active_per_tenant" ON "billing"."plan_subscription"("tenant_id") WHERE "status" = 'ACTIVE';

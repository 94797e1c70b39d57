-- CreateEnum
CREATE TYPE "telemetry"."alert_status" AS ENUM ('ACTIVE', 'CLEARED');

-- CreateEnum
CREATE TYPE "telemetry"."built_in_alert" AS ENUM ('HEAT_STRESS_THI', 'AMMONIA_HIGH', 'WATER_INTAKE_DROP');

-- AlterTable
ALTER TABLE "telemetry"."alert_rule" ADD COLUMN     "barn_id" UUID,
ADD COLUMN     "clear_threshold" DOUBLE PRECISION,
ADD COLUMN     "enabled" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "min_duration_seconds" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "telemetry"."alert" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "farm_id" UUID NOT NULL,
    "barn_id" UUID NOT NULL,
    "rule_id" UUID,
    "built_in" "telemetry"."built_in_alert",
    "source" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "comparison" "telemetry"."comparison" NOT NULL,
    "threshold" DOUBLE PRECISION NOT NULL,
    "status" "telemetry"."alert_status" NOT NULL DEFAULT 'ACTIVE',
    "raised_at" TIMESTAMPTZ(3) NOT NULL,
    "cleared_at" TIMESTAMPTZ(3),
    "peak_value" DOUBLE PRECISION NOT NULL,
    "last_value" DOUBLE PRECISION NOT NULL,
    "acknowledged_at" TIMESTAMPTZ(3),
    "acknowledged_by" UUID,

    CONSTRAINT "alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "telemetry"."alert_condition" (
    "source" TEXT NOT NULL,
    "barn_id" UUID NOT NULL,
    "pending_since" TIMESTAMPTZ(3),
    "last_observed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "alert_condition_pkey" PRIMARY KEY ("source","barn_id")
);

-- CreateIndex
CREATE INDEX "alert_tenant_id_farm_id_raised_at_idx" ON "telemetry"."alert"("tenant_id", "farm_id", "raised_at");

-- CreateIndex
CREATE INDEX "alert_barn_id_status_idx" ON "telemetry"."alert"("barn_id", "status");

-- CreateIndex
CREATE INDEX "alert_rule_barn_id_idx" ON "telemetry"."alert_rule"("barn_id");


-- Written by hand: Prisma cannot express these.
-- An alert comes either from a tenant's rule or from a built-in, never both or neither.
ALTER TABLE "telemetry"."alert" ADD CONSTRAINT "alert_rule_or_built_in" CHECK (("rule_id" IS NULL) <> ("built_in" IS NULL));
-- At most one ACTIVE alert per rule (or built-in) and barn, even with two evaluators racing.
CREATE UNIQUE INDEX "alert_one_active_per_source_and_barn" ON "telemetry"."alert"("barn_id", "source") WHERE "status" = 'ACTIVE';

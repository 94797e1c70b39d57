-- AlterEnum


ALTER TYPE "telemetry"."built_in_alert" ADD VALUE 'DEVICE_SILENT';
ALTER TYPE "telemetry"."built_in_alert" ADD VALUE 'EDGE_OFFLINE';

-- AlterTable
ALTER TABLE "telemetry"."alert" ADD COLUMN     "device_id" UUID,
ALTER COLUMN "barn_id" DROP NOT NULL;

-- CreateTable
CREATE TABLE "telemetry"."device_presence" (
    "device_id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "farm_id" UUID NOT NULL,
    "barn_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "last_received_at" TIMESTAMPTZ(3) NOT NULL,
    "last_observed_at" TIMESTAMPTZ(3) NOT NULL,
    "interval_seconds" DOUBLE PRECISION,
    "interval_samples" INTEGER NOT NULL DEFAULT 0,
    "silence_window_seconds" INTEGER NOT NULL,

    CONSTRAINT "device_presence_pkey" PRIMARY KEY ("device_id")
);

-- CreateTable
CREATE TABLE "telemetry"."farm_presence" (
    "farm_id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "last_received_at" TIMESTAMPTZ(3) NOT NULL,
    "judged_from" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "farm_presence_pkey" PRIMARY KEY ("farm_id")
);

-- CreateTable
CREATE TABLE "telemetry"."presence_watch" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "last_pass_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "presence_watch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "device_presence_farm_id_idx" ON "telemetry"."device_presence"("farm_id");


-- One ACTIVE farm alert (no barn) per source: EDGE_OFFLINE:<farm id> is raised once.
CREATE UNIQUE INDEX "alert_one_active_per_source_of_farm" ON "telemetry"."alert"("source") WHERE "status" = 'ACTIVE' AND "barn_id" IS NULL;

-- Weigh sessions (issue #21): a session's events are kept, and its read model is projected from
-- all of them (order-independent, idempotent); a finalized session's weights become weigh samples.
-- Cameras are devices of their own kind.
ALTER TYPE "devices"."device_kind" ADD VALUE 'CAMERA';
ALTER TYPE "kpi"."weigh_source" ADD VALUE 'CAMERA';

CREATE TYPE "kpi"."weigh_session_source" AS ENUM ('MANUAL', 'PLATFORM_SCALE', 'CAMERA');

-- CreateEnum
CREATE TYPE "kpi"."weigh_session_status" AS ENUM ('OPEN', 'FINALIZED', 'CANCELLED');


CREATE TABLE "kpi"."weigh_session" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "batch_id" UUID,
    "barn_id" UUID,
    "source" "kpi"."weigh_session_source",
    "weighed_on" DATE,
    "status" "kpi"."weigh_session_status" NOT NULL,
    "opened_at" TIMESTAMPTZ(3),
    "finalized_at" TIMESTAMPTZ(3),
    "cancelled_at" TIMESTAMPTZ(3),
    "weights_grams" INTEGER[],
    "late_weight_count" INTEGER NOT NULL,
    "event_count" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "weigh_session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "kpi"."weigh_session_event" (
    "session_id" UUID NOT NULL,
    "event_id" TEXT NOT NULL,
    "tenant_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "body" JSONB NOT NULL,
    "stored_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "weigh_session_event_pkey" PRIMARY KEY ("session_id","event_id")
);


-- AlterTable
ALTER TABLE "kpi"."weigh_sample" ADD COLUMN     "weigh_session_id" UUID;

-- CreateIndex
CREATE INDEX "weigh_sample_weigh_session_id_idx" ON "kpi"."weigh_sample"("weigh_session_id");
-- CreateIndex
CREATE INDEX "weigh_session_tenant_id_batch_id_idx" ON "kpi"."weigh_session"("tenant_id", "batch_id");

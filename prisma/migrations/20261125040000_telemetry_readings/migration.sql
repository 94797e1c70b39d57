-- CreateTable
CREATE TABLE "telemetry"."reading" (
    "device_id" UUID NOT NULL,
    "metric" TEXT NOT NULL,
    "observed_at" TIMESTAMPTZ(3) NOT NULL,
    "event_id" TEXT NOT NULL,
    "tenant_id" UUID NOT NULL,
    "farm_id" UUID NOT NULL,
    "barn_id" UUID,
    "value" DOUBLE PRECISION NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "reading_pkey" PRIMARY KEY ("device_id","metric","observed_at","event_id")
) PARTITION BY RANGE ("observed_at");
-- Written by hand: Prisma cannot declare partitioning. Monthly partitions are created by ingest
-- (subgraphs/telemetry/ingest/partitions.ts) before it writes into a month.

-- CreateTable
CREATE TABLE "telemetry"."ingested_event" (
    "device_id" UUID NOT NULL,
    "event_id" TEXT NOT NULL,
    "ingested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ingested_event_pkey" PRIMARY KEY ("device_id","event_id")
);

-- CreateTable
CREATE TABLE "telemetry"."ingest_nonce" (
    "key_id" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "seen_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ingest_nonce_pkey" PRIMARY KEY ("key_id","nonce")
);

-- CreateIndex
CREATE INDEX "reading_barn_id_metric_observed_at_idx" ON "telemetry"."reading"("barn_id", "metric", "observed_at");

-- CreateIndex
CREATE INDEX "ingested_event_ingested_at_idx" ON "telemetry"."ingested_event"("ingested_at");

-- CreateIndex
CREATE INDEX "ingest_nonce_seen_at_idx" ON "telemetry"."ingest_nonce"("seen_at");


-- Durable domain events (lib/events): a transactional outbox in the database itself, read by
-- consumers that keep their own cursor. Written by hand: lib/events owns these tables through
-- SQL (no Prisma model), and the schema is not one subgraph's.
CREATE SCHEMA IF NOT EXISTS "events";

-- One row per event, written in the transaction of the change it announces. Writers take one
-- transaction-scoped advisory lock before they append (lib/events/outbox.ts), so positions
-- become visible in order and a consumer's cursor never passes a row still to be committed.
CREATE TABLE "events"."outbox" (
    "position" BIGSERIAL NOT NULL,
    "topic" TEXT NOT NULL,
    -- hash of the topic's partition key (0-1023): a consumer's partitions split the stream by it.
    "shard" SMALLINT NOT NULL,
    "payload" JSON NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "outbox_pkey" PRIMARY KEY ("position")
);
CREATE INDEX "outbox_topic_position_idx" ON "events"."outbox" ("topic", "position");

-- Where each consumer partition stands: the last event it applied (or gave up on), its lease,
-- and the tries of the event after it.
CREATE TABLE "events"."consumer_partition" (
    "consumer" TEXT NOT NULL,
    "partition" INTEGER NOT NULL,
    "partitions" INTEGER NOT NULL,
    "topic" TEXT NOT NULL,
    "position" BIGINT NOT NULL DEFAULT 0,
    "lease_owner" TEXT,
    "lease_until" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "retry_at" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "consumer_partition_pkey" PRIMARY KEY ("consumer", "partition")
);

-- Events a consumer refused `maxAttempts` times: kept with the last error until replayed.
CREATE TABLE "events"."dead_letter" (
    "consumer" TEXT NOT NULL,
    "position" BIGINT NOT NULL,
    "topic" TEXT NOT NULL,
    "payload" JSON NOT NULL,
    "attempts" INTEGER NOT NULL,
    "error" TEXT NOT NULL,
    "failed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "replayed_at" TIMESTAMPTZ(3),

    CONSTRAINT "dead_letter_pkey" PRIMARY KEY ("consumer", "position")
);

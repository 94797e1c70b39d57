-- Ingest is idempotent through the reading's own key (device, metric, observed_at, event_id):
-- a re-sent event carries the same values. The claim table cost a row and two index entries
-- per message and was never pruned.
-- DropTable
DROP TABLE "telemetry"."ingested_event";

-- AlterTable
ALTER TABLE "telemetry"."farm_notification_settings" ADD COLUMN     "silence_gap_multiplier" DOUBLE PRECISION,
ADD COLUMN     "silence_min_minutes" INTEGER;

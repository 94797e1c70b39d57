-- A scale's weigh sample names the reading it came from, so a redelivered stored-readings event
-- (durable events are at least once) records it once.
-- AlterTable
ALTER TABLE "kpi"."weigh_sample" ADD COLUMN     "source_reading" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "weigh_sample_source_reading_key" ON "kpi"."weigh_sample"("source_reading");

-- CreateEnum
CREATE TYPE "kpi"."removal_kind" AS ENUM ('DEAD', 'CULLED');

-- CreateEnum
CREATE TYPE "kpi"."weigh_source" AS ENUM ('MANUAL', 'SCALE');

-- AlterTable
ALTER TABLE "kpi"."batch" ADD COLUMN     "barn_id" UUID,
ADD COLUMN     "breed" TEXT;

-- CreateTable
CREATE TABLE "kpi"."mortality_record" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "batch_id" UUID NOT NULL,
    "occurred_on" DATE NOT NULL,
    "kind" "kpi"."removal_kind" NOT NULL,
    "head_count" INTEGER NOT NULL,
    "weight_grams" BIGINT,
    "cause" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "mortality_record_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "kpi"."feed_record" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "batch_id" UUID NOT NULL,
    "recorded_on" DATE NOT NULL,
    "feed_grams" BIGINT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "feed_record_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "kpi"."water_record" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "batch_id" UUID NOT NULL,
    "recorded_on" DATE NOT NULL,
    "water_millilitres" BIGINT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "water_record_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "kpi"."health_record" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "batch_id" UUID NOT NULL,
    "recorded_on" DATE NOT NULL,
    "sick_count" INTEGER NOT NULL,
    "treated_count" INTEGER NOT NULL,
    "treatment" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "health_record_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "kpi"."weigh_sample" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "batch_id" UUID NOT NULL,
    "weighed_on" DATE NOT NULL,
    "weight_grams" INTEGER NOT NULL,
    "source" "kpi"."weigh_source" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "weigh_sample_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "kpi"."depletion_record" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "batch_id" UUID NOT NULL,
    "depleted_on" DATE NOT NULL,
    "head_count" INTEGER NOT NULL,
    "total_live_weight_grams" BIGINT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "depletion_record_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "kpi"."target_curve_point" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "species" "kpi"."species" NOT NULL,
    "breed" TEXT NOT NULL,
    "day_of_age" INTEGER NOT NULL,
    "weight_grams" INTEGER NOT NULL,

    CONSTRAINT "target_curve_point_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "mortality_record_tenant_id_batch_id_idx" ON "kpi"."mortality_record"("tenant_id", "batch_id");

-- CreateIndex
CREATE INDEX "feed_record_tenant_id_batch_id_idx" ON "kpi"."feed_record"("tenant_id", "batch_id");

-- CreateIndex
CREATE INDEX "water_record_tenant_id_batch_id_idx" ON "kpi"."water_record"("tenant_id", "batch_id");

-- CreateIndex
CREATE INDEX "health_record_tenant_id_batch_id_idx" ON "kpi"."health_record"("tenant_id", "batch_id");

-- CreateIndex
CREATE INDEX "weigh_sample_tenant_id_batch_id_weighed_on_idx" ON "kpi"."weigh_sample"("tenant_id", "batch_id", "weighed_on");

-- CreateIndex
CREATE INDEX "depletion_record_tenant_id_batch_id_idx" ON "kpi"."depletion_record"("tenant_id", "batch_id");

-- CreateIndex
CREATE UNIQUE INDEX "target_curve_point_tenant_id_species_breed_day_of_age_key" ON "kpi"."target_curve_point"("tenant_id", "species", "breed", "day_of_age");

-- AddForeignKey
ALTER TABLE "kpi"."mortality_record" ADD CONSTRAINT "mortality_record_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "kpi"."batch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kpi"."feed_record" ADD CONSTRAINT "feed_record_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "kpi"."batch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kpi"."water_record" ADD CONSTRAINT "water_record_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "kpi"."batch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kpi"."health_record" ADD CONSTRAINT "health_record_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "kpi"."batch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kpi"."weigh_sample" ADD CONSTRAINT "weigh_sample_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "kpi"."batch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kpi"."depletion_record" ADD CONSTRAINT "depletion_record_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "kpi"."batch"("id") ON DELETE CASCADE ON UPDATE CASCADE;


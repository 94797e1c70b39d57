-- CreateEnum
CREATE TYPE "devices"."species" AS ENUM ('PIG', 'BROILER');

-- CreateEnum
CREATE TYPE "devices"."device_kind" AS ENUM ('CLIMATE', 'WATER_METER', 'FEED_BIN', 'SCALE', 'GENERIC');

-- CreateEnum
CREATE TYPE "devices"."device_status" AS ENUM ('PENDING', 'CLAIMED', 'ACTIVE', 'REVOKED');

-- CreateTable
CREATE TABLE "devices"."barn" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "farm_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "species" "devices"."species" NOT NULL,
    "capacity_head" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "barn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "devices"."device" (
    "id" UUID NOT NULL,
    "serial_number" TEXT NOT NULL,
    "kind" "devices"."device_kind" NOT NULL,
    "status" "devices"."device_status" NOT NULL DEFAULT 'PENDING',
    "claim_code_hash" TEXT NOT NULL,
    "claim_code_expires_at" TIMESTAMPTZ(3) NOT NULL,
    "tenant_id" UUID,
    "barn_id" UUID,
    "name" TEXT,
    "registered_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimed_at" TIMESTAMPTZ(3),
    "activated_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "device_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "devices"."device_credential" (
    "id" UUID NOT NULL,
    "device_id" UUID NOT NULL,
    "password_hash" TEXT NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL,
    "valid_until" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "device_credential_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "devices"."claim_failure" (
    "id" BIGSERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "failed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "claim_failure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "devices"."edge_gateway" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "farm_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "edge_gateway_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "devices"."edge_gateway_key" (
    "id" TEXT NOT NULL,
    "gateway_id" UUID NOT NULL,
    "secret_ciphertext" TEXT NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL,
    "valid_until" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "edge_gateway_key_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "barn_tenant_id_idx" ON "devices"."barn"("tenant_id");

-- CreateIndex
CREATE UNIQUE INDEX "barn_farm_id_name_key" ON "devices"."barn"("farm_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "device_serial_number_key" ON "devices"."device"("serial_number");

-- CreateIndex
CREATE INDEX "device_tenant_id_status_idx" ON "devices"."device"("tenant_id", "status");

-- CreateIndex
CREATE INDEX "device_barn_id_idx" ON "devices"."device"("barn_id");

-- CreateIndex
CREATE INDEX "device_credential_device_id_issued_at_idx" ON "devices"."device_credential"("device_id", "issued_at");

-- CreateIndex
CREATE INDEX "claim_failure_key_failed_at_idx" ON "devices"."claim_failure"("key", "failed_at");

-- CreateIndex
CREATE INDEX "edge_gateway_tenant_id_idx" ON "devices"."edge_gateway"("tenant_id");

-- CreateIndex
CREATE UNIQUE INDEX "edge_gateway_farm_id_name_key" ON "devices"."edge_gateway"("farm_id", "name");

-- CreateIndex
CREATE INDEX "edge_gateway_key_gateway_id_idx" ON "devices"."edge_gateway_key"("gateway_id");

-- AddForeignKey
ALTER TABLE "devices"."barn" ADD CONSTRAINT "barn_farm_id_fkey" FOREIGN KEY ("farm_id") REFERENCES "devices"."farm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "devices"."device" ADD CONSTRAINT "device_barn_id_fkey" FOREIGN KEY ("barn_id") REFERENCES "devices"."barn"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "devices"."device_credential" ADD CONSTRAINT "device_credential_device_id_fkey" FOREIGN KEY ("device_id") REFERENCES "devices"."device"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "devices"."edge_gateway" ADD CONSTRAINT "edge_gateway_farm_id_fkey" FOREIGN KEY ("farm_id") REFERENCES "devices"."farm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "devices"."edge_gateway_key" ADD CONSTRAINT "edge_gateway_key_gateway_id_fkey" FOREIGN KEY ("gateway_id") REFERENCES "devices"."edge_gateway"("id") ON DELETE CASCADE ON UPDATE CASCADE;


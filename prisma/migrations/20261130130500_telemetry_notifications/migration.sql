-- CreateEnum
CREATE TYPE "telemetry"."alert_severity" AS ENUM ('WARNING', 'CRITICAL');

-- CreateEnum
CREATE TYPE "telemetry"."notification_channel" AS ENUM ('EMAIL', 'WEBHOOK');

-- CreateEnum
CREATE TYPE "telemetry"."notification_status" AS ENUM ('PENDING', 'DELIVERED', 'FAILED');

-- CreateTable
CREATE TABLE "telemetry"."notification_subscription" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "farm_id" UUID,
    "channel" "telemetry"."notification_channel" NOT NULL,
    "address" TEXT NOT NULL,
    "language" TEXT NOT NULL DEFAULT 'en',
    "min_severity" "telemetry"."alert_severity" NOT NULL DEFAULT 'WARNING',
    "quiet_start_minute" INTEGER,
    "quiet_end_minute" INTEGER,
    "escalation_level" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_subscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "telemetry"."webhook_endpoint" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "farm_id" UUID,
    "url" TEXT NOT NULL,
    "secret_sealed" TEXT NOT NULL,
    "min_severity" "telemetry"."alert_severity" NOT NULL DEFAULT 'WARNING',
    "disabled_at" TIMESTAMPTZ(3),
    "last_failure_at" TIMESTAMPTZ(3),
    "last_failure_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_endpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "telemetry"."notification_delivery" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "alert_id" UUID NOT NULL,
    "change" TEXT NOT NULL,
    "severity" "telemetry"."alert_severity" NOT NULL,
    "channel" "telemetry"."notification_channel" NOT NULL,
    "subscription_id" UUID,
    "webhook_endpoint_id" UUID,
    "status" "telemetry"."notification_status" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL,
    "last_error" TEXT,
    "delivered_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "notification_delivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "telemetry"."alert_escalation" (
    "alert_id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "farm_id" UUID NOT NULL,
    "level" INTEGER NOT NULL DEFAULT 0,
    "next_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "alert_escalation_pkey" PRIMARY KEY ("alert_id")
);

-- CreateTable
CREATE TABLE "telemetry"."farm_notification_settings" (
    "farm_id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "escalate_after_minutes" INTEGER NOT NULL DEFAULT 15,

    CONSTRAINT "farm_notification_settings_pkey" PRIMARY KEY ("farm_id")
);

-- CreateIndex
CREATE INDEX "notification_subscription_tenant_id_farm_id_idx" ON "telemetry"."notification_subscription"("tenant_id", "farm_id");

-- CreateIndex
CREATE INDEX "notification_subscription_tenant_id_user_id_idx" ON "telemetry"."notification_subscription"("tenant_id", "user_id");

-- CreateIndex
CREATE INDEX "webhook_endpoint_tenant_id_idx" ON "telemetry"."webhook_endpoint"("tenant_id");

-- CreateIndex
CREATE INDEX "notification_delivery_status_next_attempt_at_idx" ON "telemetry"."notification_delivery"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "notification_delivery_tenant_id_created_at_idx" ON "telemetry"."notification_delivery"("tenant_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "notification_delivery_alert_id_change_subscription_id_key" ON "telemetry"."notification_delivery"("alert_id", "change", "subscription_id");

-- CreateIndex
CREATE UNIQUE INDEX "notification_delivery_alert_id_change_webhook_endpoint_id_key" ON "telemetry"."notification_delivery"("alert_id", "change", "webhook_endpoint_id");

-- CreateIndex
CREATE INDEX "alert_escalation_next_at_idx" ON "telemetry"."alert_escalation"("next_at");


-- Partner webhooks: events of the tenants a partner's API client may read, signed and retried.
-- CreateTable
CREATE TABLE "identity"."partner_webhook" (
    "id" UUID NOT NULL,
    "client_id" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "events" TEXT[],
    "secret_sealed" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_failure_at" TIMESTAMPTZ(3),
    "last_failure_reason" TEXT,
    "disabled_at" TIMESTAMPTZ(3),

    CONSTRAINT "partner_webhook_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "identity"."partner_webhook_delivery" (
    "id" UUID NOT NULL,
    "webhook_id" UUID NOT NULL,
    "client_id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "event_id" TEXT NOT NULL,
    "event_type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL,
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "delivered_at" TIMESTAMPTZ(3),

    CONSTRAINT "partner_webhook_delivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "partner_webhook_client_id_idx" ON "identity"."partner_webhook"("client_id");

-- CreateIndex
CREATE INDEX "partner_webhook_delivery_status_next_attempt_at_idx" ON "identity"."partner_webhook_delivery"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "partner_webhook_delivery_client_id_created_at_idx" ON "identity"."partner_webhook_delivery"("client_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "partner_webhook_delivery_webhook_id_event_id_key" ON "identity"."partner_webhook_delivery"("webhook_id", "event_id");

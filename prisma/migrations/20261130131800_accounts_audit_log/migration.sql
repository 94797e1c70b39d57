-- Append-only audit log of security-relevant actions.
-- CreateTable
CREATE TABLE "identity"."audit_record" (
    "id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "action" TEXT NOT NULL,
    "actor_id" TEXT,
    "actor_kind" TEXT,
    "tenant_id" UUID,
    "target_type" TEXT,
    "target_id" TEXT,
    "address" TEXT NOT NULL,
    "request_id" TEXT NOT NULL,

    CONSTRAINT "audit_record_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "audit_record_tenant_id_at_idx" ON "identity"."audit_record"("tenant_id", "at");

-- CreateIndex
CREATE INDEX "audit_record_at_idx" ON "identity"."audit_record"("at");


-- Tenant consent: partner API clients read chosen farms of a tenant that granted them access.
-- CreateTable
CREATE TABLE "identity"."partner_grant" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "client_id" UUID NOT NULL,
    "farm_ids" TEXT[],
    "scopes" TEXT[],
    "granted_by" UUID,
    "granted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "partner_grant_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "partner_grant_tenant_id_idx" ON "identity"."partner_grant"("tenant_id");

-- CreateIndex
CREATE INDEX "partner_grant_client_id_idx" ON "identity"."partner_grant"("client_id");

-- Tenants' plan limits for partner API quotas: identity's read model of billing's plan-changed events.
-- CreateTable
CREATE TABLE "identity"."tenant_plan_limits" (
    "tenant_id" UUID NOT NULL,
    "plan" TEXT,
    "requests_per_minute" INTEGER,
    "cost_points_per_day" INTEGER,
    "position" BIGINT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "tenant_plan_limits_pkey" PRIMARY KEY ("tenant_id")
);

-- Immediate revocation of access tokens, disabled members, suspended tenants, last login.
-- AlterTable
ALTER TABLE "identity"."tenant" ADD COLUMN     "suspended_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "identity"."user_account" ADD COLUMN     "last_login_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "identity"."membership" ADD COLUMN     "disabled_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "identity"."token_revocation" (
    "key" TEXT NOT NULL,
    "revoked_before" TIMESTAMPTZ(3),
    "expires_at" TIMESTAMPTZ(3),

    CONSTRAINT "token_revocation_pkey" PRIMARY KEY ("key")
);


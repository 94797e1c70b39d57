-- One-time email links: password reset and invitation.
-- CreateEnum
CREATE TYPE "identity"."account_link_purpose" AS ENUM ('PASSWORD_RESET', 'INVITATION');

-- CreateTable
CREATE TABLE "identity"."account_link" (
    "id" UUID NOT NULL,
    "purpose" "identity"."account_link_purpose" NOT NULL,
    "user_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "account_link_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "account_link_token_hash_key" ON "identity"."account_link"("token_hash");

-- CreateIndex
CREATE INDEX "account_link_user_id_idx" ON "identity"."account_link"("user_id");

-- AddForeignKey
ALTER TABLE "identity"."account_link" ADD CONSTRAINT "account_link_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "identity"."user_account"("id") ON DELETE CASCADE ON UPDATE CASCADE;


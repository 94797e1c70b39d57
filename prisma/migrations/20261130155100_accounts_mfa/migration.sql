-- Second factors: TOTP, recovery codes, passkeys, the half-way state of a two-step login, and the tenant's "require MFA".
-- AlterTable
ALTER TABLE "identity"."tenant" ADD COLUMN "require_mfa" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "identity"."totp_factor" (
    "user_id" UUID NOT NULL,
    "secret_sealed" TEXT NOT NULL,
    "confirmed_at" TIMESTAMPTZ(3),
    "last_used_step" BIGINT NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "totp_factor_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "identity"."recovery_code" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "code_hash" TEXT NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "recovery_code_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "identity"."passkey" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "credential_id" TEXT NOT NULL,
    "public_key" TEXT NOT NULL,
    "sign_count" BIGINT NOT NULL DEFAULT 0,
    "transports" TEXT[],
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),

    CONSTRAINT "passkey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "identity"."mfa_challenge" (
    "id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "tenant_id" UUID,
    "use_cookies" BOOLEAN NOT NULL DEFAULT false,
    "webauthn_challenge" TEXT,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "spent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "mfa_challenge_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "recovery_code_code_hash_key" ON "identity"."recovery_code"("code_hash");
CREATE INDEX "recovery_code_user_id_idx" ON "identity"."recovery_code"("user_id");
CREATE UNIQUE INDEX "passkey_credential_id_key" ON "identity"."passkey"("credential_id");
CREATE INDEX "passkey_user_id_idx" ON "identity"."passkey"("user_id");
CREATE UNIQUE INDEX "mfa_challenge_token_hash_key" ON "identity"."mfa_challenge"("token_hash");
CREATE INDEX "mfa_challenge_user_id_idx" ON "identity"."mfa_challenge"("user_id");

-- AddForeignKey
ALTER TABLE "identity"."totp_factor" ADD CONSTRAINT "totp_factor_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "identity"."user_account"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "identity"."recovery_code" ADD CONSTRAINT "recovery_code_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "identity"."user_account"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "identity"."passkey" ADD CONSTRAINT "passkey_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "identity"."user_account"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "identity"."mfa_challenge" ADD CONSTRAINT "mfa_challenge_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "identity"."user_account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

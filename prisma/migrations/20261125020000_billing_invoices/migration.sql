-- CreateEnum
CREATE TYPE "billing"."billing_cycle" AS ENUM ('MONTHLY', 'ANNUAL');

-- CreateEnum
CREATE TYPE "billing"."invoice_kind" AS ENUM ('INVOICE', 'CREDIT_NOTE');

-- CreateEnum
CREATE TYPE "billing"."usage_kind" AS ENUM ('ACTIVE_DEVICE_DAY', 'TELEMETRY_MESSAGES');

-- CreateEnum
CREATE TYPE "billing"."payment_kind" AS ENUM ('PAYMENT', 'REFUND');

-- AlterTable
ALTER TABLE "billing"."plan_subscription" ADD COLUMN     "billing_cycle" "billing"."billing_cycle" NOT NULL DEFAULT 'MONTHLY',
ADD COLUMN     "cancel_at_period_end" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "canceled_at" TIMESTAMPTZ(3),
ADD COLUMN     "currency" CHAR(3) NOT NULL DEFAULT 'USD',
ADD COLUMN     "current_period_end" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "current_period_start" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "billing"."subscription_event" (
    "id" UUID NOT NULL,
    "subscription_id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "status" "billing"."subscription_status" NOT NULL,
    "plan" "billing"."plan_code" NOT NULL,
    "billing_cycle" "billing"."billing_cycle" NOT NULL,
    "reason" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "sequence" SERIAL NOT NULL,

    CONSTRAINT "subscription_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "billing"."billing_profile" (
    "tenant_id" UUID NOT NULL,
    "country" CHAR(2) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "billing_profile_pkey" PRIMARY KEY ("tenant_id")
);

-- CreateTable
CREATE TABLE "billing"."vat_rate" (
    "id" UUID NOT NULL,
    "country" CHAR(2) NOT NULL,
    "rate_basis_points" INTEGER NOT NULL,
    "effective_from" DATE NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "vat_rate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "billing"."invoice_counter" (
    "tenant_id" UUID NOT NULL,
    "last_number" INTEGER NOT NULL,

    CONSTRAINT "invoice_counter_pkey" PRIMARY KEY ("tenant_id")
);

-- CreateTable
CREATE TABLE "billing"."invoice" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "kind" "billing"."invoice_kind" NOT NULL,
    "subscription_id" UUID,
    "credited_invoice_id" UUID,
    "currency" CHAR(3) NOT NULL,
    "subtotal_minor" INTEGER NOT NULL,
    "vat_country" CHAR(2) NOT NULL,
    "vat_rate_basis_points" INTEGER NOT NULL,
    "vat_minor" INTEGER NOT NULL,
    "total_minor" INTEGER NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,

    CONSTRAINT "invoice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "billing"."invoice_line" (
    "id" UUID NOT NULL,
    "invoice_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "amount_minor" INTEGER NOT NULL,

    CONSTRAINT "invoice_line_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "billing"."usage_record" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "kind" "billing"."usage_kind" NOT NULL,
    "usage_key" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "invoice_id" UUID,

    CONSTRAINT "usage_record_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "billing"."payment" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "invoice_id" UUID NOT NULL,
    "kind" "billing"."payment_kind" NOT NULL,
    "amount_minor" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "reference" TEXT NOT NULL,
    "refunded_payment_id" UUID,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "billing"."webhook_event" (
    "event_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "webhook_event_pkey" PRIMARY KEY ("event_id")
);

-- CreateTable
CREATE TABLE "billing"."exchange_rate" (
    "id" UUID NOT NULL,
    "base_currency" CHAR(3) NOT NULL,
    "quote_currency" CHAR(3) NOT NULL,
    "rate" TEXT NOT NULL,
    "as_of" DATE NOT NULL,

    CONSTRAINT "exchange_rate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "subscription_event_subscription_id_at_idx" ON "billing"."subscription_event"("subscription_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "vat_rate_country_effective_from_key" ON "billing"."vat_rate"("country", "effective_from");

-- CreateIndex
CREATE UNIQUE INDEX "invoice_tenant_id_number_key" ON "billing"."invoice"("tenant_id", "number");

-- CreateIndex
CREATE UNIQUE INDEX "invoice_tenant_id_idempotency_key_key" ON "billing"."invoice"("tenant_id", "idempotency_key");

-- CreateIndex
CREATE UNIQUE INDEX "invoice_line_invoice_id_position_key" ON "billing"."invoice_line"("invoice_id", "position");

-- CreateIndex
CREATE INDEX "usage_record_tenant_id_invoice_id_idx" ON "billing"."usage_record"("tenant_id", "invoice_id");

-- CreateIndex
CREATE UNIQUE INDEX "usage_record_tenant_id_usage_key_key" ON "billing"."usage_record"("tenant_id", "usage_key");

-- CreateIndex
CREATE INDEX "payment_invoice_id_idx" ON "billing"."payment"("invoice_id");

-- CreateIndex
CREATE UNIQUE INDEX "payment_tenant_id_reference_key" ON "billing"."payment"("tenant_id", "reference");

-- CreateIndex
CREATE UNIQUE INDEX "exchange_rate_base_currency_quote_currency_as_of_key" ON "billing"."exchange_rate"("base_currency", "quote_currency", "as_of");

-- AddForeignKey
ALTER TABLE "billing"."subscription_event" ADD CONSTRAINT "subscription_event_subscription_id_fkey" FOREIGN KEY ("subscription_id") REFERENCES "billing"."plan_subscription"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "billing"."invoice_line" ADD CONSTRAINT "invoice_line_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "billing"."invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Written by hand below this line: what Prisma's schema cannot express.

-- Subscriptions that existed before periods: their first monthly period starts when they did.
UPDATE "billing"."plan_subscription"
SET "current_period_start" = "started_at", "current_period_end" = "started_at" + INTERVAL '1 month';

-- Issued invoices and credit notes are never changed or removed: corrections are credit notes.
CREATE FUNCTION "billing"."refuse_invoice_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'issued invoices are immutable: issue a credit note instead' USING ERRCODE = 'P0001';
END;
$$;

CREATE TRIGGER "invoice_immutable" BEFORE UPDATE OR DELETE ON "billing"."invoice"
  FOR EACH ROW EXECUTE FUNCTION "billing"."refuse_invoice_change"();

CREATE TRIGGER "invoice_line_immutable" BEFORE UPDATE OR DELETE ON "billing"."invoice_line"
  FOR EACH ROW EXECUTE FUNCTION "billing"."refuse_invoice_change"();

-- Money and counts are never negative where a sign would be meaningless.
ALTER TABLE "billing"."invoice_counter" ADD CONSTRAINT "invoice_counter_positive" CHECK ("last_number" > 0);
ALTER TABLE "billing"."usage_record" ADD CONSTRAINT "usage_record_quantity_positive" CHECK ("quantity" > 0);
ALTER TABLE "billing"."payment" ADD CONSTRAINT "payment_amount_positive" CHECK ("amount_minor" > 0);
ALTER TABLE "billing"."vat_rate" ADD CONSTRAINT "vat_rate_range" CHECK ("rate_basis_points" BETWEEN 0 AND 10000);

-- The VAT rates FarmIQ starts with; a platform admin adds newer ones (setVatRate).
INSERT INTO "billing"."vat_rate" ("id", "country", "rate_basis_points", "effective_from") VALUES
  ('6f1c0a52-5b7e-4d8e-9a51-0d6c3f2b7a01', 'TH', 700, '1992-01-01'),
  ('6f1c0a52-5b7e-4d8e-9a51-0d6c3f2b7a02', 'SG', 800, '2023-01-01'),
  ('6f1c0a52-5b7e-4d8e-9a51-0d6c3f2b7a03', 'SG', 900, '2024-01-01'),
  ('6f1c0a52-5b7e-4d8e-9a51-0d6c3f2b7a04', 'VN', 1000, '1999-01-01'),
  ('6f1c0a52-5b7e-4d8e-9a51-0d6c3f2b7a05', 'DE', 1900, '2007-01-01'),
  ('6f1c0a52-5b7e-4d8e-9a51-0d6c3f2b7a06', 'US', 0, '1970-01-01');

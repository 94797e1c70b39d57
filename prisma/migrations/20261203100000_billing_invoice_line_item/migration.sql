-- What an invoice line charges, in fields (subgraphs/billing/invoices/lineItem.ts); null on lines issued before.
ALTER TABLE "billing"."invoice_line" ADD COLUMN "item" JSONB;

-- Trusted documents: an API client's registered documents, and the operator switch that makes a
-- client send registered documents only.
-- AlterTable
ALTER TABLE "identity"."api_client" ADD COLUMN "require_registered_documents" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "identity"."registered_document" (
    "client_id" UUID NOT NULL,
    "sha256_hash" TEXT NOT NULL,
    "tenant_id" UUID NOT NULL,
    "document" TEXT NOT NULL,
    "operation_name" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "registered_document_pkey" PRIMARY KEY ("client_id","sha256_hash")
);

-- Farm boxes ask kpi for their barn's latest platform-scale session (camera calibration, issue #21)
-- with requests signed like ingest batches; their nonces are kpi's own, kept for the freshness window.
CREATE TABLE "kpi"."edge_nonce" (
    "key_id" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "seen_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "edge_nonce_pkey" PRIMARY KEY ("key_id","nonce")
);

-- CreateIndex
CREATE INDEX "edge_nonce_seen_at_idx" ON "kpi"."edge_nonce"("seen_at");

-- Quota counters of partner API clients (rate-limiter-flexible's PostgreSQL layout).
-- CreateTable
CREATE TABLE "identity"."api_quota" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "api_quota_pkey" PRIMARY KEY ("key")
);

-- CreateEnum
CREATE TYPE "platform" AS ENUM ('meta', 'google', 'tiktok', 'shopify');

-- CreateEnum
CREATE TYPE "integration_status" AS ENUM ('connected', 'needs_reauth', 'error', 'disconnected');

-- CreateTable
CREATE TABLE "integrations" (
    "id" UUID NOT NULL,
    "shop_id" UUID NOT NULL,
    "platform" "platform" NOT NULL,
    "status" "integration_status" NOT NULL,
    "external_shop" TEXT,
    "scopes" TEXT[],
    "access_token_sealed" TEXT,
    "refresh_token_sealed" TEXT,
    "access_token_expires_at" TIMESTAMPTZ(3),
    "refresh_token_expires_at" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "sync_state" JSONB NOT NULL DEFAULT '{}',
    "connected_by_id" UUID,
    "connected_at" TIMESTAMPTZ(3),
    "disconnected_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "integrations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "integration_accounts" (
    "id" UUID NOT NULL,
    "integration_id" UUID NOT NULL,
    "shop_id" UUID NOT NULL,
    "external_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "time_zone" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "login_customer_id" TEXT,
    "selected" BOOLEAN NOT NULL DEFAULT false,
    "sync_state" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "integration_accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "oauth_states" (
    "id" UUID NOT NULL,
    "state_hash" TEXT NOT NULL,
    "platform" "platform" NOT NULL,
    "shop_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "session_id" TEXT NOT NULL,
    "external_shop" TEXT,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "consumed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "oauth_states_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "integrations_shop_id_platform_key" ON "integrations"("shop_id", "platform");

-- CreateIndex
CREATE INDEX "integration_accounts_shop_id_idx" ON "integration_accounts"("shop_id");

-- CreateIndex
CREATE UNIQUE INDEX "integration_accounts_integration_id_external_id_key" ON "integration_accounts"("integration_id", "external_id");

-- CreateIndex
CREATE UNIQUE INDEX "oauth_states_state_hash_key" ON "oauth_states"("state_hash");

-- CreateIndex
CREATE INDEX "oauth_states_expires_at_idx" ON "oauth_states"("expires_at");

-- AddForeignKey
ALTER TABLE "integrations" ADD CONSTRAINT "integrations_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "integration_accounts" ADD CONSTRAINT "integration_accounts_integration_id_fkey" FOREIGN KEY ("integration_id") REFERENCES "integrations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "oauth_states" ADD CONSTRAINT "oauth_states_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

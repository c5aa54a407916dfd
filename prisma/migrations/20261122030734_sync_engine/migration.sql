-- CreateEnum
CREATE TYPE "sync_trigger" AS ENUM ('schedule', 'user', 'backfill');

-- CreateEnum
CREATE TYPE "sync_status" AS ENUM ('queued', 'running', 'succeeded', 'partial', 'failed');

-- CreateTable
CREATE TABLE "sync_runs" (
    "id" UUID NOT NULL,
    "shop_id" UUID NOT NULL,
    "integration_id" UUID NOT NULL,
    "active_for" UUID,
    "platform" "platform" NOT NULL,
    "trigger" "sync_trigger" NOT NULL,
    "mode" TEXT NOT NULL,
    "status" "sync_status" NOT NULL,
    "progress" INTEGER NOT NULL DEFAULT 0,
    "plan" JSONB NOT NULL DEFAULT '[]',
    "next_step" INTEGER NOT NULL DEFAULT 0,
    "rows_written" JSONB NOT NULL DEFAULT '{}',
    "api_calls" INTEGER NOT NULL DEFAULT 0,
    "retries" INTEGER NOT NULL DEFAULT 0,
    "failure_streak" INTEGER NOT NULL DEFAULT 0,
    "waiting_until" TIMESTAMPTZ(3),
    "error" TEXT,
    "account_errors" JSONB NOT NULL DEFAULT '{}',
    "affected_from" DATE,
    "affected_to" DATE,
    "requested_by_id" UUID,
    "queued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "sync_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sync_attempts" (
    "id" UUID NOT NULL,
    "run_id" UUID NOT NULL,
    "integration_id" UUID NOT NULL,
    "worker_id" TEXT NOT NULL,
    "job_id" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ended_at" TIMESTAMPTZ(3),
    "outcome" TEXT,
    "steps_done" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "sync_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ad_campaigns" (
    "shop_id" UUID NOT NULL,
    "platform" "platform" NOT NULL,
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "objective" TEXT,
    "currency" CHAR(3) NOT NULL,
    "daily_budget" BIGINT,
    "synced_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ad_campaigns_pkey" PRIMARY KEY ("shop_id","platform","id")
);

-- CreateTable
CREATE TABLE "ad_sets" (
    "shop_id" UUID NOT NULL,
    "platform" "platform" NOT NULL,
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "campaign_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "daily_budget" BIGINT,
    "synced_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ad_sets_pkey" PRIMARY KEY ("shop_id","platform","id")
);

-- CreateTable
CREATE TABLE "ads" (
    "shop_id" UUID NOT NULL,
    "platform" "platform" NOT NULL,
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "campaign_id" TEXT NOT NULL,
    "ad_set_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "creative_id" TEXT,
    "synced_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ads_pkey" PRIMARY KEY ("shop_id","platform","id")
);

-- CreateTable
CREATE TABLE "ad_creatives" (
    "shop_id" UUID NOT NULL,
    "platform" "platform" NOT NULL,
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT,
    "body" TEXT,
    "image_url" TEXT,
    "synced_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ad_creatives_pkey" PRIMARY KEY ("shop_id","platform","id")
);

-- CreateTable
CREATE TABLE "ad_metrics_daily" (
    "shop_id" UUID NOT NULL,
    "platform" "platform" NOT NULL,
    "ad_id" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "account_id" TEXT NOT NULL,
    "campaign_id" TEXT NOT NULL,
    "ad_set_id" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "spend" BIGINT NOT NULL,
    "impressions" BIGINT NOT NULL,
    "reach" BIGINT,
    "clicks" BIGINT NOT NULL,
    "conversions" DECIMAL(14,4) NOT NULL,
    "conversion_value" BIGINT NOT NULL,
    "synced_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ad_metrics_daily_pkey" PRIMARY KEY ("shop_id","platform","ad_id","date")
);

-- CreateTable
CREATE TABLE "orders" (
    "shop_id" UUID NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "cancelled_at" TIMESTAMPTZ(3),
    "currency" CHAR(3) NOT NULL,
    "total_price" BIGINT NOT NULL,
    "subtotal_price" BIGINT NOT NULL,
    "total_discounts" BIGINT NOT NULL,
    "total_tax" BIGINT NOT NULL,
    "total_shipping" BIGINT NOT NULL,
    "total_refunded" BIGINT NOT NULL,
    "customer_id" TEXT,
    "new_customer" BOOLEAN,
    "financial_status" TEXT,
    "landing_site" TEXT,
    "referring_site" TEXT,
    "utm_source" TEXT,
    "utm_medium" TEXT,
    "utm_campaign" TEXT,
    "utm_content" TEXT,
    "test" BOOLEAN NOT NULL,
    "synced_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "orders_pkey" PRIMARY KEY ("shop_id","id")
);

-- CreateTable
CREATE TABLE "order_lines" (
    "shop_id" UUID NOT NULL,
    "id" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "sku" TEXT,
    "title" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unit_price" BIGINT NOT NULL,

    CONSTRAINT "order_lines_pkey" PRIMARY KEY ("shop_id","id")
);

-- CreateTable
CREATE TABLE "order_refunds" (
    "shop_id" UUID NOT NULL,
    "id" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "amount" BIGINT NOT NULL,

    CONSTRAINT "order_refunds_pkey" PRIMARY KEY ("shop_id","id")
);

-- CreateTable
CREATE TABLE "daily_rollups" (
    "shop_id" UUID NOT NULL,
    "date" DATE NOT NULL,
    "channel" TEXT NOT NULL,
    "campaign_id" TEXT NOT NULL,
    "campaign_name" TEXT,
    "currency" CHAR(3) NOT NULL,
    "spend" BIGINT NOT NULL,
    "impressions" BIGINT NOT NULL,
    "clicks" BIGINT NOT NULL,
    "conversions" DECIMAL(14,4) NOT NULL,
    "platform_revenue" BIGINT NOT NULL,
    "store_revenue" BIGINT NOT NULL,
    "orders" INTEGER NOT NULL,
    "new_customers" INTEGER NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "daily_rollups_pkey" PRIMARY KEY ("shop_id","date","channel","campaign_id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" UUID NOT NULL,
    "shop_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT,
    "read_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "sync_runs_active_for_key" ON "sync_runs"("active_for");

-- CreateIndex
CREATE INDEX "sync_runs_integration_id_queued_at_idx" ON "sync_runs"("integration_id", "queued_at" DESC);

-- CreateIndex
CREATE INDEX "sync_runs_shop_id_queued_at_id_idx" ON "sync_runs"("shop_id", "queued_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "sync_attempts_run_id_idx" ON "sync_attempts"("run_id");

-- CreateIndex
CREATE INDEX "sync_attempts_integration_id_started_at_idx" ON "sync_attempts"("integration_id", "started_at");

-- CreateIndex
CREATE INDEX "ad_metrics_daily_shop_id_date_idx" ON "ad_metrics_daily"("shop_id", "date");

-- CreateIndex
CREATE INDEX "orders_shop_id_created_at_idx" ON "orders"("shop_id", "created_at");

-- CreateIndex
CREATE INDEX "order_lines_shop_id_order_id_idx" ON "order_lines"("shop_id", "order_id");

-- CreateIndex
CREATE INDEX "order_refunds_shop_id_order_id_idx" ON "order_refunds"("shop_id", "order_id");

-- CreateIndex
CREATE INDEX "notifications_user_id_created_at_idx" ON "notifications"("user_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "notifications_shop_id_created_at_idx" ON "notifications"("shop_id", "created_at" DESC);

-- AddForeignKey
ALTER TABLE "sync_runs" ADD CONSTRAINT "sync_runs_integration_id_fkey" FOREIGN KEY ("integration_id") REFERENCES "integrations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sync_attempts" ADD CONSTRAINT "sync_attempts_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "sync_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ad_campaigns" ADD CONSTRAINT "ad_campaigns_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ad_sets" ADD CONSTRAINT "ad_sets_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ads" ADD CONSTRAINT "ads_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ad_creatives" ADD CONSTRAINT "ad_creatives_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ad_metrics_daily" ADD CONSTRAINT "ad_metrics_daily_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "orders" ADD CONSTRAINT "orders_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_refunds" ADD CONSTRAINT "order_refunds_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "daily_rollups" ADD CONSTRAINT "daily_rollups_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

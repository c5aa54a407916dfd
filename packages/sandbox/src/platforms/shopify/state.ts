import type { SandboxDataset, SandboxOrderView } from "../../dataset/index.ts";
import type { BulkRecord } from "./bulk.ts";
import { CostBucket } from "./cost.ts";

/**
 * What one sandbox remembers about Shopify between requests: the cost bucket
 * and bulk operations per app and shop, and which tokens belong to which
 * installation (so an uninstall can revoke them all).
 */
export class ShopifyState {
  private readonly buckets = new Map<string, CostBucket>();
  readonly bulkById = new Map<string, BulkRecord>();
  readonly latestBulk = new Map<string, BulkRecord>();
  private bulkCount = 0;
  /** Token ids issued per installation (app and shop). */
  readonly installTokens = new Map<string, Set<string>>();
  /** Refresh token id → the refresh token it replaced (retired when the new one is first used). */
  readonly replacedRefresh = new Map<string, string>();
  /** Authorization codes issued for an online (per-user) token. */
  readonly onlineCodes = new Set<string>();
  private ordersCache: { at: string; orders: SandboxOrderView[] } | null = null;
  private readonly sortedCache = new Map<string, SandboxOrderView[]>();

  constructor(private readonly dataset: SandboxDataset) {}

  bucket(key: string): CostBucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new CostBucket();
      this.buckets.set(key, bucket);
    }
    return bucket;
  }

  refillBuckets(): void {
    this.buckets.clear();
  }

  nextBulkId(): string {
    this.bulkCount += 1;
    return `gid://shopify/BulkOperation/${5_210_000_000 + this.bulkCount}`;
  }

  rememberToken(installation: string, jti: string): void {
    let tokens = this.installTokens.get(installation);
    if (!tokens) {
      tokens = new Set();
      this.installTokens.set(installation, tokens);
    }
    tokens.add(jti);
  }

  /** The shop's orders as they stand at `now`, sorted by `key` (ties by id); cached per instant. */
  orders(now: Date, key: string, sortOf: (order: SandboxOrderView) => string | number): SandboxOrderView[] {
    const at = now.toISOString();
    if (this.ordersCache?.at !== at) {
      this.ordersCache = { at, orders: this.dataset.orders(now) };
      this.sortedCache.clear();
    }
    let sorted = this.sortedCache.get(key);
    if (!sorted) {
      const id = (order: SandboxOrderView) => Number(order.id.slice(order.id.lastIndexOf("/") + 1));
      sorted = [...this.ordersCache.orders].sort((a, b) => {
        const left = sortOf(a);
        const right = sortOf(b);
        return left < right ? -1 : left > right ? 1 : id(a) - id(b);
      });
      this.sortedCache.set(key, sorted);
    }
    return sorted;
  }
}

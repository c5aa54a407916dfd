import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { z } from "zod";
import { sandboxPlatforms } from "./platform.ts";

export const faultsSchema = z.strictObject({
  /** Share of API requests answered as rate-limited, in the platform's own form, with Retry-After. */
  rateLimitRate: z.number().min(0).max(1).default(0),
  /** Seconds the rate-limited answer asks the client to wait. */
  retryAfterSeconds: z.number().min(0).max(3600).default(2),
  /** Share of API requests answered with a server error. */
  serverErrorRate: z.number().min(0).max(1).default(0),
  /** Share of API requests answered 200 with a truncated JSON body. */
  malformedRate: z.number().min(0).max(1).default(0),
  /** Share of API requests delayed by `slowMs` before they are answered. */
  slowRate: z.number().min(0).max(1).default(0),
  slowMs: z.number().int().min(0).max(120_000).default(1500),
  /** After this many calls with one access token, the platform calls the token expired. */
  tokenExpiresAfterCalls: z.number().int().positive().nullable().default(null),
  /** Platforms the faults apply to; all when absent. */
  platforms: z.array(z.enum(sandboxPlatforms)).optional(),
});

export type Faults = z.infer<typeof faultsSchema>;
export type FaultKind = "rate_limited" | "server_error" | "malformed" | "slow";

export const noFaults: Faults = faultsSchema.parse({});

/** Decides, reproducibly from the seed and the order of requests, which requests fail. */
export class FaultPlan {
  private readonly random;

  constructor(
    public faults: Faults,
    seed: number,
  ) {
    this.random = xoroshiro128plus(seed ^ 0x5eed);
  }

  draw(platform: string): FaultKind[] {
    const { faults } = this;
    if (faults.platforms && !faults.platforms.includes(platform as never)) return [];
    const roll = uniformFloat64(this.random);
    const kinds: FaultKind[] = [];
    if (uniformFloat64(this.random) < faults.slowRate) kinds.push("slow");
    if (roll < faults.rateLimitRate) kinds.push("rate_limited");
    else if (roll < faults.rateLimitRate + faults.serverErrorRate) kinds.push("server_error");
    else if (roll < faults.rateLimitRate + faults.serverErrorRate + faults.malformedRate)
      kinds.push("malformed");
    return kinds;
  }
}

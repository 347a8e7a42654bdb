// Shopify's cost-based rate limit: a bucket of points per app and store that refills continuously at
// the restore rate up to its maximum. A request takes its requested cost up front and gets back the
// difference once its actual cost is known; a request that costs more than what is left is throttled.

export type ThrottleStatus = { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
export type BucketSettings = { maximumAvailable: number; restoreRate: number };

export function createLeakyBucket(settings: BucketSettings, now: () => number = () => performance.now()) {
  let { maximumAvailable, restoreRate } = settings;
  let available = maximumAvailable;
  let at = now();

  function refill() {
    const t = now();
    available = Math.min(maximumAvailable, available + ((t - at) / 1000) * restoreRate);
    at = t;
  }

  return {
    status(): ThrottleStatus {
      refill();
      // Shopify reports whole points
      return { maximumAvailable, currentlyAvailable: Math.floor(available), restoreRate };
    },
    /** Takes `cost` if the bucket holds it; false means throttled. */
    take(cost: number): boolean {
      refill();
      if (cost > available) return false;
      available -= cost;
      return true;
    },
    giveBack(points: number) {
      refill();
      available = Math.min(maximumAvailable, available + Math.max(0, points));
    },
    configure(next: Partial<BucketSettings> & { currentlyAvailable?: number }) {
      refill();
      maximumAvailable = next.maximumAvailable ?? maximumAvailable;
      restoreRate = next.restoreRate ?? restoreRate;
      available = Math.min(maximumAvailable, next.currentlyAvailable ?? available);
    },
  };
}

export type LeakyBucket = ReturnType<typeof createLeakyBucket>;

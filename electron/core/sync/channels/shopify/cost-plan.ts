// A document's price before it is sent. The plans are generated from the Admin schema with Shopify's
// published cost rules (npm run shopify:codegen); here they are only evaluated with the request's
// variables, so the adapter never sends a query the rate-limit bucket cannot pay for.

/** A page size: a literal, or a variable of the operation (with the operation's default for it). */
export type PlanSize = number | { variable: string; default?: number | undefined };

/** cost = fixed + Σ size × each + the dearest of `oneOf` (interfaces and unions) */
export type CostPlan = {
  fixed: number;
  sized: Array<{ size: PlanSize; each: CostPlan }>;
  oneOf: CostPlan[];
};

function sizeFromVariable(value: unknown, fallback: number | undefined): number {
  if (typeof value === 'number') return value;
  if (Array.isArray(value)) return value.length;
  return fallback ?? 0;
}

/** Evaluates a plan with the request's variables; a page-size variable left out counts at its default, else 0. */
export function planCost(plan: CostPlan, variables: Record<string, unknown> = {}): number {
  let total = plan.fixed;
  for (const s of plan.sized) {
    const size = typeof s.size === 'number' ? s.size : sizeFromVariable(variables[s.size.variable], s.size.default);
    total += size * planCost(s.each, variables);
  }
  if (plan.oneOf.length) total += Math.max(...plan.oneOf.map((p) => planCost(p, variables)));
  return total;
}

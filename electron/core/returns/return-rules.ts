import { AppError } from '../../../shared/contract/errors';
import { ReturnRulesSchema, type ReturnRules } from '../../../shared/contract/returns';
import type { Repos } from '../store';

const RULES_KEY = 'returns.rules';
const QUARANTINE_CODE = 'QUARANTINE';

export function readReturnRules(repos: Repos): ReturnRules {
  const parsed = ReturnRulesSchema.safeParse(repos.settings.get(RULES_KEY) ?? {});
  // rules saved by an older version that no longer parse must not stop the returns bench: the defaults hold
  return parsed.success ? parsed.data : ReturnRulesSchema.parse({});
}

export function saveReturnRules(repos: Repos, next: ReturnRules): ReturnRules {
  const rules = ReturnRulesSchema.parse(next);
  return repos.transaction(() => {
    if (rules.quarantineLocationId !== null) {
      const loc = repos.catalog.location(rules.quarantineLocationId);
      if (!loc) throw new AppError('not_found', `Location ${rules.quarantineLocationId} does not exist.`, 'Reload Settings and choose the quarantine location again.', { quarantineLocationId: 'Choose a location' });
      const sellable = repos.catalog.locations().filter((l) => l.id !== loc.id && repos.catalog.location(l.id)?.sellable);
      if (!sellable.length) {
        throw new AppError('conflict', `${loc.name} is the only place stock is sold from, so it cannot be the quarantine.`, 'Choose another location, or leave it empty and Packbench makes a "Quarantine" location when it is first needed.', { quarantineLocationId: 'Choose another location' });
      }
      // what sits in quarantine is never offered for sale
      repos.catalog.setSellable(loc.id, false);
    }
    repos.settings.set(RULES_KEY, rules);
    return rules;
  });
}

/**
 * The location quarantined units go to, inside the caller's transaction: the one the shop chose, else a
 * "Quarantine" location made now next to `near` (same address), never for sale.
 */
export function quarantineLocation(repos: Repos, near: number): { id: number; name: string } {
  const rules = readReturnRules(repos);
  const chosen = rules.quarantineLocationId !== null ? repos.catalog.location(rules.quarantineLocationId) : undefined;
  if (chosen) return { id: chosen.id, name: chosen.name };
  const existing = repos.catalog.locationByCode(QUARANTINE_CODE);
  const id = existing?.id ?? repos.catalog.insertLocation(QUARANTINE_CODE, 'Quarantine (returns)', repos.catalog.locationAddress(near)!, false);
  repos.settings.set(RULES_KEY, { ...rules, quarantineLocationId: id });
  return { id, name: existing?.name ?? 'Quarantine (returns)' };
}

/** The name shown before the quarantine exists. */
export function quarantineName(repos: Repos): string {
  const rules = readReturnRules(repos);
  const loc = rules.quarantineLocationId !== null ? repos.catalog.location(rules.quarantineLocationId) : repos.catalog.locationByCode(QUARANTINE_CODE);
  return loc?.name ?? 'Quarantine (returns)';
}

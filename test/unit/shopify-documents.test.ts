// Every document the Shopify adapter sends is valid against the real Admin schema 2026-10, the bulk
// export query keeps Shopify's bulk rules, and the committed cost plans and types are what
// `npm run shopify:codegen` makes from the documents today (a document changed without regenerating
// fails here).

import { readFileSync } from 'node:fs';
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as documents from '../../electron/core/sync/channels/shopify/documents';
import { COST_PLANS } from '../../electron/core/sync/channels/shopify/generated/cost-plans';
import { loadAdminSchema } from '../emulators/shopify/admin-schema';
import { bulkQueryProblems } from '../emulators/shopify/bulk';
import { costPlan } from '../emulators/shopify/query-cost';

const admin = loadAdminSchema('2026-10');
const sent = Object.entries(documents as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trimStart().startsWith('#graphql'));

describe('Shopify documents', () => {
  it.each(sent)('%s is valid against the Admin schema 2026-10 and priced by the committed plan', (_name, text) => {
    const doc = parse(text);
    expect(validate(admin.schema, doc).map((e) => e.message)).toEqual([]);
    const op = /\b(?:query|mutation)\s+(\w+)/.exec(text)![1]!;
    expect(COST_PLANS[op]).toEqual(costPlan(admin.schema, doc, op));
    // the generated request types know this exact document
    expect(readFileSync(new URL('../../electron/core/sync/channels/shopify/generated/admin.generated.d.ts', import.meta.url), 'utf8')).toContain(JSON.stringify(text));
  });

  it('sends @idempotent on every mutation the schema says needs it', () => {
    for (const [, text] of sent) {
      for (const [name, rule] of admin.idempotency) {
        if (!rule.requiredFrom || !new RegExp(`\\b${name}\\(`).test(text)) continue;
        expect(text, name).toMatch(new RegExp(`${name}\\([^)]*\\)\\s*@idempotent\\(key:`));
      }
    }
  });

  it('the bulk export query is valid and keeps the bulk rules', () => {
    const doc = parse(documents.bulkOrdersQuery("status:open AND -fulfillment_status:shipped"));
    expect(validate(admin.schema, doc).map((e) => e.message)).toEqual([]);
    expect(bulkQueryProblems(admin.schema, doc)).toEqual([]);
  });
});

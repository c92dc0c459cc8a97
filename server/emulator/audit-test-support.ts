import { expect } from 'vitest';
import { auditPageSchema } from '../../src/contract/index';
import type { AuditLog, AuditPage } from '../../src/contract/index';
import type { CallOptions, TestEmulator } from './test-support';

/** `GET /v1/audit` for the audit specs: one page, parsed with the contract schema. */
export async function auditPage(
  t: TestEmulator,
  query = '',
  options: CallOptions = {},
): Promise<AuditPage> {
  const res = await t.call('GET', '/v1/audit', { ...options, query });
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  return auditPageSchema.parse(res.json);
}

/** Every record matching `query`, through the API's own paging (500 a page). */
export async function allAuditRecords(t: TestEmulator, query = ''): Promise<AuditLog[]> {
  const out: AuditLog[] = [];
  for (let p = 1; ; p++) {
    const res = await auditPage(t, `${query}${query ? '&' : ''}limit=500&page=${p}`);
    out.push(...res.items);
    if (p >= res.totalPages) return out;
  }
}

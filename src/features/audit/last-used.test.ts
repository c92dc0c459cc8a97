import { describe, expect, it, vi } from 'vitest';
import { auditLogSchema, type AuditLog, type AuditPage } from '@/contract';
import type { ApiClient } from '@/lib/api-client';
import { scanLastUsed } from './api/walk';
import { emptyScan, foldUsagePage, isEveryVersionFound } from './last-used';

let seq = 0;
function use(version: string | undefined, at: string, outcome = 'success'): AuditLog {
  seq += 1;
  return auditLogSchema.parse({
    createdAt: at,
    eventID: `e${seq}`,
    action: 'kms.decrypt',
    resourceType: 'kms_key',
    resourceIdentity: 'kms-abc',
    organizationIdentity: 'org-local',
    context: {
      region: 'nl-01',
      responseStatus: outcome === 'success' ? 200 : 400,
      outcome,
      ...(version ? { keyVersion: version } : {}),
    },
  });
}

describe('last used per version', () => {
  it('takes the first (newest) event per version, across pages', () => {
    const versions = new Set([1, 2, 3]);
    let scan = foldUsagePage(
      emptyScan(),
      [use('3', '2026-11-29T10:00:00Z'), use('3', '2026-11-29T09:00:00Z')],
      versions,
    );
    scan = foldUsagePage(
      scan,
      [use('1', '2026-11-28T10:00:00Z', 'failure'), use(undefined, '2026-11-27T10:00:00Z')],
      versions,
    );
    expect(scan.byVersion.get(3)?.createdAt).toBe('2026-11-29T10:00:00Z');
    expect(scan.byVersion.get(1)?.context.outcome).toBe('failure');
    expect(scan.byVersion.has(2)).toBe(false);
    expect(scan.scanned).toBe(4);
    expect(scan.oldest).toBe('2026-11-27T10:00:00Z');
    expect(isEveryVersionFound(scan, versions)).toBe(false);
  });

  it('ignores versions the key does not list', () => {
    const scan = foldUsagePage(emptyScan(), [use('9', '2026-11-29T10:00:00Z')], new Set([1]));
    expect(scan.byVersion.size).toBe(0);
  });
});

/** A client whose audit log is `events` (newest first), paged like the API. */
function fakeClient(events: AuditLog[]) {
  const call = vi.fn(async (_name: string, options: { query: Record<string, string> }) => {
    const page = Number(options.query.page);
    const limit = Number(options.query.limit);
    const result: AuditPage = {
      items: events.slice((page - 1) * limit, page * limit),
      totalItems: events.length,
      page,
      itemsPerPage: limit,
      totalPages: Math.ceil(events.length / limit),
      totalCount: events.length,
    };
    return result;
  });
  return { client: { call } as unknown as ApiClient, call };
}

describe('scanLastUsed', () => {
  const t = (h: number) => new Date(Date.UTC(2026, 10, 29, h)).toISOString();

  it('stops as soon as every version is found', async () => {
    const events = [
      use('2', t(20)),
      use('1', t(19)),
      ...Array.from({ length: 8 }, () => use('2', t(1))),
    ];
    const { client, call } = fakeClient(events);
    const scan = await scanLastUsed(client, 'kms-abc', [1, 2], t(23), undefined, 10, 2);
    expect(call).toHaveBeenCalledTimes(1);
    expect(scan.byVersion.get(1)?.createdAt).toBe(t(19));
    expect(scan.isComplete).toBe(false);
  });

  it('stops at the bound and says what it read', async () => {
    const events = Array.from({ length: 20 }, () => use('2', t(5)));
    const { client, call } = fakeClient(events);
    const scan = await scanLastUsed(client, 'kms-abc', [1, 2], t(23), undefined, 3, 2);
    expect(call).toHaveBeenCalledTimes(3);
    expect(scan.scanned).toBe(6);
    expect(scan.byVersion.has(1)).toBe(false);
    expect(scan.isComplete).toBe(false);
  });

  it('marks the scan complete at the end of the history', async () => {
    const { client, call } = fakeClient([use('2', t(5)), use('2', t(4)), use('2', t(3))]);
    const scan = await scanLastUsed(client, 'kms-abc', [1, 2], t(23), undefined, 10, 2);
    expect(call).toHaveBeenCalledTimes(2);
    expect(scan.isComplete).toBe(true);
    expect(call.mock.calls[0]?.[1].query).toMatchObject({
      resourceIdentity: 'kms-abc',
      createdBefore: t(23),
      action: 'kms.encrypt,kms.decrypt,kms.sign,kms.verify,kms.hmac,kms.verify_hmac',
    });
  });
});

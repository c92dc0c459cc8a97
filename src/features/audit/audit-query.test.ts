import { describe, expect, it } from 'vitest';
import { auditQuerySchema } from '@/contract';
import { auditFilterQuery, newerQuery, pageQuery } from './audit-query';
import { DEFAULT_AUDIT_VIEW, type AuditView } from './audit-search';

const AT = '2026-11-29T12:00:00.000Z';
const view = (v: Partial<AuditView>): AuditView => ({ ...DEFAULT_AUDIT_VIEW, ...v });

describe('view → API query', () => {
  it('pins the unfiltered view to its snapshot', () => {
    expect(auditFilterQuery(view({}), AT)).toEqual({
      resourceType: 'kms_key',
      createdBefore: AT,
    });
  });

  it('sends a group as its comma-separated actions and every filter as a parameter', () => {
    const q = auditFilterQuery(
      view({ action: 'export', outcome: 'failure', region: 'nl-02', key: ' orders ', range: '1h' }),
      AT,
    );
    expect(q).toEqual({
      resourceType: 'kms_key',
      action: 'kms.export',
      outcome: 'failure',
      region: 'nl-02',
      searchText: 'orders',
      createdAfter: '2026-11-29T11:00:00.000Z',
      createdBefore: AT,
    });
    expect(auditFilterQuery(view({ action: 'crypto' }), AT).action).toBe(
      'kms.encrypt,kms.decrypt,kms.sign,kms.verify,kms.hmac,kms.verify_hmac',
    );
  });

  it('ends a custom range at the earlier of its end and the snapshot', () => {
    const past = view({
      range: 'custom',
      from: '2026-11-01T00:00:00Z',
      to: '2026-11-02T00:00:00Z',
    });
    expect(auditFilterQuery(past, AT)).toMatchObject({
      createdAfter: '2026-11-01T00:00:00.000Z',
      createdBefore: '2026-11-02T00:00:00.000Z',
    });
    const open = view({ range: 'custom', from: '2026-11-01T00:00:00Z' });
    expect(auditFilterQuery(open, AT).createdBefore).toBe(AT);
  });

  it('spells every instant one way (UTC, milliseconds)', () => {
    const q = auditFilterQuery(
      view({ range: 'custom', from: '2026-11-01T01:00:00+01:00' }),
      '2026-11-29T12:00:00Z',
    );
    expect(q).toMatchObject({ createdAfter: '2026-11-01T00:00:00.000Z', createdBefore: AT });
  });

  it('builds pages the contract accepts', () => {
    const q = pageQuery(auditFilterQuery(view({ action: 'crypto', range: '7d' }), AT), 3);
    expect(auditQuerySchema.parse(q)).toMatchObject({ page: 3, limit: 50 });
  });

  it('counts new events after the snapshot with the same filters', () => {
    expect(newerQuery(view({ outcome: 'failure', range: '24h' }), AT)).toEqual({
      resourceType: 'kms_key',
      outcome: 'failure',
      createdAfter: AT,
      page: '1',
      limit: '1',
    });
  });

  it('has no new events for a custom range that ended before the snapshot', () => {
    expect(newerQuery(view({ range: 'custom', to: '2026-11-02T00:00:00Z' }), AT)).toBeNull();
  });
});

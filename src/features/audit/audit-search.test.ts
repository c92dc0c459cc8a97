import { describe, expect, it } from 'vitest';
import {
  auditSearchSchema,
  DEFAULT_AUDIT_VIEW,
  hasAuditFilters,
  readAuditView,
  writeAuditView,
  type AuditView,
} from './audit-search';

const AT = '2026-11-29T12:00:00.000Z';

describe('audit URL state', () => {
  it('round-trips every filter through the URL', () => {
    const view: AuditView = {
      action: 'crypto',
      outcome: 'failure',
      region: 'nl-01',
      key: 'payments',
      range: 'custom',
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-02T00:00:00.000Z',
      page: 3,
      at: AT,
    };
    const search = auditSearchSchema.parse(writeAuditView(view));
    expect(readAuditView(search)).toEqual({ view, notices: [] });
  });

  it('leaves defaults out and writes the page as a number', () => {
    expect(writeAuditView({ ...DEFAULT_AUDIT_VIEW, page: 2 })).toEqual({
      action: undefined,
      outcome: undefined,
      region: undefined,
      key: undefined,
      range: undefined,
      from: undefined,
      to: undefined,
      page: 2,
      at: undefined,
    });
  });

  it('accepts one action or a group', () => {
    expect(readAuditView({ action: 'kms.decrypt' }).view.action).toBe('kms.decrypt');
    expect(readAuditView({ action: 'lifecycle' }).view.action).toBe('lifecycle');
  });

  it('reads a hand-typed page number (the router parses it as a number)', () => {
    const search = auditSearchSchema.parse({ page: 4 });
    expect(readAuditView(search).view.page).toBe(4);
    expect(readAuditView({ page: '7' }).view.page).toBe(7);
  });

  it('drops each bad value on its own with a short notice, keeping the rest', () => {
    const { view, notices } = readAuditView({
      action: 'kms.steal',
      outcome: 'maybe',
      region: 'NL 01<script>',
      range: 'forever',
      page: '-2',
      at: 'yesterday',
      key: 'orders',
    });
    expect(view).toEqual({ ...DEFAULT_AUDIT_VIEW, key: 'orders' });
    expect(notices).toEqual([
      'action "kms.steal" is not a known action',
      'outcome "maybe" is not success or failure',
      'region "NL 01<script>" is not a region slug',
      'time range "forever" is not one of all, 1h, 24h, 7d, custom',
      'page "-2" is not a page number',
      'snapshot time "yesterday" is not a date',
    ]);
  });

  it('cuts a long bad value short in its notice', () => {
    const { notices } = readAuditView({ action: 'x'.repeat(500) });
    expect(notices[0]).toBe(`action "${'x'.repeat(40)}…" is not a known action`);
  });

  it('refuses page 0, fractions and huge pages', () => {
    for (const page of ['0', '1.5', '99999999999', 0]) {
      expect(readAuditView({ page }).view.page).toBe(1);
    }
  });

  it('drops a custom range that ends before it starts', () => {
    const { view, notices } = readAuditView({
      range: 'custom',
      from: '2026-11-02T00:00:00Z',
      to: '2026-11-01T00:00:00Z',
    });
    expect([view.from, view.to]).toEqual([null, null]);
    expect(notices).toEqual(['the custom range ends before it starts']);
  });

  it('says from/to are ignored outside a custom range', () => {
    const { view, notices } = readAuditView({ range: '7d', from: '2026-11-02T00:00:00Z' });
    expect(view.from).toBeNull();
    expect(notices).toEqual(['from/to apply only to a custom time range']);
  });

  it('refuses a key search over 200 characters', () => {
    const { view, notices } = readAuditView({ key: 'k'.repeat(201) });
    expect(view.key).toBe('');
    expect(notices).toHaveLength(1);
  });

  it('knows when the view is filtered (snapshot and page do not count)', () => {
    expect(hasAuditFilters({ ...DEFAULT_AUDIT_VIEW, page: 4, at: AT })).toBe(false);
    expect(hasAuditFilters({ ...DEFAULT_AUDIT_VIEW, range: '1h' })).toBe(true);
    expect(hasAuditFilters({ ...DEFAULT_AUDIT_VIEW, key: '  ' })).toBe(false);
  });
});

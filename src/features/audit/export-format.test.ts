import { describe, expect, it } from 'vitest';
import { auditLogSchema, type AuditLog } from '@/contract';
import { csvField, exportFileName, toCsv, toJson } from './export-format';

function event(overrides: Record<string, unknown> = {}): AuditLog {
  return auditLogSchema.parse({
    createdAt: '2026-11-29T12:00:00.000Z',
    eventID: 'evt-1',
    action: 'kms.decrypt',
    description: 'Decrypt with key orders',
    resourceType: 'kms_key',
    resourceIdentity: 'kms-abc',
    organizationIdentity: 'org-local',
    userIdentity: 'local-token',
    context: { region: 'nl-01', keyVersion: '2', responseStatus: 200, outcome: 'success' },
    ...overrides,
  });
}

describe('CSV', () => {
  it('leaves plain values as they are', () => {
    expect(csvField('kms-abc')).toBe('kms-abc');
  });

  it('quotes quotes, commas and line breaks, doubling quotes', () => {
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('cr\rlf')).toBe('"cr\rlf"');
  });

  it('defuses values a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('+1')).toBe(`"'+1"`);
    expect(csvField('-2+3')).toBe(`"'-2+3"`);
    expect(csvField('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvField('\tcmd')).toBe(`"'\tcmd"`);
    expect(csvField('a=b')).toBe('a=b');
  });

  it('writes a header and one line per event, newest first as given', () => {
    const csv = toCsv([
      event(),
      event({
        eventID: 'evt-2',
        action: 'kms.encrypt',
        userIdentity: undefined,
        serviceAccountIdentity: 'system:scheduler',
        description: '=cmd|"/c calc"!A1, evil',
        context: {
          region: 'nl-01',
          responseStatus: 400,
          outcome: 'failure',
          reason: 'version 1 is below the minimum, "retired"',
        },
      }),
    ]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'time,eventID,action,outcome,responseStatus,reason,resourceType,resourceIdentity,region,projectIdentity,keyVersion,caller,organizationIdentity,description,userAgent',
    );
    expect(lines[1]).toBe(
      '2026-11-29T12:00:00.000Z,evt-1,kms.decrypt,success,200,,kms_key,kms-abc,nl-01,,2,local-token,org-local,Decrypt with key orders,',
    );
    expect(lines[2]).toBe(
      '2026-11-29T12:00:00.000Z,evt-2,kms.encrypt,failure,400,"version 1 is below the minimum, ""retired""",kms_key,kms-abc,nl-01,,,system:scheduler,org-local,"\'=cmd|""/c calc""!A1, evil",',
    );
    expect(lines[3]).toBe('');
  });
});

describe('JSON', () => {
  it('holds the contract fields only, with what was exported', () => {
    const withExtra = { ...event(), secret: 'nope' } as AuditLog;
    const parsed = JSON.parse(
      toJson([auditLogSchema.parse(withExtra)], {
        exportedAt: '2026-11-29T12:01:00.000Z',
        query: { resourceType: 'kms_key' },
        totalInView: 1,
      }),
    ) as { count: number; items: Record<string, unknown>[] };
    expect(parsed.count).toBe(1);
    expect(parsed.items[0]).not.toHaveProperty('secret');
    expect(parsed.items[0]).toMatchObject({ eventID: 'evt-1' });
  });
});

it('names files without colons', () => {
  expect(exportFileName('2026-11-29T12:00:00.123Z', 'csv')).toBe('audit-2026-11-29T12-00-00Z.csv');
});

import type { AuditLog } from '@/contract';
import { auditCaller } from './audit-labels';

/** CSV columns, in order: every field of a record (records never hold a secret). */
export const CSV_COLUMNS = [
  ['time', (e) => e.createdAt],
  ['eventID', (e) => e.eventID],
  ['action', (e) => e.action],
  ['outcome', (e) => e.context.outcome],
  ['responseStatus', (e) => String(e.context.responseStatus)],
  ['reason', (e) => e.context.reason ?? ''],
  ['resourceType', (e) => e.resourceType],
  ['resourceIdentity', (e) => e.resourceIdentity],
  ['region', (e) => e.context.region],
  ['projectIdentity', (e) => e.context.projectIdentity ?? ''],
  ['keyVersion', (e) => e.context.keyVersion ?? ''],
  ['caller', (e) => auditCaller(e)],
  ['organizationIdentity', (e) => e.organizationIdentity],
  ['description', (e) => e.description ?? ''],
  ['userAgent', (e) => e.context.userAgent ?? ''],
] as const satisfies readonly (readonly [string, (e: AuditLog) => string])[];

/**
 * One CSV field (RFC 4180): quoted when it holds a quote, comma or line break, quotes doubled.
 * A value a spreadsheet would run as a formula (leading `=`, `+`, `-`, `@`, tab or carriage
 * return) gets a leading `'` so it opens as text.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== value ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(events: readonly AuditLog[]): string {
  const lines = [CSV_COLUMNS.map(([name]) => name).join(',')];
  for (const e of events) lines.push(CSV_COLUMNS.map(([, get]) => csvField(get(e))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export interface ExportMeta {
  exportedAt: string;
  /** The API parameters of the exported view. */
  query: Record<string, string>;
  /** Events in the view; more than `items` when the export was capped. */
  totalInView: number;
}

/** The records as parsed by the contract (unknown fields dropped), with what was exported. */
export function toJson(events: readonly AuditLog[], meta: ExportMeta): string {
  return `${JSON.stringify({ ...meta, count: events.length, items: events }, null, 2)}\n`;
}

/** `audit-2026-11-29T23-10-00Z.csv`: a file name without characters file systems refuse. */
export function exportFileName(at: string, format: 'csv' | 'json'): string {
  return `audit-${at.replace(/\.\d+Z$/, 'Z').replace(/:/g, '-')}.${format}`;
}

import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** A ciphertext in the right form that no key decrypts: the API refuses it with a reason. */
export const FORGED_CIPHERTEXT = `thalassa:v1:${'A'.repeat(40)}`;

export async function keyOp(
  api: APIRequestContext,
  region: string,
  identity: string,
  op: string,
  data: object = {},
  expected = 200,
) {
  const res = await api.post(`/v1/kms/${region}/keys/${identity}/${op}`, { data });
  expect(res.status(), `${op} ${identity}: ${await res.text()}`).toBe(expected);
}

/** The audit table's data rows (each carries its event id). */
export function eventRows(scope: Page | Locator, name = 'Audit events'): Locator {
  return scope.getByRole('table', { name }).locator('tbody tr[data-event-id]');
}

export async function eventIds(rows: Locator): Promise<string[]> {
  return rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-event-id') ?? ''));
}

/** Minimal RFC 4180 reader: quoted fields with doubled quotes, commas and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}

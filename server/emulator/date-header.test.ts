import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS } from './clock';
import { START, startTestEmulator } from './test-support';
import type { TestEmulator } from './test-support';

let t: TestEmulator;

beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(async () => {
  await t.close();
});

describe('Date header', () => {
  it("is the emulator's clock, on answers and errors, and follows the clock when it moves", async () => {
    const ok = await t.endpoint('summary', {});
    expect(ok.status).toBe(200);
    expect(ok.headers.get('date')).toBe(START.toUTCString());

    const refused = await t.endpoint('listKeys', { region: 'nl-01' }, { token: null });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('date')).toBe(START.toUTCString());

    t.clock.advance(3 * DAY_MS);
    const later = await t.endpoint('listKeys', { region: 'nl-01' });
    expect(later.headers.get('date')).toBe(new Date(START.getTime() + 3 * DAY_MS).toUTCString());
  });
});

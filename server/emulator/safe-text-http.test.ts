import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator } from './test-support';
import type { TestEmulator } from './test-support';

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(async () => {
  await t.close();
});

const create = (body: unknown) => t.endpoint('createKey', { region: 'nl-01' }, { body });
const message = (res: { json: unknown }) => (res.json as { message: string }).message;

describe('the emulator refuses unsafe text in a new key (400, field and position)', () => {
  it.each([
    ['a lone surrogate in the name', { name: '\ud800x' }, 'name: character 1 is a lone surrogate'],
    [
      'a bell in the name',
      { name: 'key\u0007' },
      'name: character 4 is a control character (U+0007)',
    ],
    ['DEL in the name', { name: 'k\u007fey' }, 'name: character 2 is a control character (U+007F)'],
    ['a C1 control', { name: 'key\u009b' }, 'name: character 4 is a control character (U+009B)'],
    [
      'an override in the description',
      { name: 'ok', description: 'pay\u202Emoc.exe' },
      'description: character 4 is a bidirectional override or isolate (U+202E)',
    ],
    [
      'an isolate in an annotation value',
      { name: 'ok', annotations: { note: 'a\u2068b' } },
      'annotations.note: character 2 is a bidirectional override or isolate (U+2068)',
    ],
    [
      'a control character in a label key',
      { name: 'ok', labels: { 'te\u0000am': 'x' } },
      'labels: key 1: character 3 is a control character (U+0000)',
    ],
    [
      'a lone surrogate in a label value',
      { name: 'ok', labels: { team: 'x\udc00' } },
      'labels.team: character 2 is a lone surrogate',
    ],
  ])('%s', async (_what, body, expected) => {
    const res = await create({ keyType: 'aes256-gcm96', ...body });
    expect(res.status).toBe(400);
    expect(message(res)).toContain(expected);
  });

  it('stores nothing when it refuses, and keeps multi-line descriptions and annotations', async () => {
    expect((await create({ name: 'refused\u0007' })).status).toBe(400);
    const list = await t.endpoint('listKeys', { region: 'nl-01' });
    expect(JSON.stringify(list.json)).not.toContain('refused');
    const ok = await create({
      name: 'multi line',
      description: 'line one\nline two',
      annotations: { 'example.com/json': '{\n\t"a": 1\r\n}' },
    });
    expect(ok.status).toBe(201);
    expect(ok.json).toMatchObject({ description: 'line one\nline two' });
  });
});

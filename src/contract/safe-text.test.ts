import { describe, expect, it } from 'vitest';
import { annotationsSchema, labelsSchema, labelKeyError, labelValueError } from './labels';
import { createKeyRequestSchema, descriptionSchema, keyNameSchema } from './requests';
import { findUnsafeCharacter, unsafeTextError } from './safe-text';

const firstMessage = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.success ? null : r.error?.issues[0]?.message;

describe('the safe-text rule', () => {
  it('accepts ordinary text in any script, emoji and joiners included', () => {
    for (const text of ['payments key', 'Schlüssel für Zahlungen', '鍵 🔑👩‍💻', 'שלום abc', ''])
      expect(unsafeTextError(text), text).toBeNull();
  });

  it('refuses every C0 control, DEL and every C1 control', () => {
    const controls = [
      ...Array.from({ length: 0x20 }, (_, i) => i),
      0x7f,
      ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i),
    ];
    for (const cp of controls) {
      const found = findUnsafeCharacter(`ab${String.fromCharCode(cp)}`);
      expect(found, cp.toString(16)).toEqual({ position: 3, codePoint: cp, kind: 'control' });
    }
    expect(unsafeTextError('abc\u0007')).toBe('character 4 is a control character (U+0007)');
    expect(unsafeTextError('x\u0085')).toBe('character 2 is a control character (U+0085)');
  });

  it('refuses bidirectional overrides and isolates, U+202A-U+202E and U+2066-U+2069', () => {
    for (const cp of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069])
      expect(findUnsafeCharacter(String.fromCharCode(cp))?.kind, cp.toString(16)).toBe('bidi');
    expect(unsafeTextError('invoice\u202Etxt.exe')).toBe(
      'character 8 is a bidirectional override or isolate (U+202E)',
    );
    // Neighbours that are not overrides or isolates stay allowed.
    for (const cp of [0x2029, 0x202f, 0x2065, 0x206a, 0x200e, 0x200f])
      expect(findUnsafeCharacter(String.fromCharCode(cp)), cp.toString(16)).toBeNull();
  });

  it('refuses lone surrogates (high or low), not pairs', () => {
    expect(unsafeTextError('\ud800x')).toBe(
      'character 1 is a lone surrogate, not a character (U+D800)',
    );
    expect(findUnsafeCharacter('ab\udfff')).toEqual({
      position: 3,
      codePoint: 0xdfff,
      kind: 'surrogate',
    });
    expect(findUnsafeCharacter('a\ud83d')).toMatchObject({ position: 2, kind: 'surrogate' });
    expect(findUnsafeCharacter('\ud83d\udd11')).toBeNull();
  });

  it('counts positions in characters: a pair before the culprit counts once', () => {
    expect(findUnsafeCharacter('🔑🔑\u0000')?.position).toBe(3);
  });

  it('allows tab and line breaks only in multi-line text', () => {
    for (const text of ['a\tb', 'a\nb', 'a\r\nb']) {
      expect(unsafeTextError(text)).not.toBeNull();
      expect(unsafeTextError(text, { allowLineBreaks: true })).toBeNull();
    }
    expect(unsafeTextError('a\n\u000b', { allowLineBreaks: true })).toMatch(/^character 3 /);
  });
});

describe('where the contract applies it', () => {
  it('names and descriptions', () => {
    expect(firstMessage(keyNameSchema.safeParse('key\u0007'))).toBe(
      'character 4 is a control character (U+0007)',
    );
    expect(firstMessage(keyNameSchema.safeParse('\u202Ekey'))).toMatch(/^character 1 is a bidi/);
    expect(firstMessage(keyNameSchema.safeParse('key\nname'))).toMatch(/^character 4 is a control/);
    expect(descriptionSchema.safeParse('line one\nline two').success).toBe(true);
    expect(firstMessage(descriptionSchema.safeParse('ok\u2066'))).toMatch(/^character 3 /);
  });

  it('label and annotation keys and values, keeping their syntax rules', () => {
    expect(labelKeyError('te\u0000am')).toBe('Key: character 3 is a control character (U+0000)');
    expect(labelValueError('a\u202Db')).toMatch(/^Label value: character 2 is a bidi/);
    expect(labelKeyError('bad key')).toMatch(/may hold only letters/);
    expect(labelValueError('has space')).toMatch(/may hold only letters/);
    expect(annotationsSchema.safeParse({ note: 'line\nline' }).success).toBe(true);
    const value = annotationsSchema.safeParse({ note: 'x\ud800' });
    expect(value.error?.issues[0]).toMatchObject({
      path: ['note'],
      message: 'character 2 is a lone surrogate, not a character (U+D800)',
    });
    // An unsafe key is named by its place, never echoed back.
    const key = labelsSchema.safeParse({ ok: 'a', 'b\u202Ec': 'd' });
    expect(key.error?.issues[0]).toMatchObject({
      path: [],
      message: 'key 2: character 2 is a bidirectional override or isolate (U+202E)',
    });
  });

  it('in the create-key request, with the field in the path', () => {
    const r = createKeyRequestSchema.safeParse({ name: 'ab\u0085', description: 'fine' });
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['name', 'character 3 is a control character (U+0085)'],
    ]);
  });
});

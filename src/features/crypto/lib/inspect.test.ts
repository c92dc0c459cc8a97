import { describe, expect, it } from 'vitest';
import { testKey } from '../test/test-key';
import { inspectThalassaString } from './inspect';

describe('inspectThalassaString', () => {
  const key = testKey();

  it('names the version and says a current one can be decrypted', () => {
    const i = inspectThalassaString('  thalassa:v3:AAAA\n', key);
    expect(i).toMatchObject({
      state: 'usable',
      version: 3,
      isLatest: true,
      payloadBytes: 3,
      value: 'thalassa:v3:AAAA',
    });
    expect(i.message).toMatch(/latest version/);
    expect(inspectThalassaString('thalassa:v2:AAAA', key)).toMatchObject({
      state: 'usable',
      isLatest: false,
    });
  });

  it('says a version below minDecryptionVersion can no longer be decrypted', () => {
    const i = inspectThalassaString('thalassa:v1:AAAA', key);
    expect(i.state).toBe('retired');
    expect(i.message).toMatch(/below the minimum decryption version 2/);
  });

  it('flags a version the key never had', () => {
    expect(inspectThalassaString('thalassa:v9:AAAA', key).state).toBe('unknown-version');
  });

  it('rejects strings not of the form', () => {
    for (const s of ['thalassa:v0:AAAA', 'thalassa:1:AAAA', 'vault:v1:AAAA', 'thalassa:v1:A']) {
      expect(inspectThalassaString(s, key).state).toBe('malformed');
    }
    expect(inspectThalassaString('   ', key).state).toBe('empty');
  });
});

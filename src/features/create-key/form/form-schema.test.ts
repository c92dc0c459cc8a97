import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KEY_TYPES, KEY_TYPE_INFO, WRAPPING_KEY_RSA_BYTES } from '@/contract';
import { PERIOD_REQUIRED_MESSAGE } from '@/lib/rotation-period';
import {
  createKeyFormSchema,
  DEFAULT_FORM_VALUES,
  isBareDerSequence,
  stepSchema,
  type CreateKeyFormValues,
  type MapRow,
} from './form-schema';

function values(overrides: Partial<CreateKeyFormValues> = {}): CreateKeyFormValues {
  return { ...DEFAULT_FORM_VALUES, name: 'payments', ...overrides };
}

/** Issues of one step as "path: message". */
function issues(step: Parameters<typeof stepSchema>[0], v: CreateKeyFormValues): string[] {
  const result = stepSchema(step).safeParse(v);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

function rows(n: number, prefix = 'k'): MapRow[] {
  return Array.from({ length: n }, (_, i) => ({ key: `${prefix}${i}`, value: `v${i}` }));
}

/** base64 of `n` zero bytes. */
function b64Bytes(n: number): string {
  return Buffer.alloc(n).toString('base64');
}

describe('step "type"', () => {
  it('accepts the recommended default and requires a key type', () => {
    expect(issues('type', values())).toEqual([]);
    expect(issues('type', values({ keyType: '' }))).toEqual(['keyType: Choose a key type']);
  });

  it('refuses every HMAC type for import and accepts every other type', () => {
    for (const keyType of KEY_TYPES) {
      const result = issues('type', values({ origin: 'imported', keyType }));
      if (KEY_TYPE_INFO[keyType].importable) expect(result, keyType).toEqual([]);
      else
        expect(result, keyType).toEqual([
          expect.stringMatching(/^keyType: HMAC keys cannot be imported/),
        ]);
    }
  });

  it('accepts HMAC types when generated', () => {
    expect(issues('type', values({ keyType: 'hmac-sha512' }))).toEqual([]);
  });
});

describe('step "details"', () => {
  it('requires a name with at least one letter or digit, at most 255 characters', () => {
    expect(issues('details', values({ name: '' }))).toEqual(['name: Name is required']);
    expect(issues('details', values({ name: '   ' }))).toEqual(['name: Name is required']);
    expect(issues('details', values({ name: '!!!' }))).toEqual([
      'name: Name must contain at least one letter or digit',
    ]);
    expect(issues('details', values({ name: 'a'.repeat(255) }))).toEqual([]);
    expect(issues('details', values({ name: 'a'.repeat(256) }))).toEqual([
      'name: Name must be at most 255 characters',
    ]);
  });

  it('limits the description to 1024 characters', () => {
    expect(issues('details', values({ description: 'd'.repeat(1024) }))).toEqual([]);
    expect(issues('details', values({ description: 'd'.repeat(1025) }))).toEqual([
      'description: Description must be at most 1024 characters',
    ]);
  });

  it('allows 64 labels and refuses 65', () => {
    expect(issues('details', values({ labels: rows(64) }))).toEqual([]);
    expect(issues('details', values({ labels: rows(65) }))).toEqual([
      'labels: At most 64 labels are allowed (got 65)',
    ]);
    expect(issues('details', values({ annotations: rows(65) }))).toEqual([
      'annotations: At most 64 annotations are allowed (got 65)',
    ]);
  });

  it('checks label and annotation syntax per row, ignoring blank rows', () => {
    const result = issues(
      'details',
      values({
        labels: [
          { key: 'team', value: 'payments' },
          { key: '', value: '' },
          { key: '-bad', value: 'ok' },
          { key: 'env', value: 'has space' },
          { key: 'team', value: 'x' },
          { key: 'example.com/tier', value: '' },
        ],
        annotations: [
          { key: 'note', value: 'any text at all, even <b>markup</b>' },
          { key: 'big', value: 'x'.repeat(4097) },
        ],
      }),
    );
    expect(result).toEqual([
      expect.stringMatching(/^labels\.2\.key: Key name may hold only/),
      expect.stringMatching(/^labels\.3\.value: Label value may hold only/),
      'labels.4.key: Duplicate key "team"',
      'annotations.1.value: Annotation value must be at most 4096 characters',
    ]);
  });

  it('does not check other steps', () => {
    expect(issues('details', values({ keyType: '', keyRotationEnabled: true }))).toEqual([]);
  });
});

describe('step "rotation"', () => {
  const on = (rotationPeriodInDays: string, extra: Partial<CreateKeyFormValues> = {}) =>
    issues('rotation', values({ keyRotationEnabled: true, rotationPeriodInDays, ...extra }));

  it('accepts periods 1 and 3650 and refuses 0 and 3651', () => {
    expect(on('1')).toEqual([]);
    expect(on('3650')).toEqual([]);
    expect(on('0')).toEqual(['rotationPeriodInDays: Rotation period must be at least 1 day']);
    expect(on('3651')).toEqual(['rotationPeriodInDays: Rotation period must be at most 3650 days']);
  });

  it('requires a period when on, a whole number, and ignores it when off', () => {
    expect(on('')).toEqual([`rotationPeriodInDays: ${PERIOD_REQUIRED_MESSAGE}`]);
    expect(on('1.5')).toEqual([
      'rotationPeriodInDays: Rotation period must be a whole number of days',
    ]);
    expect(on('abc')).toEqual([
      'rotationPeriodInDays: Rotation period must be a whole number of days',
    ]);
    // The browser's number reading is not ours: 1e2 is not "100" here, nor in the Rotation tab.
    expect(on('1e2')).toEqual([
      'rotationPeriodInDays: Rotation period must be a whole number of days',
    ]);
    expect(
      issues('rotation', values({ keyRotationEnabled: false, rotationPeriodInDays: '0' })),
    ).toEqual([]);
  });

  it('lets an imported key rotate only with allowRotation', () => {
    expect(on('90', { origin: 'imported' })).toEqual([
      expect.stringMatching(/^allowRotation: An imported key can rotate only/),
    ]);
    expect(on('90', { origin: 'imported', allowRotation: true })).toEqual([]);
  });
});

describe('step "material"', () => {
  const imported = (importKeyMaterial: string) =>
    issues('material', values({ origin: 'imported', importKeyMaterial }));

  it('refuses an unwrapped PKCS#8 private key, whatever its size', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const der = privateKey.export({ format: 'der', type: 'pkcs8' });
    expect(imported(der.toString('base64'))).toEqual([
      expect.stringMatching(/^importKeyMaterial: This looks like an unwrapped private key/),
    ]);
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    expect(isBareDerSequence(ec.export({ format: 'der', type: 'pkcs8' }))).toBe(true);
    // Wrapped output starts with RSA-OAEP ciphertext: not one DER sequence.
    const wrapped = Buffer.concat([Buffer.from([0x30, 0x82, 0x00, 0x10]), randomBytes(600)]);
    expect(isBareDerSequence(wrapped)).toBe(false);
  });

  it('is not checked for generated keys', () => {
    expect(issues('material', values({ importKeyMaterial: '' }))).toEqual([]);
  });

  it('requires base64 of RSA part plus KWP output, whitespace allowed', () => {
    expect(imported('')).toEqual(['importKeyMaterial: Paste the wrapped key material (base64)']);
    expect(imported('-----BEGIN PRIVATE KEY-----')).toEqual([
      expect.stringMatching(/^importKeyMaterial: Wrapped key material must be standard base64/),
    ]);
    // 32 raw bytes: the size of an AES-256 key, refused as not wrapped.
    expect(imported(b64Bytes(32))).toEqual([
      expect.stringMatching(
        /^importKeyMaterial: This is not wrapped material: it decodes to 32 bytes/,
      ),
    ]);
    expect(imported(b64Bytes(WRAPPING_KEY_RSA_BYTES + 12))).toHaveLength(1);
    const good = b64Bytes(WRAPPING_KEY_RSA_BYTES + 40);
    expect(imported(good)).toEqual([]);
    expect(imported(good.replace(/(.{76})/g, '$1\n'))).toEqual([]);
  });
});

describe('the whole form schema', () => {
  it('reports every step at once', () => {
    const result = createKeyFormSchema.safeParse(
      values({ keyType: '', name: '', keyRotationEnabled: true, origin: 'imported' }),
    );
    expect(result.success).toBe(false);
    const paths = result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual([
      'keyType',
      'name',
      'rotationPeriodInDays',
      'allowRotation',
      'importKeyMaterial',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { createKeyRequestSchema } from '@/contract';
import { DEFAULT_FORM_VALUES, type CreateKeyFormValues } from './form-schema';
import { mapFormToRequest } from './map-form-to-request';

function values(overrides: Partial<CreateKeyFormValues> = {}): CreateKeyFormValues {
  return { ...DEFAULT_FORM_VALUES, name: 'payments', ...overrides };
}

describe('mapFormToRequest', () => {
  it('maps the defaults to a minimal explicit request', () => {
    expect(mapFormToRequest(values())).toEqual({
      name: 'payments',
      keyType: 'aes256-gcm96',
      keyRotationEnabled: false,
      exportAllowed: false,
    });
  });

  it('trims the name and description, drops blank rows and empty maps', () => {
    const request = mapFormToRequest(
      values({
        name: '  Payments key ',
        description: '  for invoices ',
        labels: [
          { key: 'team', value: 'payments' },
          { key: '', value: '' },
          { key: 'env', value: '' },
        ],
        annotations: [{ key: '', value: '' }],
      }),
    );
    expect(request).toEqual({
      name: 'Payments key',
      keyType: 'aes256-gcm96',
      description: 'for invoices',
      labels: { team: 'payments', env: '' },
      keyRotationEnabled: false,
      exportAllowed: false,
    });
    expect('annotations' in request).toBe(false);
  });

  it('sends the period as a number only when rotation is on', () => {
    expect(
      mapFormToRequest(values({ keyRotationEnabled: true, rotationPeriodInDays: ' 90 ' })),
    ).toMatchObject({
      keyRotationEnabled: true,
      rotationPeriodInDays: 90,
    });
    const off = mapFormToRequest(values({ keyRotationEnabled: false, rotationPeriodInDays: '90' }));
    expect('rotationPeriodInDays' in off).toBe(false);
  });

  it('sends BYOK fields only for imported keys, material without whitespace', () => {
    const material = Buffer.alloc(552, 7).toString('base64');
    const imported = mapFormToRequest(
      values({
        origin: 'imported',
        keyType: 'ecdsa-p256',
        importKeyMaterial: `${material.slice(0, 76)}\n${material.slice(76)}\n`,
        hashFunction: 'sha512',
        allowRotation: true,
        exportAllowed: true,
      }),
    );
    expect(imported).toEqual({
      name: 'payments',
      keyType: 'ecdsa-p256',
      keyRotationEnabled: false,
      exportAllowed: true,
      importKeyMaterial: material,
      hashFunction: 'sha512',
      allowRotation: true,
    });
    const generated = mapFormToRequest(
      values({ importKeyMaterial: material, allowRotation: true }),
    );
    expect(Object.keys(generated)).toEqual([
      'name',
      'keyType',
      'keyRotationEnabled',
      'exportAllowed',
    ]);
  });

  it('produces requests the contract accepts', () => {
    const request = mapFormToRequest(
      values({
        keyType: 'rsa-4096',
        labels: [{ key: 'example.com/team', value: 'a.b_c-d' }],
        annotations: [{ key: 'note', value: 'free text' }],
        keyRotationEnabled: true,
        rotationPeriodInDays: '3650',
      }),
    );
    expect(createKeyRequestSchema.safeParse(request).success).toBe(true);
  });

  it('refuses values without a key type', () => {
    expect(() => mapFormToRequest(values({ keyType: '' }))).toThrow();
  });
});

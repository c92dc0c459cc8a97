import { describe, expect, it } from 'vitest';
import { fieldOfServerMessage } from './server-errors';

describe('fieldOfServerMessage', () => {
  it('reads the field path the API puts first', () => {
    expect(
      fieldOfServerMessage(
        'rotationPeriodInDays: Rotation period is required when rotation is enabled',
      ),
    ).toBe('rotationPeriodInDays');
    expect(
      fieldOfServerMessage('labels.-bad: label key "-bad": Key name may hold only letters'),
    ).toBe('labels');
    expect(fieldOfServerMessage('annotations: At most 64 annotations are allowed (got 65)')).toBe(
      'annotations',
    );
    expect(fieldOfServerMessage('importKeyMaterial: HMAC keys cannot be imported')).toBe(
      'importKeyMaterial',
    );
    expect(
      fieldOfServerMessage(
        "importKeyMaterial does not unwrap with this region's wrapping key (hashFunction sha256)",
      ),
    ).toBe('importKeyMaterial');
    expect(
      fieldOfServerMessage(
        'keyRotationEnabled: an imported key can rotate only when allowRotation is true',
      ),
    ).toBe('keyRotationEnabled');
  });

  it('falls back to phrases, else null', () => {
    expect(
      fieldOfServerMessage('aes256-gcm96 key material must be exactly 32 raw bytes, got 16'),
    ).toBe('importKeyMaterial');
    expect(fieldOfServerMessage('Name must contain at least one letter or digit')).toBe('name');
    expect(fieldOfServerMessage('The request body is not valid JSON')).toBeNull();
    expect(fieldOfServerMessage('Missing X-Organisation-Identity header')).toBeNull();
  });
});

import {
  constants,
  createCipheriv,
  generateKeyPairSync,
  publicEncrypt,
  randomBytes,
} from 'node:crypto';
import type { APIRequestContext } from '@playwright/test';
import {
  confirmationPhrase,
  keySchema,
  slugify,
  wrappingKeyResponseSchema,
  type ByokHashFunction,
} from '../src/contract';
import { wizard } from './create-key-wizard';
import { expect, signIn, test, uniqueName } from './fixtures';

/**
 * BYOK wrapping (docs/emulator.md, "BYOK"), done off the browser: RSA-OAEP(hash) of a fresh AES
 * key ‖ AES-KWP.
 */
function wrapForImport(wrappingKeyPem: string, material: Buffer, hash: ByokHashFunction): string {
  const aesKey = randomBytes(32);
  const rsaPart = publicEncrypt(
    { key: wrappingKeyPem, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: hash },
    aesKey,
  );
  const kwp = createCipheriv('id-aes256-wrap-pad', aesKey, Buffer.from('A65959A6', 'hex'));
  return Buffer.concat([rsaPart, kwp.update(material), kwp.final()]).toString('base64');
}

async function wrappingKey(api: APIRequestContext, region: string) {
  const res = await api.get(`/v1/kms/${region}/wrapping-key`);
  expect(res.status()).toBe(200);
  return wrappingKeyResponseSchema.parse(await res.json());
}

test.describe('create-key wizard: bring your own key', () => {
  test.setTimeout(90_000);

  test('imports AES-256 material wrapped with SHA-512 OAEP; the exported material matches', async ({
    page,
    api,
  }) => {
    const w = wizard(page);
    const wrapping = await wrappingKey(api, 'nl-01');
    const material = randomBytes(32);
    const wrapped = wrapForImport(wrapping.publicKey, material, 'sha512');

    await signIn(page);
    await w.open();
    await w.chooseOrigin('imported');
    for (const hmac of ['HMAC (SHA-256)', 'HMAC-SHA256', 'HMAC-SHA512']) {
      await expect(w.keyType(hmac)).toBeDisabled();
    }
    await expect(page.getByText(/Not available for import: HMAC key material/)).toBeVisible();
    await expect(w.keyType('AES-256-GCM')).toHaveAttribute('aria-checked', 'true');
    await w.next('Details');
    const name = uniqueName('byok aes');
    await w.name().fill(name);
    await w.next('Rotation');
    await w.next('Export');
    // Export allowed (through the gate) so the test can prove which material was imported.
    await w.exportSwitch().click();
    const gate = page.getByRole('dialog');
    await gate.getByRole('checkbox').check();
    await gate.getByLabel(/Type .* to confirm/).fill(confirmationPhrase('nl-01', slugify(name)));
    await gate.getByRole('button', { name: 'Allow export' }).click();
    await w.next('Key material');

    await expect(page.getByTestId('wrapping-algorithm')).toHaveText(wrapping.algorithm);
    await expect(page.getByLabel('wrapping key of nl-01', { exact: true })).toHaveText(
      wrapping.publicKey.trim(),
    );
    const script = page.getByLabel('byok:wrap command', { exact: true });
    await expect(script).toContainText('npm run byok:wrap -- --region nl-01');
    await expect(script).toContainText('--key-type aes256-gcm96');
    const material64 = page.getByLabel(/^Wrapped key material/);
    // Raw key material is refused: 32 bytes are not a wrapped blob.
    await material64.fill(material.toString('base64'));
    await w.next();
    await expect(
      page.getByText(/This is not wrapped material: it decodes to 32 bytes/),
    ).toBeVisible();
    await page.getByRole('radio', { name: 'sha512' }).click();
    await expect(page.getByLabel('OpenSSL wrapping commands', { exact: true })).toContainText(
      'rsa_oaep_md:sha512 -pkeyopt rsa_mgf1_md:sha512',
    );
    await expect(script).toContainText('--hash sha512');
    // Line breaks (base64 -w76 output) are accepted.
    await material64.fill(wrapped.replace(/(.{76})/g, '$1\n'));
    await w.next('Review and create');
    await expect(page.getByText('Imported (bring your own key)')).toBeVisible();
    await expect(page.getByText('"hashFunction": "sha512"')).toBeVisible();
    await expect(page.getByText(`"importKeyMaterial": "${wrapped}"`)).toBeVisible();
    const id = await w.create();

    const key = keySchema.parse(await (await api.get(`/v1/kms/nl-01/keys/${id}`)).json());
    expect(key).toMatchObject({
      name,
      keyType: 'aes256-gcm96',
      imported: true,
      exportAllowed: true,
    });
    const exported = await api.post(`/v1/kms/nl-01/keys/${id}/export`, { data: {} });
    expect(exported.status()).toBe(200);
    const body: unknown = await exported.json();
    expect(body).toMatchObject({ keyMaterial: material.toString('base64') });
  });

  test('imports an Ed25519 private key (PKCS#8 DER) with rotation allowed', async ({
    page,
    api,
  }) => {
    const w = wizard(page);
    const wrapping = await wrappingKey(api, 'nl-01');
    const { privateKey } = generateKeyPairSync('ed25519');
    const der = privateKey.export({ format: 'der', type: 'pkcs8' });
    const wrapped = wrapForImport(wrapping.publicKey, der, 'sha256');

    await signIn(page);
    await w.open();
    await w.chooseOrigin('imported');
    await w.keyType('Ed25519').click();
    await w.next('Details');
    const name = uniqueName('byok ed25519');
    await w.name().fill(name);
    await w.next('Rotation');
    // An imported key rotates only with allowRotation: the schedule waits for it.
    await expect(w.rotationSwitch()).toBeDisabled();
    await page.getByRole('switch', { name: 'Allow rotation of this imported key' }).click();
    await w.rotationSwitch().click();
    await w.period().fill('30');
    await w.next('Export');
    await w.next('Key material');
    await expect(page.getByLabel('material preparation command', { exact: true })).toContainText(
      'openssl pkcs8 -topk8 -nocrypt',
    );
    await page.getByLabel(/^Wrapped key material/).fill(wrapped);
    await w.next('Review and create');
    const id = await w.create();
    const key = keySchema.parse(await (await api.get(`/v1/kms/nl-01/keys/${id}`)).json());
    expect(key).toMatchObject({
      keyType: 'ed25519',
      imported: true,
      allowRotation: true,
      keyRotationEnabled: true,
      rotationPeriodInDays: 30,
    });
    // The public key served is the one of the imported private key.
    const pub = await (await api.get(`/v1/kms/nl-01/keys/${id}/public-key`)).json();
    const raw = privateKey.export({ format: 'jwk' }).x;
    expect(pub).toEqual({ keys: { '1': Buffer.from(raw ?? '', 'base64url').toString('base64') } });
  });
});

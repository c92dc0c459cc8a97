/**
 * End to end through the HTTP API, checked by an independent implementation (the openssl CLI):
 * signatures verify with the public keys the emulator serves, HMACs recompute from exported
 * keys, and exported private keys derive the served public keys. Each check has a negative twin.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseThalassaString } from '../../src/contract/index';
import { expectOk, startTestEmulator } from './test-support';
import type { TestEmulator } from './test-support';

let t: TestEmulator;
let dir = '';
beforeAll(async () => {
  t = await startTestEmulator();
  dir = mkdtempSync(join(tmpdir(), 'kms-openssl-'));
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, data: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

/** Runs openssl; true when it exits 0. */
function openssl(args: string[]): boolean {
  try {
    execFileSync('openssl', args, { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

function payload(thalassa: string): Buffer {
  const parsed = parseThalassaString(thalassa);
  if (!parsed) throw new Error(`not a thalassa string: ${thalassa}`);
  return Buffer.from(parsed.payload, 'base64');
}

async function newKey(keyType: string, suffix = '') {
  const name = `openssl ${keyType}${suffix}`;
  const res = await t.endpoint(
    'createKey',
    { region: 'nl-01' },
    { body: { name, keyType, exportAllowed: true } },
  );
  return expectOk('createKey', res).identity;
}

async function servedPem(id: string, keyType: string): Promise<string> {
  const served =
    expectOk('publicKey', await t.endpoint('publicKey', { region: 'nl-01', id })).keys['1'] ?? '';
  if (keyType !== 'ed25519') return served;
  // Raw 32 bytes -> SPKI DER (fixed Ed25519 prefix) -> PEM.
  const der = Buffer.concat([
    Buffer.from('302a300506032b6570032100', 'hex'),
    Buffer.from(served, 'base64'),
  ]);
  return `-----BEGIN PUBLIC KEY-----\n${der.toString('base64')}\n-----END PUBLIC KEY-----\n`;
}

describe('openssl agrees with the API', () => {
  it.each(['ecdsa-p256', 'rsa-2048', 'ed25519'])(
    '%s: signatures verify with the served public key',
    async (keyType) => {
      const id = await newKey(keyType);
      const message = Buffer.from(`signed by the emulator (${keyType})`);
      const sig = expectOk(
        'sign',
        await t.endpoint(
          'sign',
          { region: 'nl-01', id },
          { body: { input: message.toString('base64') } },
        ),
      );
      const pub = file(`${keyType}.pub.pem`, await servedPem(id, keyType));
      const data = file(`${keyType}.msg`, message);
      const other = file(`${keyType}.other`, Buffer.from('something else'));
      const sigFile = file(`${keyType}.sig`, payload(sig.signature));
      const args = (input: string) =>
        keyType === 'ed25519'
          ? [
              'pkeyutl',
              '-verify',
              '-pubin',
              '-inkey',
              pub,
              '-rawin',
              '-in',
              input,
              '-sigfile',
              sigFile,
            ]
          : [
              'dgst',
              '-sha256',
              ...(keyType.startsWith('rsa')
                ? ['-sigopt', 'rsa_padding_mode:pss', '-sigopt', 'rsa_pss_saltlen:-2']
                : []),
              '-verify',
              pub,
              '-signature',
              sigFile,
              input,
            ];
      expect(openssl(args(data))).toBe(true);
      expect(openssl(args(other))).toBe(false);
    },
  );

  it('HMACs recompute from the exported HMAC key', async () => {
    const id = await newKey('hmac-sha256');
    const message = Buffer.from('mac me');
    const mac = expectOk(
      'hmac',
      await t.endpoint(
        'hmac',
        { region: 'nl-01', id },
        { body: { input: message.toString('base64') } },
      ),
    );
    const ex = expectOk(
      'exportKey',
      await t.endpoint('exportKey', { region: 'nl-01', id }, { body: {} }),
    );
    const hexKey = Buffer.from(ex.keyMaterial, 'base64').toString('hex');
    const out = (input: Buffer) =>
      execFileSync(
        'openssl',
        ['dgst', '-sha256', '-mac', 'HMAC', '-macopt', `hexkey:${hexKey}`, '-binary'],
        { input },
      );
    expect(out(message)).toEqual(payload(mac.hmac));
    expect(out(Buffer.from('other'))).not.toEqual(payload(mac.hmac));
  });

  it.each(['ecdsa-p256', 'ed25519'])(
    '%s: exported PKCS#8 derives the served public key',
    async (keyType) => {
      const id = await newKey(keyType, ' export');
      const ex = expectOk(
        'exportKey',
        await t.endpoint('exportKey', { region: 'nl-01', id }, { body: {} }),
      );
      const der = file(`${keyType}.p8.der`, Buffer.from(ex.keyMaterial, 'base64'));
      const derived = execFileSync('openssl', [
        'pkey',
        '-inform',
        'DER',
        '-in',
        der,
        '-pubout',
      ]).toString();
      expect(derived.trim()).toBe((await servedPem(id, keyType)).trim());
      const otherId = await newKey(keyType, ' other');
      expect(derived.trim()).not.toBe((await servedPem(otherId, keyType)).trim());
    },
  );
});

import { describe, expect, it } from 'vitest';
import {
  byokWrapCommand,
  materialPreparation,
  opensslWrapCommands,
  rawMaterialBytes,
} from './byok-commands';

const base = {
  region: 'nl-01',
  keyType: 'aes256-gcm96' as const,
  hashFunction: 'sha256' as const,
  apiUrl: 'http://127.0.0.1:8080',
  organisation: 'org-local',
};

describe('BYOK commands', () => {
  it('names the region, key type and file for npm run byok:wrap', () => {
    const cmd = byokWrapCommand(base).replace(/\\\n\s+/g, '');
    expect(cmd).toContain(
      'npm run byok:wrap -- --region nl-01 --key-type aes256-gcm96 --in key-material.bin --out wrapped.b64',
    );
    expect(cmd).not.toContain('--hash');
    expect(cmd).not.toContain('--project');
  });

  it('passes a non-default hash and the project', () => {
    const cmd = byokWrapCommand({ ...base, hashFunction: 'sha512', project: 'proj-web' });
    expect(cmd).toContain('--hash sha512');
    expect(cmd).toContain('--project proj-web');
  });

  it('uses the chosen hash for OAEP and MGF1 in the OpenSSL steps', () => {
    const cmds = opensslWrapCommands({ hashFunction: 'sha384' });
    expect(cmds).toContain('-pkeyopt rsa_oaep_md:sha384 -pkeyopt rsa_mgf1_md:sha384');
    expect(cmds).toContain('openssl enc -id-aes256-wrap-pad -iv A65959A6');
  });

  it('prepares raw bytes for symmetric keys and PKCS#8 DER for asymmetric ones', () => {
    expect(rawMaterialBytes('aes128-gcm96')).toBe(16);
    expect(rawMaterialBytes('chacha20-poly1305')).toBe(32);
    expect(rawMaterialBytes('rsa-2048')).toBeNull();
    expect(materialPreparation('aes256-gcm96')).toContain('exactly the 32 raw bytes');
    expect(materialPreparation('ed25519')).toContain('openssl pkcs8 -topk8 -nocrypt');
  });
});

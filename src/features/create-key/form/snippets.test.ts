import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { CreateKeyRequest } from '@/contract';
import { curlCommand, requestJson, terraformBlock } from './snippets';

const request: CreateKeyRequest = {
  name: "Bob's key",
  keyType: 'aes256-gcm96',
  labels: { team: 'payments', 'example.com/tier': 'gold' },
  keyRotationEnabled: true,
  rotationPeriodInDays: 90,
  exportAllowed: false,
};
const target = { baseUrl: 'https://api.thalassa.cloud/', region: 'nl-01' };

describe('snippets', () => {
  it('shows the exact JSON body', () => {
    expect(JSON.parse(requestJson(request))).toEqual(request);
  });

  it('builds a curl command whose body survives the shell unchanged', () => {
    const cmd = curlCommand(request, { ...target, project: 'proj-web' });
    expect(cmd).toContain(`curl -X POST 'https://api.thalassa.cloud/v1/kms/nl-01/keys'`);
    expect(cmd).toContain('-H "Authorization: Bearer $TOKEN"');
    expect(cmd).toContain('-H "X-Organisation-Identity: $ORG_ID"');
    expect(cmd).toContain(`-H 'X-Project-Identity: proj-web'`);
    // Let a real shell parse the -d argument (with the quote in the name) back.
    const dArg = cmd.slice(cmd.indexOf('-d ') + 3);
    const echoed = execFileSync('sh', ['-c', `printf %s ${dArg}`], { encoding: 'utf8' });
    expect(JSON.parse(echoed)).toEqual(request);
  });

  it('leaves the project header out in organisation scope', () => {
    expect(curlCommand(request, target)).not.toContain('X-Project-Identity');
  });

  it('builds a thalassa_kms_key block with every choice', () => {
    const tf = terraformBlock(request, target);
    expect(tf).toContain('resource "thalassa_kms_key" "bob_s_key" {');
    expect(tf).toMatch(/region\s+= "nl-01"/);
    expect(tf).toMatch(/name\s+= "Bob's key"/);
    expect(tf).toMatch(/key_type\s+= "aes256-gcm96"/);
    expect(tf).toMatch(/"example.com\/tier" = "gold"/);
    expect(tf).toMatch(/key_rotation_enabled\s+= true/);
    expect(tf).toMatch(/rotation_period_in_days = 90/);
    expect(tf).toMatch(/export_allowed\s+= false/);
    expect(tf).not.toContain('import_key_material');
  });

  it('keeps wrapped material out of the Terraform block', () => {
    const tf = terraformBlock(
      { ...request, importKeyMaterial: 'QUFBQQ==', hashFunction: 'sha256', allowRotation: false },
      target,
    );
    expect(tf).toContain('import_key_material     = var.wrapped_key_material');
    expect(tf).not.toContain('QUFBQQ==');
    expect(tf).toContain('sensitive = true');
  });

  it('escapes Terraform interpolation in strings', () => {
    expect(terraformBlock({ ...request, name: 'a ${b}' }, target)).toContain('"a $${b}"');
  });
});

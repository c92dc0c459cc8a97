import { describe, expect, it } from 'vitest';
import {
  curlSnippets,
  hclString,
  preambleSnippet,
  shellQuote,
  terraformSnippet,
} from './api-snippets';
import { ordersKey } from './test-utils';

const ctx = (overrides = {}) => ({
  baseUrl: 'https://api.thalassa.cloud',
  region: 'nl-01',
  key: ordersKey(overrides),
});

describe('API snippets', () => {
  it('uses $TOKEN and $ORG_ID placeholders in every curl command', () => {
    const snippets = curlSnippets(ctx());
    expect(snippets.map((s) => s.id)).toEqual([
      'get',
      'rotate',
      'rotation',
      'disable',
      'enable',
      'delete',
      'cancel-deletion',
      'encrypt',
      'decrypt',
    ]);
    for (const s of snippets) {
      expect(s.code).toContain('-H "Authorization: Bearer $TOKEN"');
      expect(s.code).toContain('-H "X-Organisation-Identity: $ORG_ID"');
      expect(s.code).not.toContain('X-Project-Identity');
    }
    expect(snippets[0]?.code).toContain(
      "curl -sS -X GET 'https://api.thalassa.cloud/v1/kms/nl-01/keys/kms-test0001'",
    );
  });

  it('adds X-Project-Identity for a project-scoped key, and per-type operations', () => {
    const snippets = curlSnippets(
      ctx({ projectId: 'proj-web', keyType: 'ed25519', exportAllowed: true }),
    );
    expect(snippets.every((s) => s.code.includes("-H 'X-Project-Identity: proj-web'"))).toBe(true);
    const ids = snippets.map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining(['sign', 'verify', 'public-key', 'export']));
    expect(ids).not.toContain('encrypt');
  });

  it('never fills in a token', () => {
    expect(preambleSnippet('org-local')).toContain("export TOKEN='<your API token>'");
    expect(preambleSnippet("o'rg")).toContain(`export ORG_ID='o'\\''rg'`);
  });

  it('writes a matching thalassa_kms_key block', () => {
    const { code } = terraformSnippet(
      ctx({
        labels: { team: 'ledger' },
        keyRotationEnabled: true,
        rotationPeriodInDays: 90,
        exportAllowed: true,
        description: 'Say "hi" ${x}',
      }),
    );
    expect(code).toContain('resource "thalassa_kms_key" "orders_key" {');
    expect(code).toMatch(/key_type\s+= "aes256-gcm96"/);
    expect(code).toMatch(/rotation_period_in_days\s+= 90/);
    expect(code).toMatch(/export_allowed\s+= true/);
    expect(code).toContain('"team" = "ledger"');
    expect(code).toContain('"Say \\"hi\\" $${x}"');
    expect(code).toContain('terraform import thalassa_kms_key.orders_key kms-test0001');
  });

  it('quotes for shells and HCL', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(hclString('a\\b\n%{x}')).toBe('"a\\\\b\\n%%{x}"');
  });
});

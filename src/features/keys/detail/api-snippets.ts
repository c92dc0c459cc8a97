import { KEY_TYPE_INFO, supports, type Key } from '@/contract';

export interface Snippet {
  id: string;
  title: string;
  description: string;
  code: string;
}

export interface SnippetContext {
  /** API origin, e.g. https://api.thalassa.cloud (no trailing slash). */
  baseUrl: string;
  region: string;
  key: Key;
}

/** Single-quotes a value for POSIX shells. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** A string literal in HCL: escapes quotes, backslashes, control characters and template starts. */
export function hclString(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, '%%{');
  return `"${escaped}"`;
}

function hclMap(map: Record<string, string> | undefined, indent: string): string | null {
  const entries = Object.entries(map ?? {});
  if (entries.length === 0) return null;
  const lines = entries.map(([k, v]) => `${indent}  ${hclString(k)} = ${hclString(v)}`);
  return `{\n${lines.join('\n')}\n${indent}}`;
}

/** A Terraform resource name: letters, digits, underscores, not starting with a digit. */
export function terraformName(slug: string): string {
  const name = slug.replace(/[^A-Za-z0-9_]/g, '_').replace(/^(?=[0-9])/, 'k_');
  return name === '' ? 'key' : name;
}

function curl(ctx: SnippetContext, method: string, suffix: string, body?: unknown): string {
  const path = `/v1/kms/${encodeURIComponent(ctx.region)}/keys/${encodeURIComponent(ctx.key.identity)}${suffix}`;
  const lines = [
    `curl -sS -X ${method} ${shellQuote(`${ctx.baseUrl}${path}`)}`,
    `  -H "Authorization: Bearer $TOKEN"`,
    `  -H "X-Organisation-Identity: $ORG_ID"`,
  ];
  if (ctx.key.projectId)
    lines.push(`  -H ${shellQuote(`X-Project-Identity: ${ctx.key.projectId}`)}`);
  lines.push(`  -H 'Accept: application/json'`);
  if (body !== undefined) {
    lines.push(`  -H 'Content-Type: application/json'`);
    lines.push(`  -d ${shellQuote(JSON.stringify(body))}`);
  }
  return lines.join(' \\\n');
}

/** curl commands for reading the key and for every action on it; $TOKEN/$ORG_ID placeholders. */
export function curlSnippets(ctx: SnippetContext): Snippet[] {
  const { key } = ctx;
  const info = KEY_TYPE_INFO[key.keyType];
  const v = `thalassa:v${key.latestVersion}:`;
  const out: Snippet[] = [
    {
      id: 'get',
      title: 'Read the key',
      description: 'GET the key object.',
      code: curl(ctx, 'GET', ''),
    },
    {
      id: 'rotate',
      title: 'Rotate now',
      description: `Creates version ${key.latestVersion + 1} and makes it the latest.`,
      code: curl(ctx, 'POST', '/rotate'),
    },
    {
      id: 'rotation',
      title: 'Update rotation settings',
      description: 'Turn automatic rotation on or off, or change the period (days).',
      code: curl(ctx, 'PATCH', '/rotation', {
        keyRotationEnabled: true,
        rotationPeriodInDays: key.rotationPeriodInDays ?? 90,
      }),
    },
    {
      id: 'disable',
      title: 'Disable',
      description: 'Refuses every operation until enabled.',
      code: curl(ctx, 'POST', '/disable'),
    },
    {
      id: 'enable',
      title: 'Enable',
      description: 'Makes a disabled key active again.',
      code: curl(ctx, 'POST', '/enable'),
    },
    {
      id: 'delete',
      title: 'Schedule deletion',
      description: 'Starts the 30-day waiting period; the key is purged afterwards.',
      code: curl(ctx, 'DELETE', ''),
    },
    {
      id: 'cancel-deletion',
      title: 'Cancel deletion',
      description: 'Only while the key is pending deletion.',
      code: curl(ctx, 'DELETE', '/cancel-deletion'),
    },
  ];
  if (supports(key.keyType, 'encrypt')) {
    out.push({
      id: 'encrypt',
      title: 'Encrypt',
      description: 'plaintext is standard base64 (here "hello").',
      code: curl(ctx, 'POST', '/encrypt', { plaintext: 'aGVsbG8=' }),
    });
    out.push({
      id: 'decrypt',
      title: 'Decrypt',
      description: 'The ciphertext names its version; KMS picks it.',
      code: curl(ctx, 'POST', '/decrypt', { ciphertext: `${v}<base64>` }),
    });
  }
  if (supports(key.keyType, 'sign')) {
    out.push({
      id: 'sign',
      title: 'Sign',
      description: 'input is standard base64 (here "hello").',
      code: curl(ctx, 'POST', '/sign', {
        input: 'aGVsbG8=',
        ...(info.family === 'ed25519' ? {} : { hashAlgorithm: 'sha2-256' }),
      }),
    });
    out.push({
      id: 'verify',
      title: 'Verify',
      description: 'Answers {"valid": true|false}.',
      code: curl(ctx, 'POST', '/verify', { input: 'aGVsbG8=', signature: `${v}<base64>` }),
    });
  }
  if (supports(key.keyType, 'hmac')) {
    out.push({
      id: 'hmac',
      title: 'HMAC',
      description: 'input is standard base64 (here "hello").',
      code: curl(ctx, 'POST', '/hmac', { input: 'aGVsbG8=' }),
    });
    out.push({
      id: 'verify-hmac',
      title: 'Verify HMAC',
      description: 'Answers {"valid": true|false}.',
      code: curl(ctx, 'POST', '/verify-hmac', { input: 'aGVsbG8=', hmac: `${v}<base64>` }),
    });
  }
  if (info.publicKeyFormat) {
    out.push({
      id: 'public-key',
      title: 'Public key',
      description: 'Every version; add ?version=N for one.',
      code: curl(ctx, 'GET', '/public-key'),
    });
  }
  if (key.exportAllowed) {
    out.push({
      id: 'export',
      title: 'Export key material (break-glass)',
      description: 'Returns secret material: handle it as a secret. Recorded in the audit log.',
      code: curl(ctx, 'POST', '/export', { keyVersion: String(key.latestVersion) }),
    });
  }
  return out;
}

/** A `thalassa_kms_key` resource matching the key, and how to import it. */
export function terraformSnippet(ctx: SnippetContext): Snippet {
  const { key } = ctx;
  const name = terraformName(key.slug);
  const attrs: [string, string][] = [
    ['region', hclString(ctx.region)],
    ['name', hclString(key.name)],
    ['key_type', hclString(key.keyType)],
  ];
  if (key.description) attrs.push(['description', hclString(key.description)]);
  const labels = hclMap(key.labels, '  ');
  if (labels) attrs.push(['labels', labels]);
  const annotations = hclMap(key.annotations, '  ');
  if (annotations) attrs.push(['annotations', annotations]);
  if (key.exportAllowed) attrs.push(['export_allowed', 'true']);
  if (key.imported) attrs.push(['allow_rotation', key.allowRotation ? 'true' : 'false']);
  attrs.push(['key_rotation_enabled', key.keyRotationEnabled ? 'true' : 'false']);
  if (key.rotationPeriodInDays !== undefined)
    attrs.push(['rotation_period_in_days', String(key.rotationPeriodInDays)]);
  if (key.status === 'disabled') attrs.push(['status', hclString('disabled')]);
  const width = Math.max(...attrs.map(([k]) => k.length));
  const body = attrs.map(([k, val]) => `  ${k.padEnd(width)} = ${val}`).join('\n');
  const comments = [
    '# Authenticate with THALASSA_API_TOKEN=$TOKEN and THALASSA_ORGANISATION=$ORG_ID.',
    ...(key.projectId
      ? [`# Project-scoped key: use the provider for project ${key.projectId}.`]
      : []),
    ...(key.imported
      ? ['# Imported key: supply import_key_material (and hash_function) from your BYOK wrap.']
      : []),
  ];
  return {
    id: 'terraform',
    title: 'Terraform',
    description: 'The same key as a thalassa_kms_key resource; import it to manage it as code.',
    code: `${comments.join('\n')}\nresource "thalassa_kms_key" "${name}" {\n${body}\n}\n\n# terraform import thalassa_kms_key.${name} ${key.identity}`,
  };
}

/** Sets the placeholders; the token is never filled in. */
export function preambleSnippet(organisation: string): string {
  return [
    `export TOKEN='<your API token>'   # never paste a real token into shared documents`,
    `export ORG_ID=${shellQuote(organisation)}`,
  ].join('\n');
}

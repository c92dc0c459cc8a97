import type { CreateKeyRequest } from '@/contract';

export interface SnippetTarget {
  /** API origin, e.g. https://api.thalassa.cloud or the emulator's. */
  baseUrl: string;
  region: string;
  project?: string | undefined;
}

/** The exact JSON body the console sends. */
export function requestJson(request: CreateKeyRequest): string {
  return JSON.stringify(request, null, 2);
}

/** Quotes a value for a POSIX shell with single quotes. */
function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The same request with curl; the token and organisation stay placeholders. */
export function curlCommand(request: CreateKeyRequest, target: SnippetTarget): string {
  const url = `${target.baseUrl.replace(/\/+$/, '')}/v1/kms/${encodeURIComponent(target.region)}/keys`;
  const lines = [
    `curl -X POST ${shellQuote(url)}`,
    `  -H "Authorization: Bearer $TOKEN"`,
    `  -H "X-Organisation-Identity: $ORG_ID"`,
  ];
  if (target.project) lines.push(`  -H ${shellQuote(`X-Project-Identity: ${target.project}`)}`);
  lines.push(`  -H 'Content-Type: application/json'`);
  lines.push(`  -d ${shellQuote(JSON.stringify(request))}`);
  return lines.join(' \\\n');
}

function hclString(value: string): string {
  return JSON.stringify(value)
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, () => '%%{');
}

function hclKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? key : hclString(key);
}

function hclMap(name: string, map: Record<string, string>): string[] {
  const entries = Object.entries(map);
  const width = Math.max(...entries.map(([k]) => hclKey(k).length));
  return [
    `  ${name} = {`,
    ...entries.map(([k, v]) => `    ${hclKey(k).padEnd(width)} = ${hclString(v)}`),
    '  }',
  ];
}

/** A resource name Terraform accepts, from the key's slug. */
function resourceName(name: string): string {
  const id = name
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^[a-z_]/.test(id) ? id : `key_${id}`;
}

/** A `thalassa_kms_key` block (Thalassa's Terraform provider) for the same key. */
export function terraformBlock(request: CreateKeyRequest, target: SnippetTarget): string {
  const lines: string[] = [];
  if (target.project) {
    lines.push(
      `# Project-scoped key (${target.project}): configure the provider for that project.`,
    );
  }
  lines.push(`resource "thalassa_kms_key" ${hclString(resourceName(request.name) || 'key')} {`);
  const attrs: [string, string][] = [
    ['region', hclString(target.region)],
    ['name', hclString(request.name)],
    ['key_type', hclString(request.keyType ?? 'aes256-gcm96')],
  ];
  if (request.description !== undefined)
    attrs.push(['description', hclString(request.description)]);
  const width = Math.max(...attrs.map(([k]) => k.length));
  for (const [k, v] of attrs) lines.push(`  ${k.padEnd(width)} = ${v}`);
  if (request.labels) lines.push('', ...hclMap('labels', request.labels));
  if (request.annotations) lines.push('', ...hclMap('annotations', request.annotations));
  const flags: [string, string][] = [
    ['key_rotation_enabled', String(request.keyRotationEnabled ?? false)],
  ];
  if (request.rotationPeriodInDays !== undefined)
    flags.push(['rotation_period_in_days', String(request.rotationPeriodInDays)]);
  flags.push(['export_allowed', String(request.exportAllowed ?? false)]);
  if (request.importKeyMaterial !== undefined) {
    flags.push(['import_key_material', 'var.wrapped_key_material']);
    flags.push(['hash_function', hclString(request.hashFunction ?? 'sha256')]);
    flags.push(['allow_rotation', String(request.allowRotation ?? false)]);
  }
  const flagWidth = Math.max(...flags.map(([k]) => k.length));
  lines.push('');
  for (const [k, v] of flags) lines.push(`  ${k.padEnd(flagWidth)} = ${v}`);
  lines.push('}');
  if (request.importKeyMaterial !== undefined) {
    lines.push(
      '',
      '# The wrapped material (base64) from the Key material step; keep it out of version control.',
      'variable "wrapped_key_material" {',
      '  type      = string',
      '  sensitive = true',
      '}',
    );
  }
  return lines.join('\n');
}

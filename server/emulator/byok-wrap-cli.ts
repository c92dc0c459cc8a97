/**
 * `npm run byok:wrap`: wraps key material for BYOK import (docs/emulator.md, "BYOK") with a
 * region's wrapping key, fetched from a running emulator (or any KMS API) or read from a PEM file.
 * Prints only the wrapped blob (base64) on stdout; never prints key material or the token.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  KEY_TYPE_INFO,
  KEY_TYPES,
  WRAPPING_KEY_ALGORITHM,
  byokHashFunctionSchema,
  BYOK_HASH_FUNCTIONS,
  keyTypeSchema,
  wrappingKeyResponseSchema,
} from '../../src/contract';
import { CryptoInputError, importMaterialFromFile, wrapMaterialForImport } from './crypto';

const DEFAULT_URL = 'http://127.0.0.1:8080';
const DEFAULT_ORG = 'org-local';

const HELP = `Wrap key material for BYOK import into Thalassa Cloud KMS (or the local emulator).

Usage:
  npm run byok:wrap -- --region nl-01 --key-type aes256-gcm96 --in FILE [options]

Required:
  --key-type TYPE       the key type to import as: ${KEY_TYPES.filter((t) => KEY_TYPE_INFO[t].importable).join(', ')}
  --in FILE             the key material: raw key bytes for symmetric types (16 or 32 bytes);
                        for RSA/ECDSA/Ed25519 a private key as PKCS#8 DER, or PEM (PKCS#8,
                        PKCS#1 or SEC1), converted to PKCS#8 DER before wrapping
  --region REGION       region slug or identity whose wrapping key to fetch
                        (not needed with --wrapping-key)

Options:
  --hash FUNCTION       OAEP/MGF1 hash: ${BYOK_HASH_FUNCTIONS.join(', ')} (default sha256); send the same
                        value as hashFunction when creating the key
  --url URL             API base URL (default ${DEFAULT_URL})
  --token TOKEN         API token (default: the KMS_EMULATOR_TOKEN environment variable);
                        prefer the environment variable: arguments show up in process lists
  --org ORG             X-Organisation-Identity header (default ${DEFAULT_ORG})
  --project PROJECT     X-Project-Identity header (optional)
  --wrapping-key FILE   use this PEM public key instead of fetching one (no server needed)
  --out FILE            write the base64 wrapped material to FILE instead of stdout
  --help                show this help

The output is base64(RSA-OAEP(AES-256 key) || AES-KWP(material)); pass it as
importKeyMaterial, with keyType and hashFunction, to POST /v1/kms/{region}/keys.
npm prints its own banner on stdout: use --out FILE, or npm run --silent byok:wrap, to capture
only the blob. Exit code 0 on success, 1 on any error.
`;

class UsageError extends Error {}

interface Options {
  keyType: (typeof KEY_TYPES)[number];
  inPath: string;
  region: string | undefined;
  hash: (typeof BYOK_HASH_FUNCTIONS)[number];
  url: string;
  token: string | undefined;
  org: string;
  project: string | undefined;
  wrappingKeyPath: string | undefined;
  outPath: string | undefined;
}

/** Where the command writes and what environment it reads (the process's own by default). */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
}

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
};

function parseOptions(argv: string[], env: CliIo['env']): Options | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        region: { type: 'string' },
        'key-type': { type: 'string' },
        in: { type: 'string' },
        hash: { type: 'string', default: 'sha256' },
        url: { type: 'string', default: DEFAULT_URL },
        token: { type: 'string' },
        org: { type: 'string', default: DEFAULT_ORG },
        project: { type: 'string' },
        'wrapping-key': { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return 'help';
  if (values['key-type'] === undefined) throw new UsageError('--key-type is required');
  const keyType = keyTypeSchema.safeParse(values['key-type']);
  if (!keyType.success) {
    throw new UsageError(`--key-type must be one of ${KEY_TYPES.join(', ')}`);
  }
  if (!KEY_TYPE_INFO[keyType.data].importable) {
    throw new UsageError(`${keyType.data} keys cannot be imported (no BYOK for HMAC keys)`);
  }
  const hash = byokHashFunctionSchema.safeParse(values.hash);
  if (!hash.success)
    throw new UsageError(`--hash must be one of ${BYOK_HASH_FUNCTIONS.join(', ')}`);
  if (values.in === undefined) throw new UsageError('--in FILE is required');
  const wrappingKeyPath = values['wrapping-key'];
  if (wrappingKeyPath === undefined && values.region === undefined) {
    throw new UsageError('--region is required (or pass --wrapping-key PEMFILE)');
  }
  return {
    keyType: keyType.data,
    inPath: values.in,
    region: values.region,
    hash: hash.data,
    url: values.url,
    token: values.token ?? env.KMS_EMULATOR_TOKEN,
    org: values.org,
    project: values.project,
    wrappingKeyPath,
    outPath: values.out,
  };
}

function readFile(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'error';
    throw new UsageError(`cannot read ${what} ${path} (${code})`);
  }
}

async function fetchWrappingKey(options: Options, region: string): Promise<string> {
  if (options.token === undefined || options.token === '') {
    throw new UsageError(
      'no API token: set KMS_EMULATOR_TOKEN (or pass --token), or use --wrapping-key PEMFILE',
    );
  }
  let url: URL;
  try {
    url = new URL(`/v1/kms/${encodeURIComponent(region)}/wrapping-key`, options.url);
  } catch {
    throw new UsageError(`--url is not a valid URL: ${options.url}`);
  }
  const headers: Record<string, string> = {
    Authorization: `Bearer ${options.token}`,
    'X-Organisation-Identity': options.org,
    Accept: 'application/json',
  };
  if (options.project !== undefined) headers['X-Project-Identity'] = options.project;
  let response: Response;
  try {
    response = await fetch(url, { headers });
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : '';
    throw new UsageError(
      `cannot reach ${url.origin} (${cause || 'network error'}): is the emulator running?`,
    );
  }
  const text = await response.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // reported below
  }
  if (!response.ok) {
    const message =
      typeof body === 'object' &&
      body !== null &&
      'message' in body &&
      typeof body.message === 'string'
        ? body.message
        : response.statusText;
    throw new UsageError(`GET ${url.pathname} answered ${response.status}: ${message}`);
  }
  const parsed = wrappingKeyResponseSchema.safeParse(body);
  if (!parsed.success) throw new UsageError(`GET ${url.pathname} did not return a wrapping key`);
  if (parsed.data.algorithm !== WRAPPING_KEY_ALGORITHM) {
    throw new UsageError(
      `the wrapping key's algorithm is ${parsed.data.algorithm}, this tool only does ${WRAPPING_KEY_ALGORITHM}`,
    );
  }
  return parsed.data.publicKey;
}

async function run(argv: string[], io: CliIo): Promise<void> {
  const options = parseOptions(argv, io.env);
  if (options === 'help') {
    io.stdout(HELP);
    return;
  }
  const material = importMaterialFromFile(options.keyType, readFile(options.inPath, 'key file'));
  let wrappingKeyPem: string;
  let source: string;
  if (options.wrappingKeyPath !== undefined) {
    wrappingKeyPem = readFile(options.wrappingKeyPath, 'wrapping key').toString('utf8');
    source = options.wrappingKeyPath;
  } else {
    const region = options.region ?? '';
    wrappingKeyPem = await fetchWrappingKey(options, region);
    source = `region ${region} at ${options.url}`;
  }
  const wrapped = wrapMaterialForImport(wrappingKeyPem, material, options.hash).toString('base64');
  material.fill(0);
  const summary = `Wrapped ${options.keyType} material for import with the wrapping key of ${source} (hashFunction ${options.hash}).`;
  if (options.outPath !== undefined) {
    try {
      writeFileSync(options.outPath, `${wrapped}\n`, { mode: 0o600 });
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? String(error.code) : 'error';
      throw new UsageError(`cannot write ${options.outPath} (${code})`);
    }
    io.stderr(`${summary}\nWritten to ${options.outPath}.\n`);
  } else {
    io.stdout(`${wrapped}\n`);
    io.stderr(`${summary}\n`);
  }
}

/** Runs the command; resolves to the exit code (0 success, 1 any error). Never throws. */
export async function runByokWrap(argv: string[], io: CliIo = processIo): Promise<number> {
  try {
    await run(argv, io);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof CryptoInputError) {
      const hint = error instanceof UsageError ? '\nRun with --help for usage.' : '';
      io.stderr(`byok:wrap: ${error.message}${hint}\n`);
    } else {
      // Unexpected (a bug): node:crypto and fs messages name no key bytes.
      const detail = error instanceof Error ? `${error.name}: ${error.message}` : 'error';
      io.stderr(`byok:wrap: unexpected ${detail}\n`);
    }
    return 1;
  }
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(resolve(entry)).href) {
  void runByokWrap(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

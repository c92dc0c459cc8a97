/**
 * End to end: runs `server/emulator/byok-wrap-cli.ts` with tsx as a user would, then unwraps its
 * output with the wrapping private key.
 */
import { execFile, execFileSync } from 'node:child_process';
import { createPrivateKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runByokWrap } from '../byok-wrap-cli';
import { generateWrappingKeyPair, unwrapImportedMaterial } from './index';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = join(ROOT, 'server', 'emulator', 'byok-wrap-cli.ts');

let dir = '';
let publicKeyPem = '';
let privateKeyPem = '';
let pubPath = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kms-byok-cli-'));
  ({ publicKeyPem, privateKeyPem } = await generateWrappingKeyPair());
  pubPath = join(dir, 'wrapping-key.pem');
  writeFileSync(pubPath, publicKeyPem);
});

afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

let counter = 0;
function file(name: string, content: Buffer | string): string {
  counter += 1;
  const path = join(dir, `${counter}-${name}`);
  writeFileSync(path, content);
  return path;
}

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** Async on purpose: the stub server below answers from this same process. */
function runCli(args: string[], env: Record<string, string | undefined> = {}): Promise<Result> {
  const childEnv = { ...process.env, KMS_EMULATOR_TOKEN: undefined, ...env };
  return new Promise((resolve) => {
    // tsx as a loader in one Node process (its command line starts a second one for the script).
    const argv = ['--import', 'tsx', CLI, ...args];
    execFile(process.execPath, argv, { cwd: ROOT, env: childEnv }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * The same command in this process: fast, so only the first wrap and a failure start a real
 * process (output and exit code as a user sees them); the conversions, --out, --help, the error
 * matrix and the stub server run here.
 */
async function runInProcess(
  args: string[],
  env: Record<string, string | undefined> = {},
): Promise<Result> {
  let stdout = '';
  let stderr = '';
  const code = await runByokWrap(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env,
  });
  return { code, stdout, stderr };
}

function unwrapOutput(
  stdout: string,
  hash: 'sha256' | 'sha1' | 'sha384' | 'sha512' = 'sha256',
): Buffer {
  const b64 = stdout.trim();
  expect(b64).toMatch(/^[A-Za-z0-9+/]+=*$/);
  return unwrapImportedMaterial(privateKeyPem, Buffer.from(b64, 'base64'), hash);
}

describe('byok:wrap with --wrapping-key', () => {
  it('wraps raw symmetric material; the output unwraps to the same bytes', async () => {
    const material = randomBytes(32);
    const result = await runCli([
      '--key-type',
      'aes256-gcm96',
      '--in',
      file('aes.bin', material),
      '--wrapping-key',
      pubPath,
    ]);
    expect(result.code).toBe(0);
    expect(unwrapOutput(result.stdout).equals(material)).toBe(true);
    expect(result.stderr).toMatch(/Wrapped aes256-gcm96 material/);
    // Never the material itself, in any encoding.
    for (const encoded of [material.toString('hex'), material.toString('base64')]) {
      expect(result.stdout + result.stderr).not.toContain(encoded);
    }
  });

  it('converts a PEM (SEC1) EC private key to PKCS#8 DER and honours --hash and --out', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-384' });
    const pem = privateKey.export({ type: 'sec1', format: 'pem' }).toString();
    expect(pem).toMatch(/BEGIN EC PRIVATE KEY/);
    const out = join(dir, 'wrapped.b64');
    const result = await runInProcess([
      '--key-type',
      'ecdsa-p384',
      '--in',
      file('ec.pem', pem),
      '--wrapping-key',
      pubPath,
      '--hash',
      'sha512',
      '--out',
      out,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    const unwrapped = unwrapOutput(readFileSync(out, 'utf8'), 'sha512');
    expect(unwrapped.equals(privateKey.export({ type: 'pkcs8', format: 'der' }))).toBe(true);
    expect(() => unwrapOutput(readFileSync(out, 'utf8'), 'sha256')).toThrow(/does not unwrap/);
  });

  it('accepts PKCS#8 DER and openssl\u2019s traditional DER (PKCS#1) for RSA', async () => {
    const pkcs1Der = execFileSync('openssl', [
      'genpkey',
      '-algorithm',
      'RSA',
      '-pkeyopt',
      'rsa_keygen_bits:2048',
      '-outform',
      'DER',
    ]);
    const expected = createPrivateKey({ key: pkcs1Der, format: 'der', type: 'pkcs1' }).export({
      type: 'pkcs8',
      format: 'der',
    });
    const wrap = ['--key-type', 'rsa-2048', '--wrapping-key', pubPath];
    const [fromPkcs1, fromPkcs8] = await Promise.all([
      runInProcess([...wrap, '--in', file('rsa.der', pkcs1Der)]),
      runInProcess([...wrap, '--in', file('rsa8.der', expected)]),
    ]);
    expect(fromPkcs1.code).toBe(0);
    expect(unwrapOutput(fromPkcs1.stdout).equals(expected)).toBe(true);
    expect(fromPkcs8.code).toBe(0);
    expect(unwrapOutput(fromPkcs8.stdout).equals(expected)).toBe(true);
  });

  it('fails clearly (exit 1, nothing on stdout) when the material does not fit', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const p256Pem = file('p256.pem', privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const wrap = ['--wrapping-key', pubPath];
    const cases: Array<[string[], RegExp]> = [
      [
        ['--key-type', 'aes256-gcm96', '--in', file('short.bin', randomBytes(16)), ...wrap],
        /exactly 32 raw bytes, got 16/,
      ],
      [
        ['--key-type', 'ecdsa-p384', '--in', p256Pem, ...wrap],
        /secp384r1, got an EC key on curve prime256v1/,
      ],
      [
        ['--key-type', 'ed25519', '--in', file('pub.pem', publicKeyPem), ...wrap],
        /PUBLIC KEY", not a private key/,
      ],
      [
        ['--key-type', 'hmac', '--in', file('h.bin', randomBytes(32)), ...wrap],
        /cannot be imported/,
      ],
      [
        ['--key-type', 'aes256-gcm96', '--in', join(dir, 'nope.bin'), ...wrap],
        /cannot read key file .*nope\.bin \(ENOENT\)/,
      ],
      [['--key-type', 'aes256-gcm96', '--in', p256Pem], /--region is required/],
      [['--key-type', 'aes256-gcm96', '--colour'], /--colour/],
    ];
    const results = await Promise.all(cases.map(([args]) => runInProcess(args)));
    results.forEach((result, i) => {
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(cases[i]?.[1] ?? /never/);
    });
  });

  it('a failure exits the real process with code 1 and nothing on stdout', async () => {
    const result = await runCli([
      '--key-type',
      'aes128-gcm96',
      '--in',
      file('k.bin', randomBytes(32)),
      '--wrapping-key',
      pubPath,
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/exactly 16 raw bytes, got 32/);
  });

  it('--help documents every flag and exits 0', async () => {
    const result = await runInProcess(['--help']);
    expect(result.code).toBe(0);
    for (const flag of [
      '--region',
      '--key-type',
      '--in',
      '--hash',
      '--url',
      '--token',
      '--org',
      '--project',
      '--wrapping-key',
      '--out',
      '--help',
    ]) {
      expect(result.stdout).toContain(flag);
    }
  });
});

describe('byok:wrap fetching the wrapping key from a server', () => {
  let server: Server | undefined;
  let baseUrl = '';
  const seen: Array<{ url: string | undefined; headers: IncomingHttpHeaders }> = [];

  beforeAll(async () => {
    // A stand-in for the emulator's wrapping-key endpoint: it answers only with the right token.
    server = createServer((req, res) => {
      seen.push({ url: req.url, headers: req.headers });
      res.setHeader('content-type', 'application/json');
      if (req.headers.authorization !== 'Bearer test-token') {
        res.writeHead(401).end(JSON.stringify({ message: 'missing or unknown token' }));
      } else if (req.url !== '/v1/kms/nl-01/wrapping-key') {
        res.writeHead(404).end(JSON.stringify({ message: 'region not found' }));
      } else {
        res
          .writeHead(200)
          .end(JSON.stringify({ publicKey: publicKeyPem, algorithm: 'rsa-oaep-aes-kwp' }));
      }
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no TCP address');
    baseUrl = `http://127.0.0.1:${address.port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  it('GETs /v1/kms/{region}/wrapping-key with the token from KMS_EMULATOR_TOKEN and the org/project headers', async () => {
    const material = randomBytes(16);
    seen.length = 0;
    const result = await runInProcess(
      [
        '--region',
        'nl-01',
        '--key-type',
        'aes128-gcm96',
        '--in',
        file('k.bin', material),
        '--url',
        baseUrl,
        '--org',
        'org-x',
        '--project',
        'proj-1',
      ],
      { KMS_EMULATOR_TOKEN: 'test-token' },
    );
    expect(result.code).toBe(0);
    expect(unwrapOutput(result.stdout).equals(material)).toBe(true);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.headers['x-organisation-identity']).toBe('org-x');
    expect(seen[0]?.headers['x-project-identity']).toBe('proj-1');
    expect(result.stdout + result.stderr).not.toContain('test-token');
  });

  it('reports the server\u2019s error message and exits 1', async () => {
    const material = file('k.bin', randomBytes(32));
    const base = ['--key-type', 'aes256-gcm96', '--in', material, '--url', baseUrl];
    const [unknownRegion, badToken, noToken] = await Promise.all([
      runInProcess(['--region', 'xx-99', ...base, '--token', 'test-token']),
      runInProcess(['--region', 'nl-01', ...base], { KMS_EMULATOR_TOKEN: 'wrong-token' }),
      runInProcess(['--region', 'nl-01', ...base]),
    ]);
    expect(unknownRegion.code).toBe(1);
    expect(unknownRegion.stderr).toMatch(/answered 404: region not found/);
    expect(badToken.code).toBe(1);
    expect(badToken.stderr).toMatch(/answered 401: missing or unknown token/);
    expect(badToken.stderr).not.toContain('wrong-token');
    expect(noToken.code).toBe(1);
    expect(noToken.stderr).toMatch(/KMS_EMULATOR_TOKEN/);
    expect(unknownRegion.stdout + badToken.stdout + noToken.stdout).toBe('');
  });
});

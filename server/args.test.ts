import { describe, expect, it } from 'vitest';
import {
  isLoopback,
  originFor,
  parseDevArgs,
  parseStartArgs,
  signInUrl,
  START_USAGE,
  UsageError,
} from './args';

describe('parseStartArgs', () => {
  it('has safe defaults: loopback, 8080, .kms-data, emulator, no test controls', () => {
    expect(parseStartArgs([], {})).toEqual({
      port: 8080,
      host: '127.0.0.1',
      dataDir: '.kms-data',
      configPath: undefined,
      demo: false,
      testControls: false,
      upstream: undefined,
      help: false,
    });
  });

  it('reads PORT, HOST and KMS_DATA_DIR, and flags win over them', () => {
    const env = { PORT: '9000', HOST: '0.0.0.0', KMS_DATA_DIR: '/var/kms' };
    expect(parseStartArgs([], env)).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      dataDir: '/var/kms',
    });
    expect(
      parseStartArgs(['--port', '9100', '--host', '::1', '--data-dir', 'here'], env),
    ).toMatchObject({
      port: 9100,
      host: '::1',
      dataDir: 'here',
    });
  });

  it('reads the config file from KMS_EMULATOR_CONFIG unless --config is given', () => {
    const env = { KMS_EMULATOR_CONFIG: 'env.json' };
    expect(parseStartArgs([], env).configPath).toBe('env.json');
    expect(parseStartArgs(['--config', 'flag.json'], env).configPath).toBe('flag.json');
    expect(parseDevArgs([], env).configPath).toBe('env.json');
  });

  it('takes the emulator flags', () => {
    expect(
      parseStartArgs(['--demo', '--test-controls', '--config', 'kms.json', '--port=0'], {}),
    ).toMatchObject({
      demo: true,
      testControls: true,
      configPath: 'kms.json',
      port: 0,
    });
  });

  it('takes an http(s) upstream URL', () => {
    expect(parseStartArgs(['--upstream', 'https://api.thalassa.cloud'], {}).upstream?.href).toBe(
      'https://api.thalassa.cloud/',
    );
  });

  it.each([
    [['--upstream', 'api.thalassa.cloud']],
    [['--upstream', 'ftp://api.example']],
    [['--upstream', 'https://user:pw@api.example']],
    [['--upstream', 'https://api.example/?x=1']],
    [['--port', '80a']],
    [['--port', '65536']],
    [['--port', '-1']],
    [['--nope']],
    [['extra']],
  ])('refuses %j with a usage error', (argv) => {
    expect(() => parseStartArgs(argv, {})).toThrow(UsageError);
  });

  it('refuses a bad PORT variable', () => {
    expect(() => parseStartArgs([], { PORT: 'eighty' })).toThrow(/PORT/);
  });

  it('documents every flag in the help', () => {
    expect(parseStartArgs(['-h'], {}).help).toBe(true);
    for (const flag of [
      '--port',
      '--host',
      '--data-dir',
      '--config',
      '--demo',
      '--test-controls',
      '--upstream',
      '--help',
    ]) {
      expect(START_USAGE).toContain(flag);
    }
    for (const variable of [
      'PORT',
      'HOST',
      'KMS_DATA_DIR',
      'KMS_EMULATOR_TOKEN',
      'KMS_EMULATOR_CONFIG',
    ])
      expect(START_USAGE).toContain(variable);
  });
});

describe('parseDevArgs', () => {
  it('defaults to Vite on 5173 and the emulator API on 8081', () => {
    expect(parseDevArgs([], {})).toMatchObject({
      port: 5173,
      apiPort: 8081,
      host: '127.0.0.1',
      dataDir: '.kms-data',
      demo: false,
    });
    expect(parseDevArgs(['--api-port', '9001', '--demo'], { KMS_DATA_DIR: 'd' })).toMatchObject({
      apiPort: 9001,
      demo: true,
      dataDir: 'd',
    });
  });

  it('has no --test-controls', () => {
    expect(() => parseDevArgs(['--test-controls'], {})).toThrow(UsageError);
  });
});

describe('isLoopback', () => {
  it('tells loopback addresses from ones other machines reach', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', 'localhost'])
      expect(isLoopback(host)).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.10', 'example.com', '127.0.0.1.nip.io']) {
      expect(isLoopback(host)).toBe(false);
    }
  });
});

describe('URLs', () => {
  it('shows wildcard hosts as loopback and brackets IPv6', () => {
    expect(originFor('127.0.0.1', 8080)).toBe('http://127.0.0.1:8080');
    expect(originFor('0.0.0.0', 80)).toBe('http://127.0.0.1:80');
    expect(originFor('::', 8080)).toBe('http://[::1]:8080');
    expect(originFor('localhost', 1)).toBe('http://localhost:1');
  });

  it('puts only the one-time code in the fragment, never a token or an API base', () => {
    const url = signInUrl('http://127.0.0.1:8080', 'Ab_-09');
    expect(url).toBe('http://127.0.0.1:8080/#code=Ab_-09');
    expect(new URL(url).search).toBe('');
    expect(url).not.toMatch(/token=|baseUrl=/);
  });
});

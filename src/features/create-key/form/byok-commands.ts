import { KEY_TYPE_INFO, type ByokHashFunction, type KeyType } from '@/contract';

export interface ByokCommandInput {
  region: string;
  keyType: KeyType;
  hashFunction: ByokHashFunction;
  /** The API origin the console talks to (the emulator's, or https://api.thalassa.cloud). */
  apiUrl: string;
  organisation: string;
  project?: string | undefined;
}

/** Raw key length in bytes of symmetric types; null where the material is PKCS#8 DER. */
export function rawMaterialBytes(keyType: KeyType): number | null {
  const info = KEY_TYPE_INFO[keyType];
  return info.family === 'symmetric' ? info.bits / 8 : null;
}

/** How to put the target material into key-material.bin (docs/emulator.md, "BYOK"). */
export function materialPreparation(keyType: KeyType): string {
  const raw = rawMaterialBytes(keyType);
  if (raw !== null) {
    return `# key-material.bin must hold exactly the ${raw} raw bytes of your ${KEY_TYPE_INFO[keyType].label} key.`;
  }
  return [
    `# Convert your ${KEY_TYPE_INFO[keyType].label} private key to PKCS#8 DER:`,
    'openssl pkcs8 -topk8 -nocrypt -in private-key.pem -outform DER -out key-material.bin',
  ].join('\n');
}

/** This project's helper script: fetches the wrapping key and wraps in one go. */
export function byokWrapCommand(input: ByokCommandInput): string {
  const args = [
    `--region ${input.region}`,
    `--key-type ${input.keyType}`,
    '--in key-material.bin',
    '--out wrapped.b64',
  ];
  if (input.hashFunction !== 'sha256') args.push(`--hash ${input.hashFunction}`);
  args.push(`--url ${input.apiUrl}`, `--org ${input.organisation}`);
  if (input.project) args.push(`--project ${input.project}`);
  return [
    '# Reads the API token from KMS_EMULATOR_TOKEN; prints nothing secret.',
    `npm run byok:wrap -- ${args.join(' \\\n    ')}`,
  ].join('\n');
}

/** The same wrapping with OpenSSL 3 only: RSA-OAEP of a fresh AES-256 key, then AES-KWP. */
export function opensslWrapCommands(input: Pick<ByokCommandInput, 'hashFunction'>): string {
  const h = input.hashFunction;
  return [
    '# 1. A fresh, one-time AES-256 key',
    'openssl rand -out aes-key.bin 32',
    '',
    `# 2. Wrap it with the region's wrapping key: RSA-OAEP, ${h} for OAEP and MGF1`,
    'openssl pkeyutl -encrypt -pubin -inkey wrapping-key.pem \\',
    '  -in aes-key.bin -out rsa-part.bin \\',
    `  -pkeyopt rsa_padding_mode:oaep -pkeyopt rsa_oaep_md:${h} -pkeyopt rsa_mgf1_md:${h}`,
    '',
    '# 3. Wrap the key material with AES-KWP (RFC 5649)',
    'openssl enc -id-aes256-wrap-pad -iv A65959A6 \\',
    '  -K "$(xxd -p -c 256 aes-key.bin)" \\',
    '  -in key-material.bin -out kwp-part.bin',
    '',
    '# 4. RSA part (512 bytes) followed by the KWP part, as one line of base64',
    "cat rsa-part.bin kwp-part.bin | base64 | tr -d '\\n' > wrapped.b64",
    '',
    '# 5. Destroy the temporary files',
    'shred -u aes-key.bin rsa-part.bin kwp-part.bin',
  ].join('\n');
}

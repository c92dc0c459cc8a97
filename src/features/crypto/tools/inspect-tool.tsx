import { ShieldCheck } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { supports, type DecryptResponse, type Key } from '@/contract';
import { formatDateTime } from '@/lib/format';
import { ThalassaField } from '../components/thalassa-field';
import { inspectThalassaString, type Inspection } from '../lib/inspect';
import { CryptoTool } from './crypto-tool';
import { decryptSpec } from './specs';
import type { ToolSpec } from './tool-spec';
import type { ToolProps } from './types';
import styles from '../components/crypto-ui.module.css';

/** Decrypt, with the facts of the pasted ciphertext under it; works on a non-active key too. */
const inspectDecryptSpec: ToolSpec<DecryptResponse> = {
  ...decryptSpec,
  thalassa: { label: 'Ciphertext to inspect', noun: 'ciphertext', verb: 'decrypted' },
  details: (inspection, cryptoKey) => (
    <InspectionFacts cryptoKey={cryptoKey} inspection={inspection} />
  ),
  worksOffline: true,
};

/**
 * The ciphertext inspector: which version made a thalassa:v<N>: string and whether the KMS still
 * accepts it; ciphertexts decrypt from here, signatures and HMACs go on to their verify tool.
 */
export function InspectTool(props: ToolProps) {
  if (supports(props.cryptoKey.keyType, 'decrypt')) {
    return <CryptoTool spec={inspectDecryptSpec} {...props} />;
  }
  return <InspectOnly {...props} />;
}

function InspectOnly({ cryptoKey, initial, onHandoff }: ToolProps) {
  const isHmac = supports(cryptoKey.keyType, 'hmac');
  const what = isHmac ? 'HMAC' : 'Signature';
  const [value, setValue] = useState(initial?.thalassa ?? '');
  const inspection = inspectThalassaString(value, cryptoKey, 'verified');
  return (
    <div className={styles.form}>
      <ThalassaField
        label={`${what} to inspect`}
        value={value}
        onChange={setValue}
        inspection={inspection}
      />
      <InspectionFacts cryptoKey={cryptoKey} inspection={inspection} />
      {inspection.state === 'usable' ? (
        <div>
          <Button
            onClick={() =>
              onHandoff({ op: isHmac ? 'verify-hmac' : 'verify', thalassa: inspection.value })
            }
          >
            <ShieldCheck size={14} aria-hidden /> Verify a message with this {what.toLowerCase()}
          </Button>
        </div>
      ) : null}
    </div>
  );
}

const ACCEPTED: Record<Inspection['state'], string> = {
  usable: 'Yes',
  retired: 'No: retired version',
  'unknown-version': 'No: unknown version',
  malformed: 'No: unknown version',
  empty: 'No: unknown version',
};

function InspectionFacts({ cryptoKey, inspection }: { cryptoKey: Key; inspection: Inspection }) {
  if (inspection.version === null) return null;
  const created = inspection.versionCreatedAt;
  const rows: [string, string][] = [
    ['Made by version', `v${inspection.version}`],
    ['Version created', created ? formatDateTime(created) : 'not listed on this key'],
    ['Latest version', `v${cryptoKey.latestVersion}`],
    ['Minimum decryption version', `v${cryptoKey.minDecryptionVersion}`],
    ['Accepted by the KMS', ACCEPTED[inspection.state]],
  ];
  return (
    <dl className={styles.facts} aria-label="Inspection">
      {rows.map(([k, v]) => (
        <div key={k} className={styles.fact}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

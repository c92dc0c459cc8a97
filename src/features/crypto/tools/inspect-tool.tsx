import { ShieldCheck } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { supports, type Key } from '@/contract';
import { formatDateTime } from '@/lib/format';
import { ThalassaField } from '../components/thalassa-field';
import { inspectThalassaString, type Inspection } from '../lib/inspect';
import { DecryptForm } from './decrypt-tool';
import type { ToolProps } from './types';
import styles from '../components/crypto-ui.module.css';

/**
 * The ciphertext inspector: which version made a thalassa:v<N>: string and whether the KMS still
 * accepts it; ciphertexts decrypt from here, signatures and HMACs go on to their verify tool.
 */
export function InspectTool({ region, cryptoKey, disabledReason, initial, onHandoff }: ToolProps) {
  if (supports(cryptoKey.keyType, 'decrypt')) {
    return (
      <DecryptForm
        region={region}
        cryptoKey={cryptoKey}
        disabledReason={disabledReason}
        initialValue={initial?.thalassa ?? ''}
        label="Ciphertext to inspect"
        details={(inspection) => <InspectionFacts cryptoKey={cryptoKey} inspection={inspection} />}
      />
    );
  }
  return <InspectOnly cryptoKey={cryptoKey} initial={initial} onHandoff={onHandoff} />;
}

function InspectOnly({
  cryptoKey,
  initial,
  onHandoff,
}: Pick<ToolProps, 'cryptoKey' | 'initial' | 'onHandoff'>) {
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

function InspectionFacts({ cryptoKey, inspection }: { cryptoKey: Key; inspection: Inspection }) {
  if (inspection.version === null) return null;
  const rows: [string, string][] = [
    ['Made by version', `v${inspection.version}`],
    [
      'Version created',
      inspection.versionCreatedAt
        ? formatDateTime(inspection.versionCreatedAt)
        : 'not listed on this key',
    ],
    ['Latest version', `v${cryptoKey.latestVersion}`],
    ['Minimum decryption version', `v${cryptoKey.minDecryptionVersion}`],
    [
      'Accepted by the KMS',
      inspection.state === 'usable'
        ? 'Yes'
        : inspection.state === 'retired'
          ? 'No: retired version'
          : 'No: unknown version',
    ],
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

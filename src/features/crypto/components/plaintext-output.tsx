import { Download, EyeOff } from 'lucide-react';
import { useId, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { TextArea } from '@/components/ui/field';
import { downloadBytes } from '@/lib/download';
import { bytesToBase64, bytesToHex, bytesToUtf8 } from '@/lib/encoding';
import { formatBytes } from '@/lib/format';
import { Segmented, type SegmentOption } from '@/components/ui/segmented';
import styles from './crypto-ui.module.css';

type Format = 'text' | 'hex' | 'base64';

/**
 * Decrypted data as text (only when it is valid UTF-8), hex or base64, with copy, download and
 * clear. The bytes live only in the caller's state.
 */
export function PlaintextOutput({
  bytes,
  keyVersion,
  filename,
  onClear,
}: {
  bytes: Uint8Array;
  keyVersion: string;
  filename: string;
  onClear: () => void;
}) {
  const id = useId();
  const text = bytesToUtf8(bytes);
  const isText = text !== null;
  const [format, setFormat] = useState<Format>(isText ? 'text' : 'hex');
  const shown =
    format === 'text' && text !== null
      ? text
      : format === 'base64'
        ? bytesToBase64(bytes)
        : bytesToHex(bytes);
  const formats: SegmentOption<Format>[] = [
    {
      value: 'text',
      label: 'Text',
      isDisabled: !isText,
      title: isText ? undefined : 'Not valid UTF-8: shown as hex or base64',
    },
    { value: 'hex', label: 'Hex' },
    { value: 'base64', label: 'Base64' },
  ];
  return (
    <div className={styles.output}>
      <div className={styles.outputHead}>
        <h3 id={id} className={styles.outputTitle}>
          Plaintext
        </h3>
        <Badge tone="accent">version {keyVersion}</Badge>
        <Badge tone={isText ? 'neutral' : 'warning'}>
          {isText ? 'UTF-8 text' : 'binary'} · {formatBytes(bytes.length)}
        </Badge>
        <div className={styles.outputActions}>
          <Segmented
            label="Show plaintext as"
            value={format}
            options={formats}
            onChange={setFormat}
          />
          <CopyButton value={shown} label="plaintext" hasText />
          <Button
            size="small"
            variant="ghost"
            aria-label="Download plaintext"
            onClick={() => downloadBytes(filename, bytes)}
          >
            <Download size={14} aria-hidden /> Download
          </Button>
          <Button size="small" variant="ghost" onClick={onClear}>
            <EyeOff size={14} aria-hidden /> Clear
          </Button>
        </div>
      </div>
      {!isText ? (
        <p className={styles.note}>
          The data is not valid UTF-8, so it is shown as {format === 'base64' ? 'base64' : 'hex'}.
        </p>
      ) : null}
      <TextArea
        className={styles.outputValue}
        aria-labelledby={id}
        value={shown}
        readOnly
        isMono={format !== 'text'}
        rows={Math.min(10, Math.max(2, Math.ceil(shown.length / 96)))}
        spellCheck={false}
      />
    </div>
  );
}

import { FileUp, X } from 'lucide-react';
import { useId, useRef, useState, type DragEvent } from 'react';
import { Button } from '@/components/ui/button';
import { TextArea } from '@/components/ui/field';
import { MAX_INPUT_BYTES } from '@/contract';
import { formatBytes } from '@/lib/format';
import {
  decodeInput,
  switchMode,
  type InputLimit,
  type InputMode,
  type InputValue,
} from '../lib/input';
import { Segmented, type SegmentOption } from '@/components/ui/segmented';
import styles from './crypto-ui.module.css';

const MODES: SegmentOption<InputMode>[] = [
  { value: 'text', label: 'Text (UTF-8)' },
  { value: 'base64', label: 'Base64' },
  { value: 'file', label: 'File' },
];

/** Reads a dropped or picked file; one over the absolute limit is never read, only measured. */
async function readFile(file: File): Promise<InputValue['file']> {
  if (file.size > MAX_INPUT_BYTES) return { name: file.name, size: file.size, bytes: null };
  return { name: file.name, size: file.size, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/**
 * Crypto input as UTF-8 text, base64 or a file, with its decoded size shown against the limit.
 * The size is checked here, before anything is sent.
 */
export function DataInput({
  label,
  value,
  onChange,
  limit,
  isDisabled = false,
  placeholder,
}: {
  label: string;
  value: InputValue;
  onChange: (value: InputValue) => void;
  limit: InputLimit;
  isDisabled?: boolean;
  placeholder?: string;
}) {
  const id = useId();
  const sizeId = `${id}-size`;
  const fileInput = useRef<HTMLInputElement>(null);
  const [isDragging, setIsDragging] = useState(false);
  const decoded = decodeInput(value);
  const isOver =
    limit.exact !== null
      ? decoded.size > 0 && decoded.size !== limit.exact
      : decoded.size > limit.max;

  const takeFile = async (file: File | undefined) => {
    if (!file) return;
    onChange({ ...value, mode: 'file', file: await readFile(file) });
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setIsDragging(false);
    if (isDisabled) return;
    void takeFile(e.dataTransfer.files[0]);
  };

  return (
    <fieldset className={styles.inputGroup} disabled={isDisabled} aria-label={`${label} input`}>
      <div className={styles.inputHead}>
        {value.mode === 'file' ? (
          <span className={styles.legend}>{label}</span>
        ) : (
          <label className={styles.legend} htmlFor={`${id}-area`}>
            {label}
          </label>
        )}
        <Segmented
          label={`${label} format`}
          value={value.mode}
          options={MODES}
          onChange={(mode) => onChange(switchMode(value, mode))}
          isDisabled={isDisabled}
        />
      </div>
      {value.mode === 'text' ? (
        <TextArea
          id={`${id}-area`}
          aria-describedby={sizeId}
          aria-invalid={isOver}
          value={value.text}
          onChange={(e) => onChange({ ...value, text: e.target.value })}
          placeholder={placeholder ?? 'Type or paste text'}
          spellCheck={false}
          autoComplete="off"
          rows={4}
        />
      ) : null}
      {value.mode === 'base64' ? (
        <TextArea
          id={`${id}-area`}
          aria-describedby={sizeId}
          aria-invalid={isOver || decoded.formatError !== null}
          value={value.base64}
          onChange={(e) => onChange({ ...value, base64: e.target.value })}
          placeholder="Paste standard base64, e.g. SGVsbG8="
          spellCheck={false}
          autoComplete="off"
          rows={4}
          isMono
        />
      ) : null}
      {value.mode === 'file' ? (
        <div
          className={`${styles.dropZone} ${isDragging ? styles.dragging : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            if (!isDisabled) setIsDragging(true);
          }}
          onDragLeave={() => setIsDragging(false)}
          onDrop={onDrop}
        >
          <input
            ref={fileInput}
            type="file"
            className="visually-hidden"
            aria-label={`${label} file`}
            tabIndex={-1}
            onChange={(e) => {
              void takeFile(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
          {value.file ? (
            <div className={styles.fileRow}>
              <FileUp size={16} aria-hidden />
              <span className={styles.fileName}>{value.file.name}</span>
              <span className={styles.muted}>{formatBytes(value.file.size)}</span>
              <Button
                size="small"
                variant="ghost"
                isIconOnly
                aria-label={`Remove ${value.file.name}`}
                onClick={() => onChange({ ...value, file: null })}
              >
                <X size={14} aria-hidden />
              </Button>
            </div>
          ) : (
            <p className={styles.muted}>Drop a file here, or</p>
          )}
          <Button size="small" onClick={() => fileInput.current?.click()}>
            {value.file ? 'Choose another file' : 'Choose a file'}
          </Button>
        </div>
      ) : null}
      <div id={sizeId} className={styles.sizeLine} data-over={isOver || undefined}>
        <SizeMeter size={decoded.size} max={limit.max} isOver={isOver} />
        <span>
          {decoded.formatError ? (
            <span className={styles.problem}>{decoded.formatError}</span>
          ) : (
            <>
              <strong>{decoded.size.toLocaleString('en')}</strong>
              {limit.exact !== null
                ? ` of exactly ${limit.exact} bytes`
                : ` / ${limit.max.toLocaleString('en')} bytes`}{' '}
              <span className={styles.muted}>· {limit.description}</span>
            </>
          )}
        </span>
      </div>
    </fieldset>
  );
}

function SizeMeter({ size, max, isOver }: { size: number; max: number; isOver: boolean }) {
  const ratio = Math.min(1, max > 0 ? size / max : 0);
  return (
    <span className={styles.meter} aria-hidden>
      <span
        className={`${styles.meterFill} ${isOver ? styles.meterOver : ''}`}
        style={{ width: `${Math.max(ratio * 100, size > 0 ? 2 : 0)}%` }}
      />
    </span>
  );
}

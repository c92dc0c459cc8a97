import { Field, Select } from '@/components/ui/field';
import type { Key } from '@/contract';
import { formatRelative } from '@/lib/format';
import { usableVersions } from '../lib/operations';

/**
 * Key version to use: "Latest" (no keyVersion sent) by default, or one of the versions the KMS
 * still accepts (>= minDecryptionVersion).
 */
export function VersionSelect({
  cryptoKey,
  value,
  onChange,
}: {
  cryptoKey: Key;
  /** '' = latest. */
  value: string;
  onChange: (value: string) => void;
}) {
  const versions = usableVersions(cryptoKey);
  const created = new Map(cryptoKey.versions.map((v) => [v.version, v.createdAt]));
  return (
    <Field
      label="Key version"
      hint={
        cryptoKey.minDecryptionVersion > 1
          ? `Versions below ${cryptoKey.minDecryptionVersion} are retired and not offered.`
          : undefined
      }
    >
      <Select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Latest (v{cryptoKey.latestVersion})</option>
        {versions.map((v) => {
          const at = created.get(v);
          return (
            <option key={v} value={String(v)}>
              v{v}
              {at ? ` · created ${formatRelative(at)}` : ''}
            </option>
          );
        })}
      </Select>
    </Field>
  );
}

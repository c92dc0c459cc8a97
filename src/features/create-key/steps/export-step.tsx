import { ShieldAlert, ShieldCheck } from 'lucide-react';
import { useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { Notice } from '@/components/ui/notice';
import { ImmutableBadge } from '../components/immutable-badge';
import { ToggleRow } from '../components/toggle-row';
import type { CreateKeyFormValues } from '../form/form-schema';
import { ExportGate } from './export-gate';
import styles from './steps.module.css';

/**
 * exportAllowed: off by default; turning it on passes a warning gate that asks for `phrase`;
 * onAllow records that consent (see useExportConsent).
 */
export function ExportStep({ phrase, onAllow }: { phrase: string; onAllow: () => void }) {
  const { control, setValue } = useFormContext<CreateKeyFormValues>();
  const isAllowed = useWatch({ control, name: 'exportAllowed' });
  const [isGateOpen, setIsGateOpen] = useState(false);

  return (
    <div className={styles.stack}>
      <ToggleRow
        label="Allow export of key material"
        badge={<ImmutableBadge label="Can never be changed after creation" />}
        tone="danger"
        description="When allowed, anyone with export permission can download this key's raw material. Leave off unless a regulation or a migration requires it."
        checked={isAllowed}
        onCheckedChange={(checked) => {
          if (checked) setIsGateOpen(true);
          else setValue('exportAllowed', false, { shouldDirty: true });
        }}
      />
      {isAllowed ? (
        <Notice tone="danger" icon={<ShieldAlert size={18} aria-hidden />}>
          <strong>Export will be allowed for this key, permanently.</strong> Its raw material can be
          exported with the export operation, and this can never be turned off. Turn the switch off
          now if that is not what you need.
        </Notice>
      ) : (
        <Notice tone="success" icon={<ShieldCheck size={18} aria-hidden />}>
          <strong>Export not allowed.</strong> The key material never leaves Thalassa KMS. This is
          the recommended setting; note that it cannot be turned on later either.
        </Notice>
      )}
      <ExportGate
        open={isGateOpen}
        phrase={phrase}
        onOpenChange={setIsGateOpen}
        onConfirm={() => {
          onAllow();
          setIsGateOpen(false);
        }}
      />
    </div>
  );
}

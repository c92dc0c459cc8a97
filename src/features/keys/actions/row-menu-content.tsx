import { useNavigate } from '@tanstack/react-router';
import {
  Copy,
  FlaskConical,
  Power,
  PowerOff,
  RotateCw,
  Terminal,
  Trash2,
  Undo2,
} from 'lucide-react';
import type { ReactNode } from 'react';
import { MenuContent, MenuItem, MenuSeparator } from '@/components/ui/dropdown-menu';
import { useToast } from '@/components/ui/toast';
import type { Key } from '@/contract';
import { useConnection } from '@/features/connection';
import { curlSnippets } from '../detail/api-snippets';
import { rowActions, type KeyActionId } from './key-action-table';
import styles from './actions.module.css';

const ICONS: Record<KeyActionId, ReactNode> = {
  rotate: <RotateCw size={15} aria-hidden />,
  disable: <PowerOff size={15} aria-hidden />,
  enable: <Power size={15} aria-hidden />,
  delete: <Trash2 size={15} aria-hidden />,
  'cancel-deletion': <Undo2 size={15} aria-hidden />,
};

export interface RowMenuContentProps {
  kmsKey: Key;
  region: string;
  onAction: (action: KeyActionId) => void;
}

/** What an open row menu shows (loaded with the first menu a user points at or opens). */
export function RowMenuContent({ kmsKey, region, onAction }: RowMenuContentProps) {
  const toast = useToast();
  const connection = useConnection();
  const navigate = useNavigate();
  const copy = (what: string, value: string) => {
    const done = () => toast({ tone: 'success', title: `Copied the ${what} of ${kmsKey.name}` });
    const failed = () =>
      toast({ tone: 'danger', title: `Could not copy the ${what}: the browser refused.` });
    if (!navigator.clipboard) failed();
    else void navigator.clipboard.writeText(value).then(done, failed);
  };
  const curl = () => {
    const baseUrl = (connection?.baseUrl || window.location.origin).replace(/\/+$/, '');
    const read = curlSnippets({ baseUrl, region, key: kmsKey }).find((s) => s.id === 'get');
    return read?.code ?? '';
  };
  return (
    <MenuContent align="end">
      {rowActions(kmsKey).map((action) => {
        const reason = action.allowed(kmsKey);
        return (
          <MenuItem
            key={action.id}
            icon={ICONS[action.id]}
            disabled={reason !== null}
            className={action.tone === 'danger' ? styles.dangerItem : undefined}
            onSelect={() => onAction(action.id)}
          >
            {action.label}
            {reason ? <span className={styles.itemReason}>{reason}</span> : null}
          </MenuItem>
        );
      })}
      <MenuSeparator />
      <MenuItem
        icon={<Copy size={15} aria-hidden />}
        onSelect={() => copy('identity', kmsKey.identity)}
      >
        Copy identity
      </MenuItem>
      <MenuItem icon={<Copy size={15} aria-hidden />} onSelect={() => copy('slug', kmsKey.slug)}>
        Copy slug
      </MenuItem>
      <MenuItem
        icon={<Terminal size={15} aria-hidden />}
        onSelect={() => copy('curl command', curl())}
        hint="GET"
      >
        Copy curl command
      </MenuItem>
      <MenuSeparator />
      <MenuItem
        icon={<FlaskConical size={15} aria-hidden />}
        onSelect={() =>
          void navigate({
            to: '/regions/$region/keys/$keyId/$tab',
            params: { region, keyId: kmsKey.identity, tab: 'crypto' },
          })
        }
      >
        Open crypto tools
      </MenuItem>
    </MenuContent>
  );
}

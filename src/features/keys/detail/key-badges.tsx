import { Building2, FolderKanban } from 'lucide-react';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { Key } from '@/contract';
import { statusTitle } from './key-rules';

const STATUS_TONE: Record<Key['status'], BadgeTone> = {
  active: 'success',
  disabled: 'warning',
  pending_deletion: 'danger',
};

export function StatusBadge({ status }: { status: Key['status'] }) {
  return (
    <Badge tone={STATUS_TONE[status]} hasDot>
      {statusTitle(status)}
    </Badge>
  );
}

/** Organisation- or project-scoped (projectId present exactly when project-scoped). */
export function ScopeBadge({ kmsKey }: { kmsKey: Key }) {
  return kmsKey.projectId ? (
    <Badge tone="info" title={`Belongs to project ${kmsKey.projectId}`}>
      <FolderKanban size={12} aria-hidden /> Project: {kmsKey.projectId}
    </Badge>
  ) : (
    <Badge tone="outline" title="Belongs to the organisation, not to a project">
      <Building2 size={12} aria-hidden /> Organisation
    </Badge>
  );
}

import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Select, TextInput } from '@/components/ui/field';
import { RadioGroup, RadioOption } from '@/components/ui/radio-group';
import { recentProjects, rememberProject } from '@/features/connection';
import { useSummary } from '@/features/regions';
import { useApiClient } from '@/lib/api-context';
import { ImmutableBadge } from '../components/immutable-badge';
import { PROJECT_INPUT_ID } from '../form/steps';
import styles from './steps.module.css';

/**
 * Why the scope shown (the Project radio and its typed project) is not yet the scope the key
 * would be created in, or null when they agree. Next is blocked while this is not null.
 */
export function pendingScopeMessage(
  scope: 'organisation' | 'project',
  typed: string,
  current: string | undefined,
): string | null {
  if (scope === 'organisation') return null;
  const where = current ? `project ${current}` : 'organisation scope';
  if (!typed) return `Type a project and press Use project, or choose Organisation.`;
  if (typed === current) return null;
  return `Press Use project to create the key in project ${typed}; until then it would be created in ${where}.`;
}

export interface LocationFieldsProps {
  region: string;
  onRegionChange: (region: string) => void;
  onProjectChange: (project: string | undefined) => void;
  /** Reports `pendingScopeMessage` as it changes (null again when the fields go away). */
  onPendingScopeChange: (message: string | null) => void;
  /** Shown under the project field once Next was refused. */
  scopeError: string | undefined;
}

/** Region and scope of the new key: shown, and changeable before creation (never after). */
export function LocationFields({
  region,
  onRegionChange,
  onProjectChange,
  onPendingScopeChange,
  scopeError,
}: LocationFieldsProps) {
  const client = useApiClient();
  const summary = useSummary();
  const regions = summary.data?.regions ?? [];
  const hasCurrent = regions.some((r) => r.slug === region || r.identity === region);
  const [scope, setScope] = useState<'organisation' | 'project'>(
    client.project ? 'project' : 'organisation',
  );
  const [project, setProject] = useState(client.project ?? '');
  const trimmed = project.trim();
  const [recent] = useState(() => recentProjects(client.organisation));
  const pending = pendingScopeMessage(scope, trimmed, client.project);
  useEffect(() => onPendingScopeChange(pending), [pending, onPendingScopeChange]);
  useEffect(() => () => onPendingScopeChange(null), [onPendingScopeChange]);
  const applyProject = (value: string) => {
    rememberProject(client.organisation, value);
    onProjectChange(value);
  };

  return (
    <div className={styles.location}>
      <div className={styles.locationHead}>
        <h3 className={styles.subheading}>Where the key lives</h3>
        <ImmutableBadge label="A key never moves between regions or scopes" />
      </div>
      <div className={styles.locationGrid}>
        <Field label="Region">
          <Select value={region} onChange={(e) => onRegionChange(e.target.value)}>
            {!hasCurrent ? <option value={region}>{region}</option> : null}
            {regions.map((r) => (
              <option key={r.identity} value={r.slug} disabled={!r.kmsAvailable}>
                {r.name} ({r.slug}){r.kmsAvailable ? '' : ': KMS unavailable'}
              </option>
            ))}
          </Select>
        </Field>
        <div className={styles.scopeField}>
          <span className={styles.scopeLabel} id="scope-label">
            Scope
          </span>
          <RadioGroup
            isInline
            value={scope}
            aria-labelledby="scope-label"
            onValueChange={(value) => {
              if (value === 'organisation') {
                setScope('organisation');
                if (client.project) onProjectChange(undefined);
              } else setScope('project');
            }}
          >
            <RadioOption value="organisation">
              Organisation <code>{client.organisation}</code>
            </RadioOption>
            <RadioOption value="project">Project</RadioOption>
          </RadioGroup>
          {scope === 'project' ? (
            <div className={styles.projectRow}>
              <TextInput
                id={PROJECT_INPUT_ID}
                aria-invalid={scopeError ? true : undefined}
                aria-describedby={scopeError ? `${PROJECT_INPUT_ID}-error` : undefined}
                onKeyDown={(e) => {
                  if (e.key !== 'Enter') return;
                  e.preventDefault();
                  if (trimmed) applyProject(trimmed);
                }}
                aria-label="Project identity"
                list="create-key-recent-projects"
                value={project}
                onChange={(e) => setProject(e.target.value)}
                placeholder="project identity or slug, e.g. proj-web"
                autoComplete="off"
                spellCheck={false}
                isMono
              />
              <datalist id="create-key-recent-projects">
                {recent.map((p) => (
                  <option key={p} value={p} />
                ))}
              </datalist>
              <Button
                size="small"
                disabled={!trimmed || trimmed === client.project}
                onClick={() => applyProject(trimmed)}
              >
                Use project
              </Button>
            </div>
          ) : null}
          {scopeError ? (
            <span id={`${PROJECT_INPUT_ID}-error`} role="alert" className={styles.fieldError}>
              {scopeError}
            </span>
          ) : null}
          <span className={styles.scopeNow} aria-live="polite">
            Creating in{' '}
            {client.project ? (
              <>
                project <strong>{client.project}</strong>
              </>
            ) : (
              <strong>organisation scope</strong>
            )}
            , region <strong>{region}</strong>.
          </span>
        </div>
      </div>
    </div>
  );
}

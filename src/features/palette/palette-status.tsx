import { describeError } from '@/components/errors/describe-error';
import { pluralize } from '@/lib/format';
import { scopeLabel } from './palette-search';
import type { SourceState } from './use-key-sources';
import styles from './palette.module.css';

/**
 * One polite line under the field: what is searched, what is still loading, which lists could
 * not be read (with the reason), or that nothing matched.
 */
export function PaletteStatus({
  query,
  states,
  isEmpty,
}: {
  query: string;
  states: readonly SourceState[];
  isEmpty: boolean;
}) {
  const pending = states.filter((s) => s.status === 'pending').length;
  const failed = states.filter((s) => s.status === 'error');
  const scopes = [...new Set(states.map((s) => scopeLabel(s.project)))];
  const regions = new Set(states.map((s) => s.region)).size;
  const text = query.trim()
    ? isEmpty
      ? `Nothing matches “${query.trim()}”.`
      : ''
    : `Keys are searched in ${pluralize(regions, 'region')}: ${scopes.join(', ')}.`;
  return (
    <div className={styles.status} role="status">
      {text ? <span>{text}</span> : null}
      {pending ? (
        <span>
          Searching… {states.length - pending} of {pluralize(states.length, 'list')} answered.
        </span>
      ) : null}
      {failed.map((s) => (
        <span key={s.id} className={styles.statusError}>
          Not searched: {s.region} in {scopeLabel(s.project)} ({describeError(s.error).title}).
        </span>
      ))}
    </div>
  );
}

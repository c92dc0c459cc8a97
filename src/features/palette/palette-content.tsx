import { useNavigate } from '@tanstack/react-router';
import { Search } from 'lucide-react';
import { useDeferredValue, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { filterCommands } from './palette-commands';
import { moveActive, paletteSections, type PaletteOption } from './palette-options';
import { PaletteResults } from './palette-results';
import { searchKeys } from './palette-search';
import { PaletteStatus } from './palette-status';
import { useKeySources } from './use-key-sources';
import { usePaletteCommands } from './use-palette-commands';
import styles from './palette.module.css';

const PAGE = 5;

/**
 * The palette's search field and results (a combobox over a listbox: focus stays in the field,
 * `aria-activedescendant` names the active option, arrows move, Enter chooses). The search runs
 * on a deferred copy of the text, so typing never waits for it; lists are searched from the cache
 * first and the results fill in as each region answers.
 */
export function PaletteContent({
  onClose,
  onSignOut,
}: {
  onClose: () => void;
  onSignOut: () => void;
}) {
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const { regions, sources, states } = useKeySources(true);
  const commands = usePaletteCommands({ regions, onSignOut, close: onClose });
  const sections = useMemo(
    () =>
      paletteSections(searchKeys(sources, deferred), filterCommands(commands, deferred), deferred),
    [sources, commands, deferred],
  );
  const options = useMemo(() => sections.flatMap((s) => s.options), [sections]);
  // The active option is remembered by id for the text it was chosen under: results that fill
  // in keep it; new text starts again at the first option.
  const [active, setActive] = useState<{ query: string; id: string | null }>({
    query: '',
    id: null,
  });
  const found = active.query === deferred ? options.findIndex((o) => o.id === active.id) : -1;
  const activeIndex = options.length ? Math.max(0, found) : -1;
  const activeOption = options[activeIndex];
  const listboxId = useId();
  const optionDomId = (option: PaletteOption) => `${listboxId}-${option.id}`;

  const choose = (option: PaletteOption) => {
    if (option.kind === 'command') {
      option.command.run();
      return;
    }
    onClose();
    const { region, project } = option.group;
    if (option.kind === 'key') {
      void navigate({
        to: '/regions/$region/keys/$keyId',
        params: { region, keyId: option.key.identity },
        search: { project },
      });
    } else {
      void navigate({
        to: '/regions/$region/keys',
        params: { region },
        search: { project, q: option.query },
      });
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const delta =
      e.key === 'ArrowDown'
        ? 1
        : e.key === 'ArrowUp'
          ? -1
          : e.key === 'PageDown'
            ? PAGE
            : e.key === 'PageUp'
              ? -PAGE
              : 0;
    if (delta) {
      e.preventDefault();
      const next = options[moveActive(activeIndex, delta, options.length)];
      if (next) {
        setActive({ query: deferred, id: next.id });
        document.getElementById(optionDomId(next))?.scrollIntoView?.({ block: 'nearest' });
      }
    } else if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
      // Enter acts on the text as typed: when the shown results still lag behind it, search
      // once now (new text starts at the first option) instead of choosing a stale result.
      const option =
        deferred === query
          ? activeOption
          : paletteSections(
              searchKeys(sources, query),
              filterCommands(commands, query),
              query,
            ).flatMap((section) => section.options)[0];
      if (!option) return;
      e.preventDefault();
      choose(option);
    }
  };

  return (
    <>
      <div className={styles.field}>
        <Search size={16} aria-hidden className={styles.fieldIcon} />
        <input
          className={styles.input}
          role="combobox"
          aria-label="Search keys and commands"
          aria-expanded={options.length > 0}
          aria-controls={listboxId}
          aria-autocomplete="list"
          aria-activedescendant={activeOption ? optionDomId(activeOption) : undefined}
          placeholder="Key name, slug, identity or label (env=prod), or a command"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onKeyDown}
          autoComplete="off"
          spellCheck={false}
          // It loads after the dialog opened (lazily), so the dialog's own autofocus missed it.
          autoFocus
        />
        <kbd className={styles.kbd}>Esc</kbd>
      </div>
      <PaletteStatus query={deferred} states={states} isEmpty={options.length === 0} />
      <PaletteResults
        id={listboxId}
        sections={sections}
        activeId={activeOption?.id ?? null}
        optionDomId={optionDomId}
        onHover={(option) => setActive({ query: deferred, id: option.id })}
        onChoose={choose}
      />
    </>
  );
}

import {
  CalendarClock,
  FolderKanban,
  Globe2,
  KeyRound,
  LayoutGrid,
  ListPlus,
  LogOut,
  MoreHorizontal,
  Palette,
  ScrollText,
} from 'lucide-react';
import type { ReactNode } from 'react';
import { statusTitle } from '@/features/keys';
import type { CommandIcon } from './palette-commands';
import type { PaletteOption, PaletteSection } from './palette-options';
import styles from './palette.module.css';

const ICONS: Record<CommandIcon, ReactNode> = {
  create: <ListPlus size={15} aria-hidden />,
  region: <Globe2 size={15} aria-hidden />,
  regions: <LayoutGrid size={15} aria-hidden />,
  audit: <ScrollText size={15} aria-hidden />,
  calendar: <CalendarClock size={15} aria-hidden />,
  theme: <Palette size={15} aria-hidden />,
  'sign-out': <LogOut size={15} aria-hidden />,
};

/** The listbox: sections with a visible heading, options chosen by click or by the field. */
export function PaletteResults({
  id,
  sections,
  activeId,
  optionDomId,
  onHover,
  onChoose,
}: {
  id: string;
  sections: readonly PaletteSection[];
  activeId: string | null;
  optionDomId: (option: PaletteOption) => string;
  onHover: (option: PaletteOption) => void;
  onChoose: (option: PaletteOption) => void;
}) {
  return (
    <div id={id} role="listbox" aria-label="Results" className={styles.listbox}>
      {sections.map((section) => (
        <div
          key={section.id}
          role="group"
          aria-labelledby={`${id}-${section.id}`}
          className={styles.section}
        >
          <div
            id={`${id}-${section.id}`}
            role="presentation"
            className={`small-caps ${styles.sectionLabel}`}
          >
            {section.label}
          </div>
          {section.options.map((option) => (
            <div
              key={option.id}
              id={optionDomId(option)}
              role="option"
              aria-selected={option.id === activeId}
              className={styles.option}
              // Keep focus in the field: the click chooses, the field keeps the keyboard.
              onMouseDown={(e) => e.preventDefault()}
              onMouseMove={() => {
                if (option.id !== activeId) onHover(option);
              }}
              onClick={() => onChoose(option)}
            >
              <OptionBody option={option} />
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}

function OptionBody({ option }: { option: PaletteOption }) {
  if (option.kind === 'command') {
    const { command } = option;
    return (
      <>
        <span className={styles.optionIcon}>{ICONS[command.icon]}</span>
        <span className={styles.optionText}>{command.label}</span>
        {command.hint ? <span className={`${styles.optionHint} mono`}>{command.hint}</span> : null}
      </>
    );
  }
  if (option.kind === 'more') {
    const more = option.group.total - option.group.hits.length;
    return (
      <>
        <span className={styles.optionIcon}>
          <MoreHorizontal size={15} aria-hidden />
        </span>
        <span className={styles.optionText}>
          {more.toLocaleString('en')} more: show all {option.group.total.toLocaleString('en')} in
          the key list
        </span>
      </>
    );
  }
  const { key } = option;
  const labels = Object.entries(key.labels ?? {}).map(([k, v]) => `${k}=${v}`);
  return (
    <>
      <span className={styles.optionIcon}>
        {option.group.project ? (
          <FolderKanban size={15} aria-hidden />
        ) : (
          <KeyRound size={15} aria-hidden />
        )}
      </span>
      <span className={styles.optionText}>
        <span className={styles.keyName}>{key.name}</span>{' '}
        <span className={`${styles.keyMeta} mono`}>{key.slug}</span>
        {labels.length ? (
          <span className={`${styles.keyLabels} mono`}> {labels.slice(0, 3).join(' ')}</span>
        ) : null}
      </span>
      {key.status !== 'active' ? (
        <span className={styles.optionHint}>{statusTitle(key.status)}</span>
      ) : null}
      <span className={`${styles.optionHint} ${styles.identity} mono`}>{key.identity}</span>
    </>
  );
}

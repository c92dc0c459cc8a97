import { Check } from 'lucide-react';
import type { CreateKeyStep } from '../create-key-search';
import type { StepDefinition } from '../form/steps';
import styles from './stepper.module.css';

/** The step list: done steps can be revisited, later ones only through Next. */
export function Stepper({
  steps,
  currentIndex,
  reachedIndex,
  isLocked,
  onSelect,
}: {
  steps: readonly StepDefinition[];
  currentIndex: number;
  reachedIndex: number;
  isLocked: boolean;
  onSelect: (step: CreateKeyStep) => void;
}) {
  return (
    <nav aria-label="Wizard steps" className={styles.nav}>
      <ol className={styles.list}>
        {steps.map((step, i) => {
          const state =
            i === currentIndex ? 'current' : i < currentIndex || i < reachedIndex ? 'done' : 'todo';
          const canGo = !isLocked && i !== currentIndex && i <= reachedIndex;
          const content = (
            <>
              <span className={styles.marker} aria-hidden>
                {state === 'done' ? <Check size={13} /> : i + 1}
              </span>
              <span className={styles.text}>
                <span className={styles.title}>{step.title}</span>
                <span className={styles.summary}>{step.summary}</span>
              </span>
            </>
          );
          return (
            <li key={step.id} className={`${styles.item} ${styles[state]}`}>
              {canGo ? (
                <button type="button" className={styles.link} onClick={() => onSelect(step.id)}>
                  {content}
                </button>
              ) : (
                <span
                  className={styles.link}
                  aria-current={i === currentIndex ? 'step' : undefined}
                >
                  {content}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

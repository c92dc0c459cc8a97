import { Download } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { InlineError } from '@/components/errors/error-panel';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { useApiClient } from '@/lib/api-context';
import { downloadText } from '@/lib/download';
import { pluralize } from '@/lib/format';
import { EXPORT_CAP, fetchForExport, type ExportProgress } from './api';
import type { AuditFilterQuery } from './audit-query';
import { exportFileName, toCsv, toJson } from './export-format';
import styles from './audit.module.css';

type Format = 'csv' | 'json';
type State =
  | { step: 'choose' }
  | { step: 'running'; progress: ExportProgress | null }
  | { step: 'done'; file: string; count: number; totalInView: number }
  | { step: 'failed'; error: unknown };

/**
 * Export of the view as shown (same filters, same snapshot), built in the browser page by page
 * with a cap, a progress bar and Cancel. Records hold no secret; nothing is kept after download.
 */
export function ExportButton({
  filters,
  at,
  total,
}: {
  filters: AuditFilterQuery;
  at: string;
  /** Events in the view, as the last page said. */
  total: number;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)} disabled={total === 0}>
        <Download size={14} aria-hidden /> Export
      </Button>
      {open ? (
        <ExportDialog filters={filters} at={at} total={total} onClose={() => setOpen(false)} />
      ) : null}
    </>
  );
}

function ExportDialog({
  filters,
  at,
  total,
  onClose,
}: {
  filters: AuditFilterQuery;
  at: string;
  total: number;
  onClose: () => void;
}) {
  const client = useApiClient();
  const [format, setFormat] = useState<Format>('csv');
  const [state, setState] = useState<State>({ step: 'choose' });
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const start = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setState({ step: 'running', progress: null });
    try {
      const { items, totalInView } = await fetchForExport(
        client,
        filters,
        (progress) => setState({ step: 'running', progress }),
        controller.signal,
      );
      const file = exportFileName(at, format);
      const query = Object.fromEntries(
        Object.entries(filters).filter((e): e is [string, string] => typeof e[1] === 'string'),
      );
      const text =
        format === 'csv'
          ? toCsv(items)
          : toJson(items, { exportedAt: new Date().toISOString(), query, totalInView });
      downloadText(file, text, format === 'csv' ? 'text/csv' : 'application/json');
      setState({ step: 'done', file, count: items.length, totalInView });
    } catch (error) {
      if (controller.signal.aborted) setState({ step: 'choose' });
      else setState({ step: 'failed', error });
    }
  };
  const cancel = () => abort.current?.abort();

  const isCapped = total > EXPORT_CAP;
  const footer =
    state.step === 'running' ? (
      <Button variant="secondary" onClick={cancel}>
        Cancel export
      </Button>
    ) : state.step === 'done' ? (
      <Button variant="primary" onClick={onClose}>
        Close
      </Button>
    ) : (
      <>
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
        <Button variant="primary" onClick={() => void start()}>
          <Download size={14} aria-hidden /> Download {format.toUpperCase()}
        </Button>
      </>
    );

  return (
    <Dialog
      open
      onOpenChange={(o) => {
        if (!o) {
          cancel();
          onClose();
        }
      }}
      title="Export events"
      description="The events of this view, newest first, as shown: same filters, same snapshot."
      footer={footer}
    >
      <div className={styles.stack}>
        {state.step === 'choose' || state.step === 'failed' ? (
          <>
            <fieldset className={styles.formatChoice}>
              <legend>Format</legend>
              {(['csv', 'json'] as const).map((f) => (
                <label key={f}>
                  <input
                    type="radio"
                    name="export-format"
                    value={f}
                    checked={format === f}
                    onChange={() => setFormat(f)}
                  />
                  {f === 'csv' ? 'CSV (spreadsheets)' : 'JSON (the API records)'}
                </label>
              ))}
            </fieldset>
            <p className={styles.muted}>
              {isCapped
                ? `The view holds ${pluralize(total, 'event')}; the export holds the newest ${EXPORT_CAP.toLocaleString('en')}. Narrow the filters or the time range for older events.`
                : `${pluralize(total, 'event')} will be fetched in pages of 500 and saved as one file.`}
            </p>
            {state.step === 'failed' ? <InlineError error={state.error} /> : null}
          </>
        ) : state.step === 'running' ? (
          <ExportRunning progress={state.progress} />
        ) : (
          <p role="status">
            Saved <strong className="mono">{state.file}</strong>: {pluralize(state.count, 'event')}
            {state.totalInView > state.count
              ? ` (the newest of ${state.totalInView.toLocaleString('en')})`
              : ''}
            .
          </p>
        )}
      </div>
    </Dialog>
  );
}

function ExportRunning({ progress }: { progress: ExportProgress | null }) {
  const label = progress
    ? `Fetched ${progress.fetched.toLocaleString('en')} of ${progress.target.toLocaleString('en')} events`
    : 'Starting…';
  return (
    <div className={styles.stack}>
      <progress
        className={styles.progress}
        aria-label="Export progress"
        max={progress?.target || 1}
        value={progress?.fetched ?? 0}
      />
      <p role="status" className={styles.muted}>
        {label}
      </p>
    </div>
  );
}

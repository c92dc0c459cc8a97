import type { BrowserVerdict } from '../lib/browser-verify';
import { Verdict } from './verdict';
import styles from './crypto-ui.module.css';

/**
 * The KMS verdict, and beside it the browser's own check where there is one. Always rendered,
 * so the live region exists before a result arrives and screen readers announce it.
 */
export function VerifyResults({
  what,
  kms,
  browser,
}: {
  what: 'signature' | 'HMAC';
  kms: boolean | 'pending' | null;
  /** undefined: no browser check for this operation. */
  browser?: BrowserVerdict | 'pending' | null;
}) {
  const hasResult = kms !== null;
  const disagree =
    typeof kms === 'boolean' &&
    browser &&
    browser !== 'pending' &&
    (browser.status === 'valid' || browser.status === 'invalid') &&
    (browser.status === 'valid') !== kms;
  return (
    <div role="status" aria-live="polite" className={hasResult ? styles.results : undefined}>
      {kms === 'pending' ? <Verdict source="KMS" tone="pending" title="Checking…" /> : null}
      {kms === true ? (
        <Verdict source="KMS" tone="valid" title={`Valid ${what}`}>
          The {what} matches this message and key.
        </Verdict>
      ) : null}
      {kms === false ? (
        <Verdict source="KMS" tone="invalid" title={`Not valid: the ${what} does not match`}>
          The message, the {what} or the settings differ from what was{' '}
          {what === 'HMAC' ? 'computed' : 'signed'}.
        </Verdict>
      ) : null}
      {hasResult && browser !== undefined ? <BrowserResult verdict={browser} what={what} /> : null}
      {disagree ? (
        <p className={styles.disagree}>
          The KMS and the browser disagree. Check the hash algorithm and the input format.
        </p>
      ) : null}
    </div>
  );
}

function BrowserResult({
  verdict,
  what,
}: {
  verdict: BrowserVerdict | 'pending' | null;
  what: string;
}) {
  const source = 'Browser check (WebCrypto)';
  if (verdict === null || verdict === 'pending') {
    return <Verdict source={source} tone="pending" title="Checking…" />;
  }
  switch (verdict.status) {
    case 'valid':
      return (
        <Verdict source={source} tone="valid" title={`Valid ${what}`}>
          Checked locally against the key&apos;s public key.
        </Verdict>
      );
    case 'invalid':
      return (
        <Verdict source={source} tone="invalid" title={`Not valid`}>
          {verdict.detail ?? 'The public key does not confirm this signature.'}
        </Verdict>
      );
    case 'unsupported':
      return (
        <Verdict source={source} tone="neutral" title="Not checked in this browser">
          {verdict.detail}
        </Verdict>
      );
    case 'error':
      return (
        <Verdict source={source} tone="warning" title="Could not check">
          {verdict.detail}
        </Verdict>
      );
  }
}

import { Card } from '@/components/ui/card';
import { CopyButton } from '@/components/ui/copy-button';
import type { Key } from '@/contract';
import { useConnection } from '@/features/connection';
import { useApiClient } from '@/lib/api-context';
import { curlSnippets, preambleSnippet, terraformSnippet, type Snippet } from './api-snippets';
import shared from './detail-shared.module.css';
import styles from './api-tab.module.css';

/** The equivalent API calls and Terraform for this key, with placeholders for secrets. */
export function ApiTab({ kmsKey, region }: { kmsKey: Key; region: string }) {
  const client = useApiClient();
  const connection = useConnection();
  const baseUrl = (connection?.baseUrl || window.location.origin).replace(/\/+$/, '');
  const ctx = { baseUrl, region, key: kmsKey };
  const snippets = curlSnippets(ctx);
  const terraform = terraformSnippet(ctx);
  const preamble = preambleSnippet(client.organisation);
  return (
    <div className={styles.apiLayout}>
      <nav className={styles.apiNav} aria-label="API examples">
        <a href="#api-setup">Setup</a>
        {snippets.map((s) => (
          <a key={s.id} href={`#api-${s.id}`}>
            {s.title}
          </a>
        ))}
        <a href="#api-terraform">Terraform</a>
      </nav>
      <div className={shared.stackLg}>
        <SnippetCard
          snippet={{
            id: 'setup',
            title: 'Setup',
            description:
              'The commands below read $TOKEN and $ORG_ID from your shell. The console never shows your token.',
            code: preamble,
          }}
        />
        {snippets.map((s) => (
          <SnippetCard key={s.id} snippet={s} />
        ))}
        <SnippetCard snippet={terraform} />
      </div>
    </div>
  );
}

function SnippetCard({ snippet }: { snippet: Snippet }) {
  return (
    <section
      id={`api-${snippet.id}`}
      className={styles.snippet}
      aria-labelledby={`api-${snippet.id}-title`}
    >
      <Card
        title={<span id={`api-${snippet.id}-title`}>{snippet.title}</span>}
        actions={<CopyButton value={snippet.code} label={`${snippet.title} command`} hasText />}
      >
        <p className={shared.muted}>{snippet.description}</p>
        <pre className={shared.codeBlock}>
          <code>{snippet.code}</code>
        </pre>
      </Card>
    </section>
  );
}

import { Download } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { downloadText } from '@/lib/download';
import { ed25519RawToPem } from './ed25519-pem';
import shared from './detail-shared.module.css';

/** The Ed25519 public key again, as PEM SubjectPublicKeyInfo, with its own copy and download. */
export function Ed25519PemBlock({
  rawBase64,
  filename,
  version,
}: {
  rawBase64: string;
  /** Without extension. */
  filename: string;
  version: string;
}) {
  const pem = ed25519RawToPem(rawBase64);
  if (!pem) return null;
  return (
    <div className={shared.stack}>
      <div className={shared.materialHead}>
        <span className="small-caps" id={`ed25519-pem-${version}`}>
          Same key as PEM (SubjectPublicKeyInfo), for OpenSSL and most libraries
        </span>
        <div className={shared.inlineActions}>
          <CopyButton value={pem} label={`PEM public key version ${version}`} hasText />
          <Button
            size="small"
            variant="secondary"
            onClick={() => downloadText(`${filename}.pem`, pem, 'application/x-pem-file')}
          >
            <Download size={14} aria-hidden /> Download .pem
          </Button>
        </div>
      </div>
      <pre className={shared.codeBlock} aria-labelledby={`ed25519-pem-${version}`}>
        {pem}
      </pre>
    </div>
  );
}

import { Download } from 'lucide-react';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import {
  base64DecodedLength,
  BYOK_HASH_FUNCTIONS,
  byokHashFunctionSchema,
  isBase64,
  type ByokHashFunction,
} from '@/contract';
import { InlineError } from '@/components/errors/error-panel';
import { Button } from '@/components/ui/button';
import { Field, TextArea } from '@/components/ui/field';
import { RadioGroup, RadioOption } from '@/components/ui/radio-group';
import { Skeleton } from '@/components/ui/skeleton';
import { useApiClient } from '@/lib/api-context';
import { downloadText } from '@/lib/download';
import { useWrappingKey } from '../api';
import { CodeBlock } from '../components/code-block';
import { ImmutableBadge } from '../components/immutable-badge';
import { byokWrapCommand, materialPreparation, opensslWrapCommands } from '../form/byok-commands';
import { normaliseBase64, type CreateKeyFormValues } from '../form/form-schema';
import styles from './steps.module.css';

const HASH_NOTES: Record<ByokHashFunction, string> = {
  sha256: 'default, recommended',
  sha1: 'legacy tools only',
  sha384: '',
  sha512: '',
};

export function MaterialStep({ region, apiUrl }: { region: string; apiUrl: string }) {
  const client = useApiClient();
  const wrapping = useWrappingKey(region);
  const { control, register, formState } = useFormContext<CreateKeyFormValues>();
  const [keyType, hashFunction, material] = useWatch({
    control,
    name: ['keyType', 'hashFunction', 'importKeyMaterial'],
  });
  const normalised = normaliseBase64(material);
  const decoded =
    normalised !== '' && isBase64(normalised) ? base64DecodedLength(normalised) : null;
  const { errors } = formState;

  return (
    <div className={styles.stack}>
      <p className={styles.muted}>
        Your key material is wrapped on your own machine and only the wrapped form is pasted here.
        The console never asks for, accepts or sees raw key material.
      </p>

      <section className={styles.section} aria-labelledby="wrapping-key-heading">
        <h3 id="wrapping-key-heading" className={styles.subheading}>
          1. The wrapping key of {region}
        </h3>
        {wrapping.isPending ? (
          <div aria-busy="true" className={styles.stackTight}>
            <span className="visually-hidden">Loading the wrapping key…</span>
            <Skeleton height={18} width={260} />
            <Skeleton height={120} />
          </div>
        ) : wrapping.isError ? (
          <div className={styles.stackTight}>
            <InlineError error={wrapping.error} />
            <div>
              <Button size="small" onClick={() => void wrapping.refetch()}>
                Try again
              </Button>
            </div>
          </div>
        ) : (
          <div className={styles.stackTight}>
            <p className={styles.muted}>
              Algorithm <code data-testid="wrapping-algorithm">{wrapping.data.algorithm}</code>: an
              RSA-4096 public key wraps a one-time AES-256 key (RSA-OAEP), which wraps your material
              (AES-KWP, RFC 5649).
            </p>
            <CodeBlock
              code={wrapping.data.publicKey}
              label={`wrapping key of ${region}`}
              maxHeight={180}
              actions={
                <Button
                  variant="ghost"
                  size="small"
                  isIconOnly
                  aria-label={`Download wrapping key of ${region}`}
                  title="Download wrapping-key.pem"
                  onClick={() =>
                    downloadText(
                      'wrapping-key.pem',
                      wrapping.data.publicKey,
                      'application/x-pem-file',
                    )
                  }
                >
                  <Download size={14} aria-hidden />
                </Button>
              }
            />
          </div>
        )}
      </section>

      <section className={styles.section} aria-labelledby="hash-heading">
        <h3 id="hash-heading" className={styles.subheading}>
          2. Hash function for RSA-OAEP (the one you wrap with)
        </h3>
        <Controller
          control={control}
          name="hashFunction"
          render={({ field }) => (
            <RadioGroup
              isInline
              value={field.value}
              aria-labelledby="hash-heading"
              onValueChange={(value) => {
                const parsed = byokHashFunctionSchema.safeParse(value);
                if (parsed.success) field.onChange(parsed.data);
              }}
            >
              {BYOK_HASH_FUNCTIONS.map((h) => (
                <RadioOption key={h} value={h}>
                  <code>{h}</code>
                  {HASH_NOTES[h] ? <span className={styles.optional}>{HASH_NOTES[h]}</span> : null}
                </RadioOption>
              ))}
            </RadioGroup>
          )}
        />
      </section>

      <section className={styles.section} aria-labelledby="wrap-heading">
        <h3 id="wrap-heading" className={styles.subheading}>
          3. Wrap the material off the platform
        </h3>
        {keyType !== '' ? (
          <>
            <p className={styles.muted}>Prepare the material ({keyType}):</p>
            <CodeBlock code={materialPreparation(keyType)} label="material preparation command" />
            <p className={styles.muted}>
              Then wrap it with this project&apos;s script (fetches the wrapping key for you)…
            </p>
            <CodeBlock
              code={byokWrapCommand({
                region,
                keyType,
                hashFunction,
                apiUrl,
                organisation: client.organisation,
                project: client.project,
              })}
              label="byok:wrap command"
            />
            <p className={styles.muted}>
              …or with OpenSSL 3 alone, using the wrapping key saved as{' '}
              <code>wrapping-key.pem</code>:
            </p>
            <CodeBlock
              code={opensslWrapCommands({ hashFunction })}
              label="OpenSSL wrapping commands"
            />
          </>
        ) : null}
      </section>

      <section className={styles.section} aria-labelledby="paste-heading">
        <h3 id="paste-heading" className={styles.subheading}>
          4. Paste the wrapped material
        </h3>
        <Field
          label={
            <>
              Wrapped key material (base64) <ImmutableBadge />
            </>
          }
          hint={
            decoded !== null
              ? `${decoded.toLocaleString('en')} bytes decoded. Paste the contents of wrapped.b64; line breaks are ignored.`
              : 'Paste the contents of wrapped.b64; line breaks are ignored. Never paste raw key material.'
          }
          error={errors.importKeyMaterial?.message}
        >
          <TextArea
            {...register('importKeyMaterial')}
            rows={5}
            isMono
            autoComplete="off"
            spellCheck={false}
            placeholder="base64 of RSA-OAEP(AES key) ‖ AES-KWP(material)"
          />
        </Field>
      </section>
    </div>
  );
}

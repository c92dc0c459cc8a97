import type { ComponentType } from 'react';
import { DataInput } from '../components/data-input';
import { HashOptions } from '../components/hash-options';
import { ThalassaField } from '../components/thalassa-field';
import { OptionsRow, ToolForm } from '../components/tool-parts';
import { VersionSelect } from '../components/version-select';
import type { ToolSpec } from './tool-spec';
import type { ToolProps } from './types';
import { useCryptoTool } from './use-crypto-tool';

/** Draws a tool from its spec: data, pasted string, details, options; then its output. */
export function CryptoTool<R>({ spec, ...props }: ToolProps & { spec: ToolSpec<R> }) {
  const { cryptoKey } = props;
  const { state, fields, view, set, submit, reset } = useCryptoTool(spec, props);
  const { version, hash } = spec.options ?? {};
  return (
    <>
      <ToolForm
        {...spec.form}
        blockedReason={view.problem}
        isPending={state.status === 'pending'}
        isDisabled={props.disabledReason !== null}
        error={state.status === 'error' ? state.error : undefined}
        onSubmit={submit}
        areFieldsEnabled={spec.worksOffline}
      >
        {view.data ? (
          <DataInput
            label={view.data.label}
            value={fields.input}
            onChange={set('input')}
            limit={view.data.limit}
          />
        ) : null}
        {spec.thalassa ? (
          <ThalassaField
            label={spec.thalassa.label}
            value={fields.thalassa}
            onChange={set('thalassa')}
            inspection={view.inspection}
          />
        ) : null}
        {spec.details?.(view.inspection, cryptoKey)}
        {version || hash ? (
          <OptionsRow>
            {version ? (
              <VersionSelect
                cryptoKey={cryptoKey}
                value={fields.version}
                onChange={set('version')}
              />
            ) : null}
            {hash ? (
              <HashOptions
                keyType={cryptoKey.keyType}
                hashAlgorithm={fields.hash}
                onHashChange={set('hash')}
                prehashed={fields.prehashed}
                onPrehashedChange={set('prehashed')}
              />
            ) : null}
          </OptionsRow>
        ) : null}
      </ToolForm>
      <spec.Output
        state={state}
        cryptoKey={cryptoKey}
        fields={fields}
        view={view}
        onHandoff={props.onHandoff}
        onClear={reset}
      />
    </>
  );
}

/** A tool component for the panel's table of tools. */
export function toolOf<R>(spec: ToolSpec<R>): ComponentType<ToolProps> {
  return function SpecTool(props: ToolProps) {
    return <CryptoTool spec={spec} {...props} />;
  };
}

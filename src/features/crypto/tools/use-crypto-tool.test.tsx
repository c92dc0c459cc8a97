import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Key, KeyType } from '@/contract';
import { ApiError } from '@/lib/api-client';
import type { InputValue } from '../lib/input';
import { testKey } from '../test/test-key';
import { testProviders } from '@/test/render';
import { fakeKms } from '../test/render-panel';
import { CryptoTool } from './crypto-tool';
import { encryptSpec } from './specs';
import type { ToolCallContext, ToolRequest, ToolSpec } from './tool-spec';
import type { Handoff } from './types';
import { useCryptoTool } from './use-crypto-tool';

/** A sign-like spec whose call the test controls. */
function probeSpec(call: ToolSpec<string>['call']): ToolSpec<string> {
  return {
    form: { label: 'Probe', submitLabel: 'Run', pendingLabel: 'Running…' },
    data: { label: 'Message', limit: 'sign' },
    options: { version: true, hash: true },
    call,
    Output: () => null,
  };
}

function renderTool(spec: ToolSpec<string>, keyType: KeyType = 'ecdsa-p256', initial?: Handoff) {
  const cryptoKey = testKey({ keyType });
  const { Wrapper } = testProviders({ fetchImpl: fakeKms(cryptoKey).fetchImpl });
  return renderHook(
    () => useCryptoTool(spec, { region: 'nl-01', cryptoKey, initial: initial ?? null }),
    { wrapper: Wrapper },
  );
}

const TEXT: InputValue = { mode: 'text', text: 'hi', base64: '', file: null };

describe('useCryptoTool', () => {
  it('starts from a hand-off and sends exactly what the fields say', async () => {
    const call = vi.fn(async (_ctx: ToolCallContext, r: ToolRequest) => JSON.stringify(r.data));
    const { result } = renderTool(probeSpec(call), 'ecdsa-p256', {
      op: 'sign',
      input: { ...TEXT },
      hashAlgorithm: 'sha2-384',
    });
    expect(result.current.view.problem).toBeNull();
    act(() => result.current.set('version')('2'));
    act(() => result.current.submit());
    await waitFor(() => expect(result.current.state.status).toBe('success'));
    const [ctx, request] = call.mock.calls[0] ?? [];
    expect(ctx?.id).toBe('kms-test1');
    expect(request?.data).toBe('aGk=');
    expect(request?.withVersion).toEqual({ keyVersion: '2' });
    expect(request?.withHash).toEqual({ hashAlgorithm: 'sha2-384', prehashed: false });
  });

  it('sends no hash settings for Ed25519, and never calls while something blocks', async () => {
    const call = vi.fn(async () => 'ok');
    const { result } = renderTool(probeSpec(call), 'ed25519');
    expect(result.current.view.problem).toBe('Enter the input first (at least 1 byte).');
    act(() => result.current.submit());
    expect(call).not.toHaveBeenCalled();

    act(() => result.current.set('prehashed')(true));
    expect(result.current.view.data?.label).toBe('Message');
    act(() => result.current.set('input')({ ...TEXT }));
    act(() => result.current.submit());
    await waitFor(() => expect(call).toHaveBeenCalledTimes(1));
    expect(call.mock.calls[0]).toContainEqual(expect.objectContaining({ withHash: {} }));
  });

  it('asks for a digest of the right length once "prehashed" is ticked', () => {
    const { result } = renderTool(
      probeSpec(async () => 'ok'),
      'rsa-2048',
      {
        op: 'sign',
        input: { ...TEXT },
      },
    );
    act(() => result.current.set('prehashed')(true));
    expect(result.current.view.data?.label).toBe('Digest');
    expect(result.current.view.problem).toBe(
      'Input is 2 B: A prehashed SHA2-256 digest is exactly 32 bytes.',
    );
  });

  it('drops the result when any field changes', async () => {
    const { result } = renderTool(
      probeSpec(async () => 'answer'),
      'ecdsa-p256',
      {
        op: 'sign',
        input: { ...TEXT },
      },
    );
    for (const change of [
      () => result.current.set('input')({ ...TEXT, text: 'hi!' }),
      () => result.current.set('version')('3'),
      () => result.current.set('hash')('sha2-512'),
      () => result.current.set('prehashed')(false),
    ]) {
      act(() => result.current.submit());
      await waitFor(() =>
        expect(result.current.state).toEqual({ status: 'success', data: 'answer' }),
      );
      act(change);
      expect(result.current.state).toEqual({ status: 'idle' });
    }
  });

  it('drops an answer that arrives after the inputs changed, and aborts its request', async () => {
    let answer: (value: string) => void = () => undefined;
    let signal: AbortSignal | undefined;
    const spec = probeSpec(
      (ctx) =>
        new Promise<string>((resolve) => {
          signal = ctx.signal;
          answer = resolve;
        }),
    );
    const { result } = renderTool(spec, 'ecdsa-p256', { op: 'sign', input: { ...TEXT } });
    act(() => result.current.submit());
    expect(result.current.state.status).toBe('pending');
    act(() => result.current.set('input')({ ...TEXT, text: 'other' }));
    expect(signal?.aborted).toBe(true);
    await act(async () => answer('stale'));
    expect(result.current.state).toEqual({ status: 'idle' });
  });

  it('keeps a refusal as the error, but never the abort of a dropped call', async () => {
    let fail: (error: unknown) => void = () => undefined;
    const spec = probeSpec(
      () =>
        new Promise<string>((_, reject) => {
          fail = reject;
        }),
    );
    const { result } = renderTool(spec, 'ecdsa-p256', { op: 'sign', input: { ...TEXT } });
    act(() => result.current.submit());
    act(() => result.current.reset());
    await act(async () => fail(new DOMException('aborted', 'AbortError')));
    expect(result.current.state).toEqual({ status: 'idle' });

    const refusal = new ApiError(400, 'input too large', 'sign');
    act(() => result.current.submit());
    await act(async () => fail(refusal));
    expect(result.current.state).toEqual({ status: 'error', error: refusal });
  });
});

describe('CryptoTool', () => {
  function renderEncrypt(cryptoKey: Key, status: number, json: unknown) {
    const kms = fakeKms(cryptoKey, { encrypt: () => ({ status, json }) });
    const { Wrapper } = testProviders({ fetchImpl: kms.fetchImpl });
    render(
      <CryptoTool
        spec={encryptSpec}
        region="nl-01"
        cryptoKey={cryptoKey}
        disabledReason={null}
        initial={null}
        onHandoff={() => undefined}
      />,
      { wrapper: Wrapper },
    );
  }

  it('shows an API refusal with its message, keeps the input, and clears it on change', async () => {
    const user = userEvent.setup();
    renderEncrypt(testKey(), 400, { message: 'plaintext is not valid base64' });
    await user.type(screen.getByLabelText('Plaintext'), 'secret');
    await user.click(screen.getByRole('button', { name: 'Encrypt' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The request was refused. plaintext is not valid base64',
    );
    expect(screen.getByLabelText('Plaintext')).toHaveValue('secret');
    await user.type(screen.getByLabelText('Plaintext'), '!');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says so when an answer does not match the contract', async () => {
    const user = userEvent.setup();
    renderEncrypt(testKey(), 200, { ciphertext: 42 });
    await user.type(screen.getByLabelText('Plaintext'), 'x');
    await user.click(screen.getByRole('button', { name: 'Encrypt' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Unexpected answer from the API');
    expect(screen.queryByLabelText('Ciphertext')).not.toBeInTheDocument();
  });
});

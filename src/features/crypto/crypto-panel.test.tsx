import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { KeyType } from '@/contract';
import { fakeKms, renderPanel } from './test/render-panel';
import { testKey } from './test/test-key';

const opNames = () =>
  within(screen.getByRole('navigation', { name: 'Crypto operation' }))
    .getAllByRole('link')
    .map((l) => l.textContent);

async function findTool() {
  return screen.findByRole('heading', { level: 3 });
}

describe('CryptoPanel: operations', () => {
  it.each<[KeyType, string[]]>([
    ['aes256-gcm96', ['Encrypt', 'Decrypt', 'Inspect']],
    ['rsa-3072', ['Encrypt', 'Decrypt', 'Sign', 'Verify', 'Inspect']],
    ['ecdsa-p384', ['Sign', 'Verify', 'Inspect']],
    ['ed25519', ['Sign', 'Verify', 'Inspect']],
    ['hmac-sha512', ['HMAC', 'Verify HMAC', 'Inspect']],
  ])('offers only what a %s key supports', async (keyType, expected) => {
    const key = testKey({ keyType });
    renderPanel(key, { fetchImpl: fakeKms(key).fetchImpl });
    await findTool();
    expect(opNames()).toEqual(expected);
  });

  it('falls back to a supported tool when the URL names one the type lacks', async () => {
    const key = testKey({ keyType: 'hmac' });
    renderPanel(key, { op: 'encrypt', fetchImpl: fakeKms(key).fetchImpl });
    expect(await findTool()).toHaveTextContent('HMAC');
    expect(screen.getByRole('note')).toHaveTextContent(
      'Encrypt is not available for HMAC (SHA-256) keys',
    );
  });

  it('puts the chosen operation in the URL', async () => {
    const user = userEvent.setup();
    const key = testKey();
    const { router } = renderPanel(key, { fetchImpl: fakeKms(key).fetchImpl });
    await findTool();
    await user.click(screen.getByRole('link', { name: 'Decrypt' }));
    expect(await findTool()).toHaveTextContent('Decrypt');
    expect(router.state.location.search).toEqual({ op: 'decrypt' });
    expect(screen.getByRole('link', { name: 'Decrypt' })).toHaveAttribute('aria-current', 'page');
  });

  it('disables the tools of a non-active key and says why', async () => {
    const key = testKey({ status: 'disabled' });
    const kms = fakeKms(key);
    renderPanel(key, { op: 'encrypt', fetchImpl: kms.fetchImpl });
    await findTool();
    expect(screen.getByRole('note')).toHaveTextContent('This key is disabled. Enable it');
    expect(screen.getByLabelText('Plaintext')).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Encrypt' })).toBeDisabled();
    expect(kms.requests).toEqual([]);
  });
});

describe('CryptoPanel: input', () => {
  it('stops an over-limit RSA input before sending, with the reason', async () => {
    const user = userEvent.setup();
    const key = testKey({ keyType: 'rsa-2048' });
    const kms = fakeKms(key);
    renderPanel(key, { op: 'encrypt', fetchImpl: kms.fetchImpl });
    await findTool();
    const button = screen.getByRole('button', { name: 'Encrypt' });
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription('Enter the input first (at least 1 byte).');

    const input = screen.getByLabelText('Plaintext');
    await user.click(input);
    await user.paste('é'.repeat(95) + 'x'); // 191 bytes of UTF-8 in 96 characters
    expect(screen.getByText('191')).toBeInTheDocument();
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription(
      'Input is 191 bytes: RSA 2048 (RSA-OAEP SHA-256) encrypts at most 190 bytes.',
    );
    await user.click(button);
    await user.type(input, '{Backspace}');
    expect(button).toBeEnabled();
    expect(kms.requests).toEqual([]);
    await user.click(button);
    await screen.findByLabelText('Ciphertext');
    expect(kms.requests).toHaveLength(1);
    expect(kms.requests[0]?.path).toBe(`/v1/kms/nl-01/keys/${key.identity}/encrypt`);
  });

  it('switches between text, base64 and file, carrying data over when it can', async () => {
    const user = userEvent.setup();
    const key = testKey();
    renderPanel(key, { op: 'encrypt', fetchImpl: fakeKms(key).fetchImpl });
    await findTool();
    await user.type(screen.getByLabelText('Plaintext'), 'Hello');
    await user.click(screen.getByRole('radio', { name: 'Base64' }));
    const b64 = screen.getByLabelText('Plaintext');
    expect(b64).toHaveValue('SGVsbG8=');
    await user.clear(b64);
    await user.type(b64, 'SGVsbG8');
    expect(screen.getByRole('button', { name: 'Encrypt' })).toHaveAccessibleDescription(
      /Not valid standard base64/,
    );
    await user.type(b64, '=');
    expect(screen.getByRole('button', { name: 'Encrypt' })).toBeEnabled();
    await user.clear(b64);
    await user.type(b64, '//79');
    await user.click(screen.getByRole('radio', { name: 'Text (UTF-8)' }));
    // 0xff 0xfe 0xfd is not UTF-8: the earlier text stays.
    expect(screen.getByLabelText('Plaintext')).toHaveValue('Hello');

    await user.click(screen.getByRole('radio', { name: 'File' }));
    const file = new File([new Uint8Array([1, 2, 3, 4])], 'four.bin');
    await user.upload(screen.getByLabelText('Plaintext file'), file);
    expect(await screen.findByText('four.bin')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Encrypt' })).toBeEnabled();
    const big = new File([new Uint8Array(70_000)], 'big.bin');
    await user.upload(screen.getByLabelText('Plaintext file'), big);
    expect(await screen.findByText('big.bin')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Encrypt' })).toHaveAccessibleDescription(
      'Input is 70,000 bytes: Inputs are at most 65,535 bytes.',
    );
  }, 15_000);

  it('offers only versions the KMS still accepts, latest by default', async () => {
    const user = userEvent.setup();
    const key = testKey({ latestVersion: 4, minDecryptionVersion: 3 });
    const kms = fakeKms(key);
    renderPanel(key, { op: 'encrypt', fetchImpl: kms.fetchImpl });
    await findTool();
    const select = screen.getByLabelText('Key version');
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent?.split(' ·')[0]),
    ).toEqual(['Latest (v4)', 'v4', 'v3']);
    await user.type(screen.getByLabelText('Plaintext'), 'x');
    await user.click(screen.getByRole('button', { name: 'Encrypt' }));
    await screen.findByLabelText('Ciphertext');
    await user.selectOptions(select, '3');
    await user.click(screen.getByRole('button', { name: 'Encrypt' }));
    await screen.findByLabelText('Ciphertext');
    expect(kms.requests.map((r) => r.body)).toEqual([
      { plaintext: 'eA==' },
      { plaintext: 'eA==', keyVersion: '3' },
    ]);
  });
});

describe('CryptoPanel: outputs', () => {
  it('encrypts, hands the ciphertext to decrypt, and shows binary plaintext as hex', async () => {
    const user = userEvent.setup();
    const key = testKey();
    const { router } = renderPanel(key, { op: 'encrypt', fetchImpl: fakeKms(key).fetchImpl });
    await findTool();
    await user.click(screen.getByRole('radio', { name: 'Base64' }));
    await user.type(screen.getByLabelText('Plaintext'), '3q2+7w==');
    await user.click(screen.getByRole('button', { name: 'Encrypt' }));
    const ciphertext = await screen.findByLabelText('Ciphertext');
    expect(ciphertext).toHaveValue('thalassa:v3:776t3g==');
    expect(screen.getByRole('button', { name: 'Copy ciphertext' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download ciphertext' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /Decrypt this ciphertext/ }));
    expect(await findTool()).toHaveTextContent('Decrypt');
    expect(router.state.location.search).toEqual({ op: 'decrypt' });
    expect(JSON.stringify(router.state.location)).not.toContain('thalassa:');
    expect(screen.getByLabelText('Ciphertext')).toHaveValue('thalassa:v3:776t3g==');
    await user.click(screen.getByRole('button', { name: 'Decrypt' }));
    const plaintext = await screen.findByLabelText('Plaintext');
    expect(plaintext).toHaveValue('deadbeef');
    expect(screen.getByRole('radio', { name: 'Text' })).toBeDisabled();
    expect(screen.getByText(/not valid UTF-8/)).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Base64' }));
    expect(plaintext).toHaveValue('3q2+7w==');
  });

  it('shows UTF-8 plaintext as text and clears it on request', async () => {
    const user = userEvent.setup();
    const key = testKey();
    renderPanel(key, { op: 'decrypt', fetchImpl: fakeKms(key).fetchImpl });
    await findTool();
    // The fake reverses bytes: "olleH" decrypts to "Hello".
    await user.type(screen.getByLabelText('Ciphertext'), 'thalassa:v2:b2xsZUg=');
    await user.click(screen.getByRole('button', { name: 'Decrypt' }));
    expect(await screen.findByLabelText('Plaintext')).toHaveValue('Hello');
    await user.click(screen.getByRole('button', { name: 'Clear' }));
    expect(screen.queryByLabelText('Plaintext')).not.toBeInTheDocument();
  });

  it('announces valid and not valid signatures unmistakably', async () => {
    const user = userEvent.setup();
    const key = testKey({ keyType: 'ecdsa-p256' });
    renderPanel(key, { op: 'sign', fetchImpl: fakeKms(key).fetchImpl });
    await findTool();
    await user.type(screen.getByLabelText('Message'), 'hello');
    await user.click(screen.getByRole('button', { name: 'Sign' }));
    await screen.findByLabelText('Signature');
    await user.click(screen.getByRole('button', { name: /Verify this signature/ }));
    expect(await findTool()).toHaveTextContent('Verify');
    expect(screen.getByLabelText('Message')).toHaveValue('hello');
    await user.click(screen.getByRole('button', { name: 'Verify signature' }));
    const status = screen.getByRole('status');
    await waitFor(() => expect(status).toHaveTextContent('KMSValid signature'));
    // The fake public-key answer has no key: the browser check says it could not check.
    expect(status).toHaveTextContent('Browser check (WebCrypto)Could not check');

    const signature = screen.getByLabelText('Signature');
    await user.clear(signature);
    expect(status).toHaveTextContent('');
    await user.type(signature, 'thalassa:v3:AAAA');
    await user.click(screen.getByRole('button', { name: 'Verify signature' }));
    await waitFor(() =>
      expect(status).toHaveTextContent('Not valid: the signature does not match'),
    );
  });
});

describe('CryptoPanel: inspector', () => {
  it('tells which version made a ciphertext and whether it can still be decrypted', async () => {
    const user = userEvent.setup();
    const key = testKey({ latestVersion: 3, minDecryptionVersion: 2 });
    const kms = fakeKms(key);
    renderPanel(key, { op: 'inspect', fetchImpl: kms.fetchImpl });
    await findTool();
    const field = screen.getByLabelText('Ciphertext to inspect');
    await user.type(field, 'thalassa:v1:AAAA');
    const decryptButton = screen.getByRole('button', { name: 'Decrypt' });
    expect(decryptButton).toBeDisabled();
    expect(decryptButton).toHaveAccessibleDescription('Version 1 is retired: the KMS refuses it.');
    expect(
      screen.getByText(
        'Made by version 1, below the minimum decryption version 2: it can no longer be decrypted.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Inspection')).toHaveTextContent(
      'Accepted by the KMSNo: retired version',
    );

    await user.clear(field);
    await user.type(field, 'thalassa:v7:AAAA');
    expect(screen.getByLabelText('Inspection')).toHaveTextContent('No: unknown version');
    expect(decryptButton).toHaveAccessibleDescription('This key has no version 7.');
    expect(screen.getByText(/Version 7 does not exist on this key/)).toBeInTheDocument();

    await user.clear(field);
    await user.type(field, 'not a ciphertext');
    expect(screen.queryByLabelText('Inspection')).not.toBeInTheDocument();
    expect(decryptButton).toHaveAccessibleDescription('Not a thalassa:v<N>: ciphertext.');
    expect(screen.getByText(/Not a thalassa:v<N>:<base64> string/)).toBeInTheDocument();

    await user.clear(field);
    await user.type(field, 'thalassa:v2:b2xsZUg=');
    expect(
      screen.getByText(/Made by version 2, an older version \(latest is 3\): it can be decrypted/),
    ).toBeInTheDocument();
    expect(kms.requests).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Decrypt' }));
    expect(await screen.findByLabelText('Plaintext')).toHaveValue('Hello');
  });

  it('works on a disabled key without sending anything', async () => {
    const user = userEvent.setup();
    const key = testKey({ keyType: 'ed25519', status: 'pending_deletion' });
    const kms = fakeKms(key);
    renderPanel(key, { op: 'inspect', fetchImpl: kms.fetchImpl });
    await findTool();
    await user.type(screen.getByLabelText('Signature to inspect'), 'thalassa:v3:AAAA');
    expect(screen.getByText(/it can be verified/)).toBeInTheDocument();
    expect(kms.requests).toEqual([]);
  });
});

describe('CryptoPanel: handoffs and keyboard', () => {
  it('offers verify for a signature pasted in the inspector', async () => {
    const user = userEvent.setup();
    const key = testKey({ keyType: 'ecdsa-p521' });
    const { router } = renderPanel(key, { op: 'inspect', fetchImpl: fakeKms(key).fetchImpl });
    await findTool();
    await user.type(screen.getByLabelText('Signature to inspect'), 'thalassa:v3:c2ln');
    await user.click(screen.getByRole('button', { name: 'Verify a message with this signature' }));
    expect(await findTool()).toHaveTextContent('Verify');
    expect(router.state.location.search).toEqual({ op: 'verify' });
    expect(screen.getByLabelText('Signature')).toHaveValue('thalassa:v3:c2ln');
  });

  it('runs the tool with Ctrl+Enter from the text area', async () => {
    const user = userEvent.setup();
    const key = testKey();
    const kms = fakeKms(key);
    renderPanel(key, { op: 'encrypt', fetchImpl: kms.fetchImpl });
    await findTool();
    await user.type(screen.getByLabelText('Plaintext'), 'hi{Enter}there');
    expect(kms.requests).toHaveLength(0);
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(await screen.findByLabelText('Ciphertext')).toBeInTheDocument();
    expect(kms.requests.map((r) => r.body)).toEqual([{ plaintext: btoa('hi\nthere') }]);
  });
});

describe('CryptoPanel: nothing kept', () => {
  it('drops inputs and results when the tab is left, and caches none of them', async () => {
    const user = userEvent.setup();
    const key = testKey();
    const { router, queryClient } = renderPanel(key, {
      op: 'encrypt',
      fetchImpl: fakeKms(key).fetchImpl,
    });
    await findTool();
    await user.type(screen.getByLabelText('Plaintext'), 'top secret');
    await user.click(screen.getByRole('button', { name: 'Encrypt' }));
    await screen.findByLabelText('Ciphertext');
    const cached = JSON.stringify([
      queryClient
        .getQueryCache()
        .getAll()
        .map((q) => [q.queryKey, q.state.data]),
      queryClient
        .getMutationCache()
        .getAll()
        .map((m) => m.state),
    ]);
    expect(cached).not.toContain('top secret');
    expect(cached).not.toContain('thalassa:');
    expect(cached).not.toContain(btoa('top secret'));
    expect(router.state.location.href).not.toContain('secret');

    await router.navigate({ to: `/regions/nl-01/keys/${key.identity}/overview` });
    expect(await screen.findByText('Another tab')).toBeInTheDocument();
    expect(screen.queryByDisplayValue('top secret')).not.toBeInTheDocument();
    await router.navigate({
      to: `/regions/nl-01/keys/${key.identity}/crypto`,
      search: { op: 'encrypt' },
    });
    await findTool();
    expect(screen.getByLabelText('Plaintext')).toHaveValue('');
    expect(screen.queryByLabelText('Ciphertext')).not.toBeInTheDocument();
  });

  it('drops a result when the input changes, so it never describes other input', async () => {
    const user = userEvent.setup();
    const key = testKey({ keyType: 'hmac' });
    renderPanel(key, { op: 'hmac', fetchImpl: fakeKms(key).fetchImpl });
    await findTool();
    await user.type(screen.getByLabelText('Message'), 'abc');
    await user.click(screen.getByRole('button', { name: 'Compute HMAC' }));
    expect(await screen.findByLabelText('HMAC')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Message'), 'd');
    expect(screen.queryByLabelText('HMAC')).not.toBeInTheDocument();
  });
});

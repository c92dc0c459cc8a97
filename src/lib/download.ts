/** Offers a blob as a file download: the one place the console saves a file. */
function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Offers text as a file download (public keys, outputs, audit exports). */
export function downloadText(filename: string, text: string, type = 'text/plain'): void {
  downloadBlob(filename, new Blob([text], { type }));
}

/** Offers bytes as a file download (decrypted output may be binary). */
export function downloadBytes(filename: string, bytes: Uint8Array): void {
  // A copy: the Blob must not see later writes to the caller's buffer (and needs an ArrayBuffer).
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  downloadBlob(filename, new Blob([copy], { type: 'application/octet-stream' }));
}

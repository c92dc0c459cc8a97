/**
 * ECDSA signatures from the KMS are ASN.1 DER `SEQUENCE { INTEGER r, INTEGER s }`; WebCrypto
 * wants IEEE P1363 (r || s, each left-padded to the curve's size). Returns null when the bytes
 * are not such a DER sequence.
 */
export function derToP1363(der: Uint8Array, size: number): Uint8Array | null {
  let offset = 0;
  const readLength = (): number | null => {
    const first = der[offset++];
    if (first === undefined) return null;
    if (first < 0x80) return first;
    const count = first & 0x7f;
    if (count === 0 || count > 2) return null;
    let length = 0;
    for (let i = 0; i < count; i++) {
      const b = der[offset++];
      if (b === undefined) return null;
      length = (length << 8) | b;
    }
    return length;
  };
  const readInteger = (): Uint8Array | null => {
    if (der[offset++] !== 0x02) return null;
    const length = readLength();
    if (length === null || length === 0 || offset + length > der.length) return null;
    let value = der.subarray(offset, offset + length);
    offset += length;
    while (value.length > 1 && value[0] === 0) value = value.subarray(1);
    return value.length <= size ? value : null;
  };
  if (der[offset++] !== 0x30) return null;
  const seqLength = readLength();
  if (seqLength === null || offset + seqLength !== der.length) return null;
  const r = readInteger();
  const s = readInteger();
  if (!r || !s || offset !== der.length) return null;
  const out = new Uint8Array(size * 2);
  out.set(r, size - r.length);
  out.set(s, size * 2 - s.length);
  return out;
}

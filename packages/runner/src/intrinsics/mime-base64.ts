/*
 * AWS documents States.Base64Decode as "MIME Base64" decoding: the Java MIME decoder (java.util.Base64,
 * RFC 2045), whose rules are reproduced here because Node's decoder is more lenient still (it also accepts a
 * dangling sixth bit group and letters after padding). Characters outside the Base64 alphabet (line breaks,
 * spaces, anything else) are ignored; padding is optional, but when present it must complete the final unit;
 * after padding only ignored characters may follow.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-data-encode-decode
 * @see https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/util/Base64.html#getMimeDecoder()
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUE: ReadonlyMap<string, number> = new Map([...ALPHABET].map((ch, i) => [ch, i]));

/** The decoded bytes, or the reason the text is not MIME Base64 (the Java decoder's wording). */
export function decodeMimeBase64(text: string): Uint8Array | string {
  const bytes: number[] = [];
  let bits = 0;
  let count = 0; // characters of the current 4-character unit
  let i = 0;
  for (; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '=') break;
    const value = VALUE.get(ch);
    if (value === undefined) continue;
    bits = (bits << 6) | value;
    if (++count === 4) {
      bytes.push((bits >> 16) & 0xff, (bits >> 8) & 0xff, bits & 0xff);
      bits = 0;
      count = 0;
    }
  }
  if (i < text.length) {
    // Padding: "xx==" or "xxx=" only.
    if (count === 0 || count === 1 || (count === 2 && text[i + 1] !== '='))
      return 'Input byte array has wrong 4-byte ending unit';
    i += count === 2 ? 2 : 1;
    for (; i < text.length; i++) {
      if (VALUE.has(text[i] as string)) return `Input byte array has incorrect ending byte at ${i}`;
    }
  }
  if (count === 1) return 'Last unit does not have enough valid bits';
  if (count === 2) bytes.push((bits >> 4) & 0xff);
  if (count === 3) bytes.push((bits >> 10) & 0xff, (bits >> 2) & 0xff);
  return Uint8Array.from(bytes);
}

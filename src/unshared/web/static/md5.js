// MD5 (RFC 1321) of bytes, in the browser, with no dependencies.
//
// WebCrypto gives SHA-256 but not MD5, and MD5 is one of the hashes platforms and banks share for
// exact copies, so the page computes it here. It is an identifier of the file, not a security
// measure.

// Per-round left rotations: four of each shift in each of the four rounds.
const SHIFTS = new Uint8Array(
  [
    [7, 12, 17, 22],
    [5, 9, 14, 20],
    [4, 11, 16, 23],
    [6, 10, 15, 21],
  ].flatMap((round) => [...round, ...round, ...round, ...round]),
);

// K[i] = floor(2^32 * |sin(i + 1)|), as the RFC defines them.
const K = Int32Array.from({ length: 64 }, (_, i) =>
  Math.floor(2 ** 32 * Math.abs(Math.sin(i + 1))),
);

/**
 * MD5 of the bytes, as 32 lower-case hex digits.
 *
 * @param {Uint8Array|ArrayBuffer} bytes
 * @returns {string}
 */
export function md5Hex(bytes) {
  const data = bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes;
  const state = new Int32Array([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476]);
  const words = new Int32Array(16);
  const whole = data.length - (data.length % 64);
  for (let offset = 0; offset < whole; offset += 64) {
    compress(state, words, data, offset);
  }
  // Padding: the last bytes, a 1 bit, zeros up to 8 bytes short of a block, then the length in
  // bits as a little-endian 64-bit number.
  const rest = data.length - whole;
  const tail = new Uint8Array(rest < 56 ? 64 : 128);
  tail.set(data.subarray(whole));
  tail[rest] = 0x80;
  const view = new DataView(tail.buffer);
  view.setUint32(tail.length - 8, (data.length * 8) >>> 0, true);
  view.setUint32(tail.length - 4, Math.floor(data.length / 2 ** 29), true);
  for (let offset = 0; offset < tail.length; offset += 64) {
    compress(state, words, tail, offset);
  }
  let hex = "";
  for (const word of state) {
    for (let shift = 0; shift < 32; shift += 8) {
      hex += ((word >>> shift) & 0xff).toString(16).padStart(2, "0");
    }
  }
  return hex;
}

// One 64-byte block into the state. Int32 arithmetic with `| 0` is addition mod 2^32.
function compress(state, words, data, offset) {
  for (let i = 0; i < 16; i++) {
    const o = offset + 4 * i;
    words[i] = data[o] | (data[o + 1] << 8) | (data[o + 2] << 16) | (data[o + 3] << 24);
  }
  let [a, b, c, d] = state;
  // The four rounds differ in their mixing function and in the order they read the words.
  for (let i = 0; i < 16; i++) {
    const sum = (a + ((b & c) | (~b & d)) + K[i] + words[i]) | 0;
    a = d;
    d = c;
    c = b;
    b = (b + rotl(sum, SHIFTS[i])) | 0;
  }
  for (let i = 16; i < 32; i++) {
    const sum = (a + ((d & b) | (~d & c)) + K[i] + words[(5 * i + 1) & 15]) | 0;
    a = d;
    d = c;
    c = b;
    b = (b + rotl(sum, SHIFTS[i])) | 0;
  }
  for (let i = 32; i < 48; i++) {
    const sum = (a + (b ^ c ^ d) + K[i] + words[(3 * i + 5) & 15]) | 0;
    a = d;
    d = c;
    c = b;
    b = (b + rotl(sum, SHIFTS[i])) | 0;
  }
  for (let i = 48; i < 64; i++) {
    const sum = (a + (c ^ (b | ~d)) + K[i] + words[(7 * i) & 15]) | 0;
    a = d;
    d = c;
    c = b;
    b = (b + rotl(sum, SHIFTS[i])) | 0;
  }
  state[0] += a;
  state[1] += b;
  state[2] += c;
  state[3] += d;
}

function rotl(x, s) {
  return (x << s) | (x >>> (32 - s));
}

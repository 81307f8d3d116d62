// One photo's fingerprints (PDQ with its quality, MD5, SHA-256), made from the file in the browser.
//
// Runs in the hashing worker (worker.js), or on the page when workers are unavailable. Nothing
// here touches the network: the bytes go in, only hex strings come out.
//
// The pixels are prepared as the Python side prepares them (unshared/hashing/decode.py), so a
// hash made here and one made on a server from the same file agree within a few bits:
//   - EXIF orientation applied, embedded colour profiles ignored (Pillow ignores them);
//   - a JPEG is first shrunk by 8, 4 or 2 as its reduced-size decode would be (Pillow's draft),
//     then any image by a power-of-two box factor (Image.reduce), in both cases keeping the short
//     side at least 512 pixels and shrinking by at most 8 (why 512 and a power of two:
//     docs/hashing.md, "Why 512, and why a power of two").
// A HEIC photo the browser cannot open is decoded with libheif (heif.js), loaded only for it.

import { decodeHeif, isHeif } from "./heif.js";
import { md5Hex } from "./md5.js";
import { pdqFromRGBA } from "./pdq.js";

/**
 * The service's defaults; the page asks the service for its own (GET /v1/cases/limits) and
 * passes them in. `maxFileBytes`: files over this are refused. `minQuality`: under this PDQ
 * quality a picture hash says little (Meta's advice), so only exact hashes are sent.
 */
export const DEFAULT_LIMITS = Object.freeze({ maxFileBytes: 50 * 1024 * 1024, minQuality: 50 });

const PDQ_SIDE = 512; // shrinking stops while the short side is at least this
const MAX_REDUCE = 8; // largest shrink factor, a power of two, as on the Python side
const MIN_PDQ_SIDE = 5; // PDQ needs at least 5x5 pixels
// Above this many pixels the full-size RGBA copy would take hundreds of megabytes, so the canvas
// draws the picture straight at the reduced size instead (a little further from Python's hash).
const MAX_FULL_PIXELS = 40_000_000;

/** Why a file gives no fingerprint at all. `code` is a key of the page's messages. */
export class FingerprintError extends Error {
  constructor(code, message) {
    super(message);
    this.name = "FingerprintError";
    this.code = code;
  }
}

/**
 * The fingerprints of one image file.
 *
 * Resolves to `{md5, sha256, pdq, quality, width, height, exactOnly}`. `exactOnly` says why the
 * picture hash must not be used, so that only exact copies of the file can be found: the picture
 * could not be decoded here (`"unreadable"`: `pdq` is null), is too small (`"tiny"`: null too)
 * or too plain for a reliable picture hash (`"plain"`: `pdq` is given with its low quality, as
 * the Python side's LowQuality error carries it). `sha256` is null where the browser offers no
 * WebCrypto (insecure origins). Rejects with a FingerprintError for an empty or oversized file.
 * With `keepPixels`, the result also holds `pixels`, `{data, width, height}`: the RGBA pixels
 * PDQ was made from (for the protect worker's local features; never sent anywhere).
 *
 * @param {Blob} file
 * @param {(step: "reading"|"hashing"|"decoding"|"fingerprinting") => void} [onStep]
 * @param {{maxFileBytes: number, minQuality: number}} [limits] the service's
 * @param {{keepPixels?: boolean}} [options]
 */
export async function fingerprint(file, onStep = () => {}, limits = DEFAULT_LIMITS, options = {}) {
  if (file.size === 0) throw new FingerprintError("empty", "the file is empty");
  if (file.size > limits.maxFileBytes) {
    throw new FingerprintError("too_large", `the file is over ${limits.maxFileBytes} bytes`);
  }
  onStep("reading");
  const bytes = new Uint8Array(await file.arrayBuffer());
  onStep("hashing");
  const sha256 = await sha256Hex(bytes);
  const md5 = md5Hex(bytes);
  const exact = { md5, sha256, pdq: null, quality: null, width: null, height: null };

  onStep("decoding");
  const pixels = await decode(file, bytes);
  if (pixels === null) return { ...exact, exactOnly: "unreadable" };
  const { data, width, height, originalWidth, originalHeight } = pixels;
  const size = { width: originalWidth, height: originalHeight };
  if (width < MIN_PDQ_SIDE || height < MIN_PDQ_SIDE) return { ...exact, ...size, exactOnly: "tiny" };

  onStep("fingerprinting");
  const { hash, quality } = pdqFromRGBA(data, width, height);
  const exactOnly = quality < limits.minQuality ? "plain" : null;
  const kept = options.keepPixels ? { pixels: { data, width, height } } : {};
  return { ...exact, ...size, pdq: hash, quality, exactOnly, ...kept };
}

async function sha256Hex(bytes) {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null; // only on insecure origins; MD5 and PDQ still go
  const digest = new Uint8Array(await subtle.digest("SHA-256", bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

function isJpeg(bytes) {
  return bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

// The picture as RGBA, shrunk as the Python side would; null if it cannot be decoded here.
async function decode(file, bytes) {
  let bitmap;
  try {
    bitmap = await openBitmap(file);
  } catch {
    return isHeif(bytes) ? decodeHeifReduced(bytes) : null;
  }
  try {
    const { width, height } = bitmap;
    if (width === 0 || height === 0) return null;
    const steps = reductions(width, height, isJpeg(bytes));
    const factor = steps.reduce((a, b) => a * b, 1);
    let image;
    if (width * height > MAX_FULL_PIXELS) {
      image = draw(bitmap, Math.ceil(width / factor), Math.ceil(height / factor));
    } else {
      image = draw(bitmap, width, height);
      for (const step of steps) image = boxReduce(image, step);
    }
    return { ...image, originalWidth: width, originalHeight: height };
  } catch {
    return null; // out of canvas memory, say: the exact hashes still stand
  } finally {
    bitmap.close();
  }
}

// A HEIC photo this browser cannot open, through libheif, shrunk as the Python side shrinks it
// (by Image.reduce alone: only JPEG has a reduced-size decode); null if that fails too.
async function decodeHeifReduced(bytes) {
  let image;
  try {
    image = await decodeHeif(bytes);
  } catch {
    return null; // libheif missing (not vendored on this server) or the file damaged
  }
  if (image === null || image.width === 0 || image.height === 0) return null;
  const { width, height } = image;
  for (const step of reductions(width, height, false)) image = boxReduce(image, step);
  return { ...image, originalWidth: width, originalHeight: height };
}

async function openBitmap(file) {
  // Colour profiles are ignored and alpha left unpremultiplied, as Pillow decodes.
  const options = { colorSpaceConversion: "none", premultiplyAlpha: "none" };
  try {
    return await createImageBitmap(file, { ...options, imageOrientation: "from-image" });
  } catch (error) {
    // Browsers from before "from-image" was named reject it, and apply EXIF by default anyway.
    if (!(error instanceof TypeError)) throw error;
    return await createImageBitmap(file, options);
  }
}

// The shrink factors Python applies, in order: a JPEG's reduced decode (8, 4 or 2, as Pillow's
// draft chooses for a 512x512 request), then Image.reduce's box factor, a power of two.
function reductions(width, height, jpeg) {
  const steps = [];
  let w = width;
  let h = height;
  if (jpeg) {
    const scale = Math.min(Math.floor(w / PDQ_SIDE), Math.floor(h / PDQ_SIDE));
    const s = [8, 4, 2, 1].find((candidate) => scale >= candidate) ?? 1;
    if (s > 1) {
      steps.push(s);
      w = Math.ceil(w / s);
      h = Math.ceil(h / s);
    }
  }
  const most = Math.min(MAX_REDUCE, Math.floor(w / PDQ_SIDE), Math.floor(h / PDQ_SIDE));
  const f = [8, 4, 2, 1].find((candidate) => most >= candidate) ?? 1;
  if (f >= 2) steps.push(f);
  return steps;
}

function draw(bitmap, width, height) {
  const canvas =
    typeof OffscreenCanvas === "function"
      ? new OffscreenCanvas(width, height)
      : Object.assign(document.createElement("canvas"), { width, height });
  const context = canvas.getContext("2d", { willReadFrequently: true });
  context.imageSmoothingQuality = "high";
  context.drawImage(bitmap, 0, 0, width, height);
  return { data: context.getImageData(0, 0, width, height).data, width, height };
}

// Each output pixel is the rounded mean of a factor x factor block; blocks cut by the right and
// bottom edges average the pixels they have, as Pillow's Image.reduce does.
function boxReduce({ data, width, height }, factor) {
  const outWidth = Math.ceil(width / factor);
  const outHeight = Math.ceil(height / factor);
  const out = new Uint8ClampedArray(outWidth * outHeight * 4);
  const sums = new Float64Array(outWidth * 4);
  for (let oy = 0; oy < outHeight; oy++) {
    sums.fill(0);
    const top = oy * factor;
    const bottom = Math.min(top + factor, height);
    for (let y = top; y < bottom; y++) {
      let i = y * width * 4;
      for (let x = 0; x < width; x++, i += 4) {
        const o = Math.floor(x / factor) * 4;
        sums[o] += data[i];
        sums[o + 1] += data[i + 1];
        sums[o + 2] += data[i + 2];
        sums[o + 3] += data[i + 3];
      }
    }
    const rows = bottom - top;
    for (let ox = 0; ox < outWidth; ox++) {
      const count = rows * (Math.min((ox + 1) * factor, width) - ox * factor);
      const o = ox * 4;
      const at = (oy * outWidth + ox) * 4;
      out[at] = Math.round(sums[o] / count);
      out[at + 1] = Math.round(sums[o + 1] / count);
      out[at + 2] = Math.round(sums[o + 2] / count);
      out[at + 3] = Math.round(sums[o + 3] / count);
    }
  }
  return { data: out, width: outWidth, height: outHeight };
}

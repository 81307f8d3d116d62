// HEIC and HEIF photos (an iPhone's), decoded with libheif compiled to WebAssembly, for the
// browsers that cannot open them (all but Safari). Loaded only when such a file comes; the
// server decodes them with the same libheif (pillow-heif), so both see the same pixels.

let loading = null;

function libheif() {
  loading ??= import("./vendor/libheif.mjs").then(
    ({ default: start }) =>
      new Promise((resolve, reject) => {
        // The module may be ready before `start` returns it: resolve on the next turn.
        const module = start({
          onRuntimeInitialized: () => queueMicrotask(() => resolve(module)),
          onAbort: (why) => reject(new Error(`libheif: ${why}`)),
        });
      }),
  );
  loading.catch(() => (loading = null)); // a failed load may be tried again with the next file
  return loading;
}

// The brands of ISO media files that hold HEIF images (HEIC photos, HEIF sequences, bursts).
const BRANDS = new Set(["heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs", "mif1", "msf1"]);

/** Whether `bytes` start as a HEIF file: an ISO media `ftyp` box with a HEIF brand. */
export function isHeif(bytes) {
  if (bytes.length < 12) return false;
  const text = (at) => String.fromCharCode(...bytes.subarray(at, at + 4));
  return text(4) === "ftyp" && BRANDS.has(text(8));
}

/**
 * The primary image of a HEIF file as `{data, width, height}` (RGBA, transformations such as a
 * rotation applied, as the server's decoder applies them); null if libheif finds no image in it.
 * Rejects if libheif cannot be loaded or cannot decode the file.
 */
export async function decodeHeif(bytes) {
  const heif = await libheif();
  const decoder = new heif.HeifDecoder();
  const images = decoder.decode(bytes);
  try {
    const image = images.find((candidate) => candidate.is_primary()) ?? images[0];
    if (!image) return null;
    const width = image.get_width();
    const height = image.get_height();
    const data = new Uint8ClampedArray(width * height * 4);
    await new Promise((resolve, reject) => {
      image.display({ data, width, height }, (done) =>
        done ? resolve() : reject(new Error("libheif could not decode the image")),
      );
    });
    return { data, width, height };
  } finally {
    for (const image of images) image.free();
    heif.heif_context_free?.(decoder.decoder);
  }
}

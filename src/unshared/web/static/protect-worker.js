// The protect worker: an ordinary photo -> its fingerprints and its local features (ORB), made
// here so that the photo never leaves the device.
//
// A classic worker of its own, started only when someone protects photos: OpenCV's WebAssembly
// build (static/vendor/opencv.js, 13 MB, 4 MB gzipped) writes and evaluates code as it starts,
// which neither the page nor the hashing worker may ever do. This worker's own security policy
// (unshared/web/serve.py) allows that, and lets it fetch nothing at all: whatever runs here can
// only answer the page.
//
// in:  {load: true}            out: {loaded: true} or {loaded: false, message}
// in:  {id, file, limits}      out: {id, step} while working, then {id, result} or {id, error}
// A result is fingerprint.js's, without the pixels, with `features` (see features.js's
// featuresForSending), or null when the photo gave no picture hash to key them to.

let loading = null;
let queue = Promise.resolve();

function load() {
  loading ??= (async () => {
    importScripts("vendor/opencv.js"); // sets self.cv: a promise of the ready module
    const cv = await self.cv;
    const [{ fingerprint }, features] = await Promise.all([
      import("./fingerprint.js"),
      import("./features.js"),
    ]);
    return { cv, fingerprint, ...features };
  })();
  return loading;
}

self.addEventListener("message", ({ data }) => {
  if (data.load) {
    load().then(
      () => self.postMessage({ loaded: true }),
      (error) => self.postMessage({ loaded: false, message: String(error) }),
    );
    return;
  }
  const { id, file, limits } = data;
  queue = queue.then(() => run(id, file, limits));
});

async function run(id, file, limits) {
  try {
    const { cv, fingerprint, orbFeatures, featuresForSending } = await load();
    const step = (name) => self.postMessage({ id, step: name });
    const { pixels, ...result } = await fingerprint(file, step, limits, { keepPixels: true });
    let features = null;
    if (pixels && result.pdq && !result.exactOnly) {
      step("features");
      features = featuresForSending(orbFeatures(cv, pixels.data, pixels.width, pixels.height));
    }
    self.postMessage({ id, result: { ...result, features } });
  } catch (error) {
    self.postMessage({ id, error: { code: error.code ?? "failed", message: String(error) } });
  }
}

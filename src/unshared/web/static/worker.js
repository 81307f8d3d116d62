// The hashing worker: fingerprints files off the page's thread, so the page stays responsive.
//
// in:  {id, file, limits}      out: {id, step} while working, then {id, result} or {id, error}
// Files are done one after another, so a dozen phone photos never sit decoded in memory at once.

import { fingerprint } from "./fingerprint.js";

let queue = Promise.resolve();

self.addEventListener("message", ({ data: { id, file, limits } }) => {
  queue = queue.then(() => run(id, file, limits));
});

async function run(id, file, limits) {
  try {
    const result = await fingerprint(file, (step) => self.postMessage({ id, step }), limits);
    self.postMessage({ id, result });
  } catch (error) {
    self.postMessage({ id, error: { code: error.code ?? "failed", message: String(error) } });
  }
}

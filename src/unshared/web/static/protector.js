// The page's side of the protect worker (protect-worker.js): started only when someone chooses to
// protect ordinary photos, so OpenCV (4 MB gzipped) is never fetched otherwise.
//
// Like the Fingerprinter (hashing.js) it fingerprints files one after another, and each result
// also carries the photo's features. There is no in-page fallback: OpenCV needs a policy the
// page never has, so where the worker cannot start, protecting photos is unavailable.

import { DEFAULT_LIMITS, FingerprintError } from "./fingerprint.js";

export class Protector {
  constructor() {
    this.pending = new Map(); // id -> {resolve, reject, onStep}
    this.nextId = 1;
    this.limits = DEFAULT_LIMITS;
    this.ready = Promise.resolve();
    this.loaded = null; // a promise of whether OpenCV loaded
    this.worker = null;
  }

  /** As Fingerprinter.useLimits: decide as the service does. */
  useLimits(answer) {
    this.ready = answer.then((limits) => {
      if (limits) {
        this.limits = Object.freeze({
          maxFileBytes: limits.max_file_bytes,
          minQuality: limits.pdq_min_quality,
        });
      }
    });
  }

  /** Start the worker and load OpenCV in it, once: resolves to whether photos can be
   * protected in this browser, on this server. */
  load() {
    this.loaded ??= new Promise((resolve) => {
      try {
        this.worker = new Worker(new URL("./protect-worker.js", import.meta.url));
      } catch {
        resolve(false);
        return;
      }
      this.worker.addEventListener("message", ({ data }) => {
        if ("loaded" in data) resolve(data.loaded);
        else this.receive(data);
      });
      this.worker.addEventListener("error", () => {
        resolve(false);
        this.failAll();
      });
      this.worker.postMessage({ load: true });
    });
    return this.loaded;
  }

  /**
   * The fingerprints and features of `file`: fingerprint.js's result with `features`
   * (`{keypoints, points, descriptors}` in hex, or null). Rejects with a FingerprintError,
   * `unavailable` when OpenCV could not be loaded.
   */
  async fingerprint(file, onStep = () => {}) {
    await this.ready;
    if (!(await this.load())) throw new FingerprintError("unavailable", "OpenCV did not load");
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onStep });
      this.worker.postMessage({ id, file, limits: this.limits });
    });
  }

  receive({ id, step, result, error }) {
    const job = this.pending.get(id);
    if (!job) return;
    if (step) {
      job.onStep(step);
      return;
    }
    this.pending.delete(id);
    if (error) job.reject(new FingerprintError(error.code, error.message));
    else job.resolve(result);
  }

  failAll() {
    const jobs = [...this.pending.values()];
    this.pending.clear();
    for (const job of jobs) job.reject(new FingerprintError("unavailable", "the worker stopped"));
  }
}

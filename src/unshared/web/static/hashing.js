// Fingerprints files in a Web Worker, or on the page where a module worker cannot start.

import { DEFAULT_LIMITS, FingerprintError, fingerprint } from "./fingerprint.js";

export class Fingerprinter {
  constructor() {
    this.pending = new Map(); // id -> {resolve, reject, onStep}
    this.nextId = 1;
    this.queue = Promise.resolve(); // serialises the in-page fallback
    this.limits = DEFAULT_LIMITS; // the service's, once it has said them (useLimits)
    this.ready = Promise.resolve();
    try {
      // The worker draws on an OffscreenCanvas; where there is none (Safari before 16.4), the
      // page does the work itself.
      if (typeof OffscreenCanvas !== "function") throw new Error("no OffscreenCanvas");
      this.worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
      this.worker.addEventListener("message", (event) => this.receive(event.data));
      this.worker.addEventListener("error", () => this.fallBack());
    } catch {
      this.worker = null;
    }
  }

  /**
   * Decide as the service does: `answer` resolves to GET /v1/cases/limits's answer (or null,
   * leaving the defaults). Files given meanwhile wait for it.
   */
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

  /**
   * The fingerprints of `file` (see fingerprint.js); `onStep` hears each step.
   * @param {File} file
   * @param {(step: string) => void} [onStep]
   */
  async fingerprint(file, onStep = () => {}) {
    await this.ready;
    if (!this.worker) return this.inPage(file, onStep);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { file, resolve, reject, onStep });
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

  // A worker that fails to load (an old browser without module workers) hands its jobs back.
  fallBack() {
    this.worker?.terminate();
    this.worker = null;
    const jobs = [...this.pending.values()];
    this.pending.clear();
    for (const job of jobs) this.inPage(job.file, job.onStep).then(job.resolve, job.reject);
  }

  inPage(file, onStep) {
    const limits = this.limits;
    const run = this.queue.then(() => fingerprint(file, onStep, limits));
    this.queue = run.catch(() => {});
    return run;
  }
}

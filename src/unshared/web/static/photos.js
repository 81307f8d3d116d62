// The photos and videos a person chose: local thumbnails, their fingerprints as they are made,
// and the hashes to send. The files themselves never leave this module except to the hashing
// worker (or, for ordinary photos to protect, the protect worker, which adds their features),
// and a video to video.js on this page, one video at a time.

import { el } from "./dom.js";
import { DEFAULT_VIDEO_LIMITS, fingerprintVideo, isVideo } from "./video.js";

// Formats a browser may give no MIME type for (HEIC on most desktops, for one).
const IMAGE_EXTENSIONS = /\.(jpe?g|png|webp|gif|bmp|tiff?|heic|heif|avif)$/i;
// The states of a photo still being fingerprinted: waiting, then the steps the worker reports.
const WORKING = new Set([
  "waiting",
  "reading",
  "hashing",
  "decoding",
  "fingerprinting",
  "features",
  "video.reading",
  "video.hashing",
  "video.frames",
]);
/** Fewest keypoints worth protecting: the service's, until it says its own. */
const MIN_KEYPOINTS = 15;

export class PhotoPicker {
  /**
   * @param {object} parts
   * @param {HTMLUListElement} parts.list where the photos are listed
   * @param {HTMLElement} parts.progress a live region for progress
   * @param {HTMLElement} parts.fallbackFocus where focus goes when the last photo is removed
   * @param {import("./hashing.js").Fingerprinter} parts.fingerprinter
   * @param {(key: string, vars?: object) => string} parts.t the page's translations
   * @param {() => void} parts.onChange called whenever a photo is added, done or removed
   */
  constructor({ list, progress, fallbackFocus, fingerprinter, t, onChange }) {
    Object.assign(this, { list, progress, fallbackFocus, fingerprinter, t, onChange });
    this.items = [];
    this.nextId = 1;
    this.announced = "";
    this.protecting = false; // photos to protect: their features are made and sent too
    this.minKeypoints = MIN_KEYPOINTS;
    this.videoLimits = DEFAULT_VIDEO_LIMITS; // the service's, once it has said them
    this.videos = Promise.resolve(); // videos are fingerprinted one after another
  }

  /**
   * Choose photos to take down (`protecting` false) or ordinary photos to protect, each through
   * its own fingerprinter; photos already chosen are forgotten.
   */
  use(fingerprinter, protecting) {
    this.clear();
    this.fingerprinter = fingerprinter;
    this.protecting = protecting;
  }

  /** Start fingerprinting each of `files` (a FileList or array), in order. */
  addFiles(files) {
    for (const file of files) {
      const item = { id: this.nextId++, file, state: "waiting", result: null, url: null };
      this.items.push(item);
      if (isVideo(file)) {
        item.video = true;
        if (this.protecting) item.state = "error.video_protect";
        else this.addVideo(item);
      } else if (!file.type.startsWith("image/") && !IMAGE_EXTENSIONS.test(file.name)) {
        item.state = "error.not_image";
      } else {
        item.url = URL.createObjectURL(file);
        this.fingerprinter.fingerprint(file, (step) => this.update(item, step)).then(
          (result) => this.finish(item, result),
          (error) => this.update(item, `error.${error.code ?? "failed"}`),
        );
      }
      this.list.append(this.renderItem(item));
    }
    this.changed();
  }

  /** Fingerprint a video on this page, after the videos before it; removing it stops it. */
  addVideo(item) {
    item.stop = new AbortController();
    const onStep = (step, vars) => this.update(item, `video.${step}`, vars);
    const run = () =>
      item.stop.signal.aborted
        ? null
        : fingerprintVideo(item.file, {
            limits: this.videoLimits,
            onStep,
            signal: item.stop.signal,
          }).then(
            (result) => this.finish(item, result),
            (error) => this.update(item, `error.${error.code ?? "failed"}`),
          );
    this.videos = this.videos.then(run);
  }

  finish(item, result) {
    if (!this.items.includes(item)) return; // removed while it was being fingerprinted
    item.result = result;
    item.duplicate = this.items.some(
      (other) => other !== item && !other.duplicate && other.result?.md5 === result.md5,
    );
    this.update(item, item.duplicate ? "duplicate" : this.usable(result));
  }

  // The state of a photo done: ready, or ready for exact copies only; to protect, ready or why not.
  usable(result) {
    if (result.vpdq !== undefined) return result.exactOnly ? "video.plain" : "video.ready";
    if (!this.protecting) return result.exactOnly ?? "ready";
    if (result.exactOnly) return `protect.${result.exactOnly}`;
    return (result.features?.keypoints ?? 0) >= this.minKeypoints ? "protect.ready" : "protect.few";
  }

  update(item, state, vars = {}) {
    if (!this.items.includes(item)) return;
    item.state = state;
    item.vars = vars;
    // Change the row in place: replacing it would take the keyboard focus off its button.
    const row = this.list.querySelector(`[data-id="${item.id}"]`);
    if (row) {
      row.className = `photo ${kindOf(state)}`;
      row.querySelector(".photo-state").textContent = this.t(`photo.${state}`, vars);
    }
    this.changed();
  }

  remove(item) {
    const index = this.items.indexOf(item);
    if (index < 0) return;
    this.items.splice(index, 1);
    item.stop?.abort();
    if (item.url) URL.revokeObjectURL(item.url);
    this.list.querySelector(`[data-id="${item.id}"]`)?.remove();
    // A copy of the removed photo, chosen twice, now stands for it.
    const copy = this.items.find((other) => other.duplicate && other.result.md5 === item.result?.md5);
    if (copy) {
      copy.duplicate = false;
      this.update(copy, this.usable(copy.result));
    }
    // Keep the keyboard where it was: on the next photo's button, or the one before.
    const next = this.items[index] ?? this.items[index - 1];
    const button = next && this.list.querySelector(`[data-id="${next.id}"] button`);
    (button ?? this.fallbackFocus).focus();
    this.changed();
  }

  /** Forget every photo, and release their thumbnails' memory. */
  clear() {
    for (const item of this.items) {
      item.stop?.abort();
      if (item.url) URL.revokeObjectURL(item.url);
    }
    this.items = [];
    this.list.replaceChildren();
    this.announced = "";
    this.changed();
  }

  /** True while any photo is still being fingerprinted. */
  get busy() {
    return this.items.some((item) => WORKING.has(item.state));
  }

  /** What is sent for each usable photo: hashes only, one object per distinct file; for a photo
   * to protect, its hashes and its features. */
  payload() {
    if (this.protecting) {
      return this.items
        .filter((item) => item.state === "protect.ready")
        .map(({ result }) => ({
          pdq: result.pdq,
          quality: result.quality,
          md5: result.md5,
          ...(result.sha256 ? { sha256: result.sha256 } : {}),
          features: result.features,
        }));
    }
    return this.items
      .filter((item) => item.result && !item.duplicate && !item.result.vpdq)
      .map(({ result }) => {
        const hashes = {};
        if (result.pdq && !result.exactOnly) {
          Object.assign(hashes, { pdq: result.pdq, quality: result.quality });
        }
        hashes.md5 = result.md5;
        if (result.sha256) hashes.sha256 = result.sha256;
        return hashes;
      });
  }

  /** What is sent for each usable video with a vPDQ: its hashes only, one object per distinct
   * file. (A video too plain for one goes with the photos, as exact hashes.) */
  videoPayload() {
    if (this.protecting) return [];
    return this.items
      .filter((item) => item.result?.vpdq && !item.duplicate)
      .map(({ result }) => ({
        vpdq: result.vpdq,
        md5: result.md5,
        ...(result.sha256 ? { sha256: result.sha256 } : {}),
      }));
  }

  /** Redraw every photo, as after a change of language. */
  render() {
    this.list.setAttribute("aria-label", this.t("pick.listLabel"));
    this.list.replaceChildren(...this.items.map((item) => this.renderItem(item)));
    this.announced = "";
    this.changed();
  }

  renderItem(item) {
    const { file } = item;
    const thumb = item.url
      ? el("img", { class: "thumb", src: item.url, alt: "", width: 64, height: 64 })
      : el("span", { class: "thumb none" }, this.t(item.video ? "pick.video" : "pick.noPreview"));
    if (item.url) {
      // A format this browser cannot show (HEIC outside Safari) gets a plain tile instead.
      thumb.addEventListener("error", () => {
        thumb.replaceWith(el("span", { class: "thumb none" }, this.t("pick.noPreview")));
      });
    }
    const megabytes = file.size / (1024 * 1024);
    const size =
      megabytes >= 1
        ? this.t("pick.sizeMB", { n: Math.round(megabytes * 10) / 10 })
        : this.t("pick.sizeKB", { n: Math.max(1, Math.round(file.size / 1024)) });
    const remove = el(
      "button",
      {
        type: "button",
        class: "button secondary small-button",
        "aria-label": this.t("pick.removeLabel", { name: file.name }),
      },
      this.t("pick.remove"),
    );
    remove.addEventListener("click", () => this.remove(item));
    return el(
      "li",
      { class: `photo ${kindOf(item.state)}`, "data-id": item.id },
      thumb,
      el(
        "div",
        { class: "photo-text" },
        el("p", { class: "photo-name" }, file.name, " ", el("span", { class: "small" }, size)),
        el("p", { class: "photo-state" }, this.t(`photo.${item.state}`, item.vars)),
      ),
      remove,
    );
  }

  changed() {
    const total = this.items.length;
    const done = this.items.filter((item) => !WORKING.has(item.state)).length;
    let message;
    const ready = this.payload().length + this.videoPayload().length;
    const prefix = this.protecting ? "protect." : "";
    if (total === 0) message = "";
    else if (this.busy) message = this.t(`${prefix}progress.working`, { done, n: total });
    else if (ready === 0) message = this.t(`${prefix}send.nothingReady`);
    else message = this.t(`${prefix}progress.done`, { n: ready });
    // Say each count once: a live region that repeats itself is hard to listen to.
    if (message !== this.announced) {
      this.progress.textContent = message;
      this.announced = message;
    }
    this.onChange();
  }
}

// How a photo's row looks: still working, usable, left out (a repeat, or a photo that cannot
// be protected), or unusable.
function kindOf(state) {
  if (WORKING.has(state)) return "working";
  if (state.startsWith("error")) return "error";
  if (state === "duplicate" || (state.startsWith("protect.") && state !== "protect.ready")) {
    return "skipped";
  }
  return "ready";
}

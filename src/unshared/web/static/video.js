// One video's fingerprints (vPDQ, MD5, SHA-256), made from the file in the browser.
//
// vPDQ as Meta's reference makes it (vpdq's filehasher.cpp, which the Python side runs): of the
// frames the decoder gives, numbered from 0, every floor(secondsPerHash x frame rate)-th is
// converted to RGB at the video's own size (no downsampling: the reference's default) and
// hashed with PDQ; frames under quality 50 are left out and repeats kept once
// (unshared/video.py). Here the browser's own decoder gives the frames: the video plays in a
// <video> element from an object URL, each sampled frame is reached by seeking to the middle of
// its display time, drawn onto a canvas at the video's size, and hashed with the page's PDQ
// (pdq.js). The browser says no frame rate, so it is measured from a few frames' times
// (requestVideoFrameCallback) while the video plays muted. Nothing leaves the device.
//
// Runs on the page (a <video> element has no place in a worker); it yields between frames so
// the page stays responsive, and stops when its AbortSignal fires.

import { FingerprintError } from "./fingerprint.js";
import { md5Hex } from "./md5.js";
import { pdqFromRGBA } from "./pdq.js";

/** The service's defaults, until GET /v1/cases/limits says its own. */
export const DEFAULT_VIDEO_LIMITS = Object.freeze({
  maxBytes: 200 * 1024 * 1024,
  maxSeconds: 600,
  maxFrames: 3600,
  secondsPerHash: 1,
  minFrameQuality: 50,
});

// Formats a browser may give no MIME type for.
export const VIDEO_EXTENSIONS = /\.(mp4|m4v|mov|webm|mkv|3gp|ogv)$/i;

/** Whether `file` is taken as a video. */
export const isVideo = (file) => file.type.startsWith("video/") || VIDEO_EXTENSIONS.test(file.name);

const MIN_SIDE = 5; // PDQ needs at least 5x5 pixels
const LOAD_TIMEOUT_MS = 15_000; // a browser that cannot decode the file may never say so
const SEEK_TIMEOUT_MS = 10_000;
const RATE_FRAMES = 12; // frames timed to measure the frame rate
// Frame rates as containers give them: a measured rate within 0.05% of one is taken as it.
const KNOWN_RATES = [
  24000 / 1001, 24, 25, 30000 / 1001, 30, 48, 50, 60000 / 1001, 60, 12, 15, 10, 5, 1,
];

/**
 * The fingerprints of one video file: `{md5, sha256, vpdq, frames, distinctFrames, seconds,
 * frameRate, width, height, exactOnly, hashes}`. `vpdq` is the distinct frames' PDQ of quality
 * 50 or more, 64 hex digits each, one after another; null with `exactOnly: "plain"` when no
 * frame is detailed enough (the exact hashes then go alone). `hashes` is every sampled frame's
 * `{frame, seconds, pdq, quality}`, for tests and for the curious: never sent.
 *
 * Rejects with a FingerprintError: `empty`, `video_too_large`, `video_too_long`,
 * `video_unreadable` (this browser cannot decode it) or `cancelled`.
 *
 * @param {File|Blob} file
 * @param {{limits?: object, onStep?: (step: string, vars?: object) => void,
 *          signal?: AbortSignal}} [options]
 */
export async function fingerprintVideo(file, options = {}) {
  const limits = { ...DEFAULT_VIDEO_LIMITS, ...(options.limits ?? {}) };
  const onStep = options.onStep ?? (() => {});
  const signal = options.signal ?? new AbortController().signal;
  if (file.size === 0) throw new FingerprintError("empty", "the file is empty");
  if (file.size > limits.maxBytes) {
    throw new FingerprintError("video_too_large", `the video is over ${limits.maxBytes} bytes`);
  }
  const url = URL.createObjectURL(file);
  const video = document.createElement("video");
  try {
    onStep("reading");
    video.muted = true;
    video.playsInline = true;
    video.preload = "auto";
    video.src = url;
    await loaded(video, signal);
    const seconds = video.duration;
    if (!Number.isFinite(seconds) || video.videoWidth < MIN_SIDE || video.videoHeight < MIN_SIDE) {
      throw unreadable("no duration or picture");
    }
    if (seconds > limits.maxSeconds) {
      throw new FingerprintError("video_too_long", `the video lasts over ${limits.maxSeconds} s`);
    }

    onStep("hashing");
    const bytes = new Uint8Array(await file.arrayBuffer());
    const sha256 = await sha256Hex(bytes);
    const md5 = md5Hex(bytes);

    const frameRate = await measureFrameRate(video, seconds, signal);
    const hashes = await hashFrames(video, frameRate, seconds, limits, onStep, signal);
    const good = hashes.filter((h) => h.quality >= limits.minFrameQuality).map((h) => h.pdq);
    const distinct = [...new Set(good)].slice(0, limits.maxFrames);
    return {
      md5,
      sha256,
      vpdq: distinct.length ? distinct.join("") : null,
      frames: hashes.length,
      distinctFrames: distinct.length,
      seconds,
      frameRate,
      width: video.videoWidth,
      height: video.videoHeight,
      exactOnly: distinct.length ? null : "plain",
      hashes,
    };
  } finally {
    video.removeAttribute("src");
    video.load(); // lets the decoder go at once
    URL.revokeObjectURL(url);
  }
}

const unreadable = (why) =>
  new FingerprintError("video_unreadable", `this browser cannot decode the video: ${why}`);

function cancelled(signal) {
  if (signal.aborted) throw new FingerprintError("cancelled", "stopped");
}

/** Resolves once `video` has its first frame; a FingerprintError if it cannot be decoded. */
function loaded(video, signal) {
  return new Promise((resolve, reject) => {
    const done = (outcome) => {
      clearTimeout(timer);
      video.removeEventListener("loadeddata", ok);
      video.removeEventListener("error", bad);
      signal.removeEventListener("abort", stop);
      outcome();
    };
    const ok = () => done(resolve);
    const bad = () => done(() => reject(unreadable(video.error?.message || "decoder error")));
    const stop = () => done(() => reject(new FingerprintError("cancelled", "stopped")));
    const timer = setTimeout(() => done(() => reject(unreadable("it did not load"))), LOAD_TIMEOUT_MS);
    video.addEventListener("loadeddata", ok);
    video.addEventListener("error", bad);
    signal.addEventListener("abort", stop);
    if (video.readyState >= 2) ok();
  });
}

/**
 * The video's frame rate. A first guess from the media times of frames shown while it plays
 * muted (the shortest step between two: a dropped frame only makes a step longer), then made
 * exact by seeking further and further in and counting the frames to the one shown there: its
 * time over its number. WebM keeps times to the millisecond, so only a long span tells 24 from
 * 23.976 frames a second, and the reference samples every 23rd frame of one, every 24th of the
 * other. 30 where the browser cannot tell (no requestVideoFrameCallback).
 */
async function measureFrameRate(video, seconds, signal) {
  if (typeof video.requestVideoFrameCallback !== "function") return 30;
  const times = [];
  await new Promise((resolve) => {
    const timer = setTimeout(resolve, 3000);
    const frame = (now, metadata) => {
      times.push(metadata.mediaTime);
      if (times.length >= RATE_FRAMES || signal.aborted || video.ended) {
        clearTimeout(timer);
        resolve();
      } else {
        video.requestVideoFrameCallback(frame);
      }
    };
    video.requestVideoFrameCallback(frame);
    video.play().catch(() => {
      clearTimeout(timer);
      resolve();
    });
  });
  video.pause();
  cancelled(signal);
  const steps = [];
  for (let i = 1; i < times.length; i++) {
    const step = times[i] - times[i - 1];
    if (step > 1e-4) steps.push(step);
  }
  if (steps.length === 0) return 30;
  let rate = 1 / Math.min(...steps);
  // Each span is short enough for the rate so far to count its frames without error.
  for (const span of [0.5, 4, 30, 240]) {
    if (span > seconds * 0.9) break;
    cancelled(signal);
    const shown = await seek(video, span);
    if (!(shown > 0)) break;
    rate = Math.round(shown * rate) / shown;
  }
  const known = KNOWN_RATES.find((candidate) => Math.abs(candidate - rate) / candidate < 0.0005);
  return known ?? rate;
}

/** PDQ of every sampled frame, as the reference samples them. */
async function hashFrames(video, frameRate, seconds, limits, onStep, signal) {
  const every = Math.max(1, Math.floor(limits.secondsPerHash * frameRate));
  // Containers round the duration (WebM to the millisecond): the frame count is the nearest.
  const lastFrame = Math.max(0, Math.round(seconds * frameRate) - 1);
  const sampled = [];
  for (let frame = 0; frame <= lastFrame; frame += every) sampled.push(frame);
  const { width, height } = { width: video.videoWidth, height: video.videoHeight };
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext("2d", { willReadFrequently: true });
  const hashes = [];
  for (const [i, frame] of sampled.entries()) {
    cancelled(signal);
    onStep("frames", { i: i + 1, n: sampled.length });
    // The middle of the frame's display time: a seek lands on the frame shown then.
    const at = Math.min((frame + 0.5) / frameRate, Math.max(0, seconds - 0.5 / frameRate));
    await seek(video, at);
    context.drawImage(video, 0, 0, width, height);
    const { hash, quality } = pdqFromRGBA(context.getImageData(0, 0, width, height).data, width, height);
    hashes.push({ frame, seconds: frame / frameRate, pdq: hash, quality });
  }
  cancelled(signal);
  return hashes;
}

/** Seek to `at` and wait until its frame is ready to draw; resolves to that frame's media
 * time where the browser tells it (else null). */
function seek(video, at) {
  return new Promise((resolve, reject) => {
    let shown = null;
    let presented = typeof video.requestVideoFrameCallback !== "function";
    let sought = false;
    const timer = setTimeout(() => {
      video.removeEventListener("seeked", onSeeked);
      reject(unreadable("a frame did not decode"));
    }, SEEK_TIMEOUT_MS);
    const check = () => {
      if (presented && sought) {
        clearTimeout(timer);
        resolve(shown);
      }
    };
    const onSeeked = () => {
      video.removeEventListener("seeked", onSeeked);
      sought = true;
      // A paused video may show no new frame when the seek lands on the one already shown.
      if (!presented) setTimeout(() => ((presented = true), check()), 250);
      check();
    };
    if (!presented) {
      video.requestVideoFrameCallback((now, metadata) => {
        shown = metadata.mediaTime;
        presented = true;
        check();
      });
    }
    video.addEventListener("seeked", onSeeked);
    video.currentTime = at;
  });
}

async function sha256Hex(bytes) {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null; // only on insecure origins; MD5 and vPDQ still go
  const digest = new Uint8Array(await subtle.digest("SHA-256", bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

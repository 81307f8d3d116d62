// One ordinary photo's local features (ORB keypoints and descriptors), made in the browser as the
// server makes them for a protect bank (unshared/features/extract.py), so that the server can
// keep them in place of the photo: same OpenCV version (5.0, compiled to WebAssembly), same
// pixels (fingerprint.js prepares them as the server's decode does), same grey conversion, same
// resize, same ORB settings, same choice of keypoints over the grid.
//
// `cv` is the OpenCV module, loaded by the protect worker only when someone protects photos.

/** Most keypoints kept per photo: the server's MAX_KEYPOINTS. */
export const MAX_KEYPOINTS = 500;
const GRID = 4;
const OVERSAMPLE = 3;
const MAX_SIDE = 640;
const MIN_SIDE = 400;
const FAST_THRESHOLD = 10;
const DESCRIPTOR_BYTES = 32;

/**
 * The ORB features of an RGBA picture: `{count, points, descriptors}`, `points` a Float32Array
 * of x, y pairs divided by the longer side of the picture ORB saw, `descriptors` a Uint8Array
 * of 32 bytes per keypoint. Empty (count 0) for a featureless picture.
 *
 * @param {object} cv the OpenCV module
 * @param {Uint8ClampedArray|Uint8Array} rgba
 * @param {number} width
 * @param {number} height
 * @param {number} [maxKeypoints]
 */
export function orbFeatures(cv, rgba, width, height, maxKeypoints = MAX_KEYPOINTS) {
  const owned = []; // every OpenCV object made here, deleted at the end (WebAssembly memory)
  const keep = (object) => (owned.push(object), object);
  try {
    const colour = keep(new cv.Mat(height, width, cv.CV_8UC4));
    colour.data.set(rgba);
    let grey = keep(new cv.Mat());
    cv.cvtColor(colour, grey, cv.COLOR_RGBA2GRAY);
    let side = Math.max(width, height);
    if (side < MIN_SIDE || side > MAX_SIDE) {
      const scale = Math.min(Math.max(side, MIN_SIDE), MAX_SIDE) / side;
      const size = new cv.Size(
        Math.max(1, roundHalfEven(width * scale)),
        Math.max(1, roundHalfEven(height * scale)),
      );
      const resized = keep(new cv.Mat());
      const how = scale < 1 ? cv.INTER_AREA : cv.INTER_LINEAR;
      cv.resize(grey, resized, size, 0, 0, how);
      grey = resized;
      side = Math.max(grey.cols, grey.rows);
    }
    const orb = keep(
      new cv.ORB(OVERSAMPLE * maxKeypoints, 1.2, 8, 31, 0, 2, cv.ORB_HARRIS_SCORE, 31, FAST_THRESHOLD),
    );
    const none = keep(new cv.Mat());
    const found = keep(new cv.KeyPointVector());
    orb.detect(grey, found, none);
    const detected = [];
    for (let i = 0; i < found.size(); i++) detected.push(found.get(i));
    // The server's fixed order: the detector's own depends on the C++ library it was built with.
    detected.sort((a, b) => a.octave - b.octave || a.pt.y - b.pt.y || a.pt.x - b.pt.x);
    const chosen = keep(new cv.KeyPointVector());
    for (const i of spread(detected, grey.cols, grey.rows, maxKeypoints)) {
      chosen.push_back(detected[i]);
    }
    const described = keep(new cv.Mat());
    orb.compute(grey, chosen, described);
    const count = described.rows === chosen.size() ? chosen.size() : 0;
    const points = new Float32Array(2 * count);
    for (let i = 0; i < count; i++) {
      const { pt } = chosen.get(i);
      // Float32 division, as numpy divides a float32 array by a float32 side.
      points[2 * i] = Math.fround(pt.x) / side;
      points[2 * i + 1] = Math.fround(pt.y) / side;
    }
    const descriptors = new Uint8Array(described.data.subarray(0, count * DESCRIPTOR_BYTES));
    return { count, points, descriptors };
  } finally {
    for (const object of owned.reverse()) object.delete();
  }
}

/**
 * Indexes of at most `count` of `keypoints` (kept in their order): the strongest
 * `count / GRID**2` of each grid cell, then the strongest of the rest until `count`; ties go to
 * the earlier keypoint. The server's `_spread`, step for step.
 */
export function spread(keypoints, width, height, count) {
  const n = keypoints.length;
  const all = Array.from({ length: n }, (_, i) => i);
  if (n <= count) return all;
  const response = keypoints.map((k) => k.response);
  const cell = keypoints.map((k) => {
    const col = Math.min(Math.trunc((k.pt.x * GRID) / width), GRID - 1);
    const row = Math.min(Math.trunc((k.pt.y * GRID) / height), GRID - 1);
    return row * GRID + col;
  });
  const byCell = all.slice().sort((a, b) => cell[a] - cell[b] || response[b] - response[a] || a - b);
  const perCell = Math.floor(count / (GRID * GRID));
  const taken = new Array(GRID * GRID).fill(0);
  const chosen = new Set();
  for (const i of byCell) {
    if (taken[cell[i]]++ < perCell) chosen.add(i);
  }
  const rest = all
    .filter((i) => !chosen.has(i))
    .sort((a, b) => response[b] - response[a] || a - b)
    .slice(0, count - chosen.size);
  return [...chosen, ...rest].sort((a, b) => a - b);
}

// Python's round(): halves go to the even neighbour.
function roundHalfEven(value) {
  const floor = Math.floor(value);
  const fraction = value - floor;
  if (fraction !== 0.5) return Math.round(value);
  return floor % 2 === 0 ? floor : floor + 1;
}

/** Lower-case hex of bytes; the features travel as hex, like every hash the page sends. */
export function toHex(bytes) {
  let out = "";
  for (const byte of bytes) out += byte.toString(16).padStart(2, "0");
  return out;
}

/** The features as sent: points as little-endian float32, descriptors as bytes, both in hex. */
export function featuresForSending({ count, points, descriptors }) {
  const little = new DataView(new ArrayBuffer(points.length * 4));
  points.forEach((value, i) => little.setFloat32(4 * i, value, true));
  return {
    keypoints: count,
    points: toHex(new Uint8Array(little.buffer)),
    descriptors: toHex(descriptors),
  };
}

// PDQ perceptual hash of RGBA pixels, in the browser, with no dependencies.
//
// Written from Meta's description of PDQ (ThreatExchange, pdq/README.md and hashing.pdf), with
// the C++ reference read for its order of float operations:
//
//   RGB -> luminance -> two passes of a Jarosz box filter along rows and columns -> sample
//   64x64 -> the 16x16 lowest non-constant DCT coefficients -> one bit per coefficient,
//   set when it is above their median. Quality counts the strong gradients of the 64x64.
//
// Goal: the same 256 bits as the C++ reference (through the `pdqhash` binding the Python side
// uses) on the same pixels, so a hash made in a person's browser matches one made on a server.
// The reference works in 32-bit floats and its rounding decides the bits of coefficients that
// sit right at the median, so every float operation here is rounded to float32 in the
// reference's order: through Math.fround, or by storing into a Float32Array (float32 a, b:
// a op b computed in double and then rounded equals the float32 a op b, for + - * /).

const SIDE = 64; // the downsample PDQ takes its DCT of
const CUT = 16; // the DCT coefficients kept per dimension
const BLUR_PASSES = 2; // two box passes per dimension approximate a tent filter
const MIN_SIDE = 5; // the reference gives no hash under this
const ROW_BLOCK = 16; // rows filtered together

/** The order of `pdqDihedralFromRGBA` hashes (the reference's and pdqhash's order). */
export const DIHEDRAL_ORDER = Object.freeze([
  "original",
  "rotate90", // anticlockwise
  "rotate180",
  "rotate270",
  "flipTopBottom",
  "flipLeftRight",
  "transpose", // about the main diagonal
  "transverse", // about the other diagonal
]);

// 16x64, row-major: row u is the DCT-II basis vector of frequency u + 1 (frequency 0, the mean,
// says nothing about the picture's structure and is left out). Built in double and rounded to
// float32 once, as the reference does.
const DCT = (() => {
  const scale = Math.fround(Math.sqrt(2 / SIDE));
  const matrix = new Float32Array(CUT * SIDE);
  for (let u = 0; u < CUT; u++) {
    for (let x = 0; x < SIDE; x++) {
      matrix[u * SIDE + x] = scale * Math.cos((Math.PI / 2 / SIDE) * (u + 1) * (2 * x + 1));
    }
  }
  return matrix;
})();

/**
 * PDQ of an image given as RGBA bytes, as from a canvas's getImageData().data.
 *
 * Alpha is ignored, as on the Python side, which keeps the colour under transparent pixels
 * (as the PDQ reference tools do). Pass `{alpha: "white"}` to composite onto white instead.
 *
 * @param {Uint8ClampedArray|Uint8Array} data width * height * 4 bytes, row by row
 * @param {number} width
 * @param {number} height
 * @param {{alpha?: "ignore"|"white"}} [options]
 * @returns {{hash: string, quality: number}} 64 lower-case hex digits, and quality 0-100
 * @throws {RangeError} when the sizes do not fit the data or a side is under 5 pixels
 */
export function pdqFromRGBA(data, width, height, options = {}) {
  const { coefficients, quality } = pdqCoefficients(data, width, height, options);
  return { hash: bitsToHex(coefficients), quality };
}

/**
 * PDQ of the image and of its 7 other rotations and flips, in the order of DIHEDRAL_ORDER.
 *
 * Each variant comes from the one DCT by sign changes and a transpose, as in the reference, so
 * it costs little more than one hash; it is within a few bits of hashing the turned pixels.
 *
 * @returns {{hashes: string[], quality: number}}
 */
export function pdqDihedralFromRGBA(data, width, height, options = {}) {
  const { coefficients, quality } = pdqCoefficients(data, width, height, options);
  const hashes = DIHEDRAL_ORDER.map((name) => bitsToHex(turn(coefficients, name)));
  return { hashes, quality };
}

function pdqCoefficients(data, width, height, { alpha = "ignore" } = {}) {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 0 || height < 0) {
    throw new RangeError(`width and height must be whole numbers, not ${width} and ${height}`);
  }
  if (data.length !== width * height * 4) {
    const needed = width * height * 4;
    throw new RangeError(`${width}x${height} RGBA is ${needed} bytes, not ${data.length}`);
  }
  if (width < MIN_SIDE || height < MIN_SIDE) {
    const least = `${MIN_SIDE}x${MIN_SIDE}`;
    throw new RangeError(`a ${width}x${height} image is too small for PDQ (${least} at least)`);
  }
  if (alpha !== "ignore" && alpha !== "white") {
    throw new RangeError(`alpha must be "ignore" or "white", not ${alpha}`);
  }
  const luma = lumaOf(data, width * height, alpha === "white");
  const small = downsample(luma, height, width);
  return { coefficients: dct16(small), quality: qualityOf(small) };
}

// Y = 0.299 R + 0.587 G + 0.114 B, summed in double and then rounded to float32: that is what the
// pdqhash binding feeds the reference (numpy arithmetic); the reference's own loaders sum in
// float32, which can differ in the last bit of a pixel and very rarely in one hash bit.
function lumaOf(data, count, onWhite) {
  const luma = new Float32Array(count);
  for (let p = 0, i = 0; p < count; p++, i += 4) {
    let r = data[i];
    let g = data[i + 1];
    let b = data[i + 2];
    if (onWhite) {
      const a = data[i + 3];
      if (a !== 255) {
        // Over white: c * a + 255 * (1 - a), with a in 0..1, rounded to the nearest level.
        const under = 255 * (255 - a);
        r = Math.round((r * a + under) / 255);
        g = Math.round((g * a + under) / 255);
        b = Math.round((b * a + under) / 255);
      }
    }
    luma[p] = r * 0.299 + g * 0.587 + b * 0.114;
  }
  return luma;
}

// Blur and sample the luminance down to 64x64 (row-major Float32Array of 4096).
function downsample(luma, rows, cols) {
  if (rows === SIDE && cols === SIDE) {
    // Already the size: the reference skips the blur (a box of 1, which would only round).
    // Its dihedral entry point does not skip it; no hash was seen to differ over 3000 images.
    return luma;
  }
  const across = jaroszWindow(cols);
  const down = jaroszWindow(rows);
  // The 64x64 takes the pixel nearest the centre of each cell.
  const sampledRows = centres(rows);
  const sampledCols = centres(cols);

  const scratch = new Float32Array(rows * cols);
  const sums = new Float32Array(Math.max(cols, ROW_BLOCK, SIDE)); // one per lane
  for (let pass = 0; pass < BLUR_PASSES; pass++) {
    for (let r = 0; r < rows; r += ROW_BLOCK) {
      const block = Math.min(ROW_BLOCK, rows - r);
      boxFilter(luma, scratch, r * cols, block, cols, cols, 1, across, sums);
    }
    if (pass < BLUR_PASSES - 1) {
      boxFilter(scratch, luma, 0, cols, 1, rows, cols, down, sums);
    }
  }
  // Columns are filtered independently, so the last pass down them need only run down the 64
  // that are sampled: a quarter of the work saved, with the same result.
  const picked = new Float32Array(rows * SIDE);
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < SIDE; j++) picked[r * SIDE + j] = scratch[r * cols + sampledCols[j]];
  }
  const blurred = new Float32Array(rows * SIDE);
  boxFilter(picked, blurred, 0, SIDE, 1, rows, SIDE, down, sums);

  const small = new Float32Array(SIDE * SIDE);
  for (let i = 0; i < SIDE; i++) {
    small.set(blurred.subarray(sampledRows[i] * SIDE, (sampledRows[i] + 1) * SIDE), i * SIDE);
  }
  return small;
}

// The index of the pixel nearest the centre of each of 64 equal cells along a side.
function centres(side) {
  return Int32Array.from({ length: SIDE }, (_, i) => Math.floor(((i + 0.5) * side) / SIDE));
}

// Each pass spans half a cell of the 64x64 grid, so two passes together average a whole cell:
// ceil(side / 128).
function jaroszWindow(side) {
  return Math.floor((side + 2 * SIDE - 1) / (2 * SIDE));
}

// A box filter as a running sum. Output k averages the inputs from k - (window - half) to
// k + half - 1, clipped to the ends, where half = floor((window + 2) / 2); near the ends the
// average is over fewer inputs. The running sum adds the entering input before subtracting the
// leaving one, in float32, as the reference does, since the order changes the rounding.
//
// The sum runs along `length` steps of `step` for each of `lanes` lanes `laneStride` apart, all
// lanes at once: the additions of different lanes do not wait on each other, and down columns
// (lanes = the columns) memory is read in order.
function boxFilter(src, dst, base, lanes, laneStride, length, step, window, sums) {
  const half = (window + 2) >> 1;
  sums.fill(0, 0, lanes); // storing into a Float32Array rounds each sum to float32
  let add = base; // where the next input to enter the window is, in lane 0
  let sub = base; // where the next input to leave it is
  let out = base;
  let count = 0;
  for (let k = 0; k < half - 1; k++, add += step) {
    count++;
    for (let l = 0, at = 0; l < lanes; l++, at += laneStride) sums[l] += src[add + at];
  }
  for (let k = 0; k < window - half + 1; k++, add += step, out += step) {
    count++;
    for (let l = 0, at = 0; l < lanes; l++, at += laneStride) {
      sums[l] += src[add + at];
      dst[out + at] = sums[l] / count;
    }
  }
  for (let k = 0; k < length - window; k++, add += step, sub += step, out += step) {
    for (let l = 0, at = 0; l < lanes; l++, at += laneStride) {
      sums[l] += src[add + at];
      sums[l] -= src[sub + at];
      dst[out + at] = sums[l] / count;
    }
  }
  for (let k = 0; k < half - 1; k++, sub += step, out += step) {
    count--;
    for (let l = 0, at = 0; l < lanes; l++, at += laneStride) {
      sums[l] -= src[sub + at];
      dst[out + at] = sums[l] / count;
    }
  }
}

// Sum of the absolute vertical and horizontal steps of the 64x64, each in whole hundredths of
// full scale (truncated, so faint noise counts for nothing), over 90, at most 100. The constants
// are the reference's hand-tuned ones.
function qualityOf(small) {
  let total = 0;
  const step = (u, v) => {
    const hundredths = Math.fround(Math.fround(Math.fround(u - v) * 100) / 255);
    return Math.abs(Math.trunc(hundredths));
  };
  for (let i = 0; i < SIDE - 1; i++) {
    for (let j = 0; j < SIDE; j++) total += step(small[i * SIDE + j], small[(i + 1) * SIDE + j]);
  }
  for (let i = 0; i < SIDE; i++) {
    for (let j = 0; j < SIDE - 1; j++) total += step(small[i * SIDE + j], small[i * SIDE + j + 1]);
  }
  return Math.min(100, Math.floor(total / 90));
}

// B = D A D^T for the 64x64 A and the 16x64 D: 16x16, row-major. Each dot product is summed in
// float32 from k = 0 upwards, like the reference.
function dct16(small) {
  const da = new Float32Array(CUT * SIDE); // D A
  for (let u = 0; u < CUT; u++) {
    const d = u * SIDE;
    for (let x = 0; x < SIDE; x++) {
      let sum = 0;
      for (let k = 0; k < SIDE; k++) {
        sum = Math.fround(sum + Math.fround(DCT[d + k] * small[k * SIDE + x]));
      }
      da[u * SIDE + x] = sum;
    }
  }
  const out = new Float32Array(CUT * CUT);
  for (let u = 0; u < CUT; u++) {
    for (let v = 0; v < CUT; v++) {
      let sum = 0;
      for (let k = 0; k < SIDE; k++) {
        sum = Math.fround(sum + Math.fround(da[u * SIDE + k] * DCT[v * SIDE + k]));
      }
      out[u * CUT + v] = sum;
    }
  }
  return out;
}

// The DCT of the turned 64x64, from the DCT of the original. Reversing the image's rows
// multiplies coefficient row u by (-1)^(u + 1), that is, negates the rows with even u (the
// basis starts at frequency 1); reversing its columns does the same to the coefficient columns;
// transposing the image transposes the coefficients. Each turn is a transpose or not, then a
// reversal of the rows and/or of the columns:
//                   [transpose, reverse rows, reverse columns]
const TURNS = {
  original: [false, false, false],
  rotate90: [true, true, false],
  rotate180: [false, true, true],
  rotate270: [true, false, true],
  flipTopBottom: [false, true, false],
  flipLeftRight: [false, false, true],
  transpose: [true, false, false],
  transverse: [true, true, true],
};

function turn(coefficients, name) {
  const [transpose, reverseRows, reverseCols] = TURNS[name];
  const out = new Float32Array(CUT * CUT);
  for (let u = 0; u < CUT; u++) {
    for (let v = 0; v < CUT; v++) {
      const x = coefficients[transpose ? v * CUT + u : u * CUT + v];
      const negate = (reverseRows && u % 2 === 0) !== (reverseCols && v % 2 === 0);
      out[u * CUT + v] = negate ? -x : x;
    }
  }
  return out;
}

// Bit u * 16 + v is set when coefficient (u, v) is above the median; the hex starts with bit
// 255, as the reference prints it (and as pdqhash's bit vector runs).
function bitsToHex(coefficients) {
  // The lower median (the 128th smallest), which is what the reference's Torben median gives
  // for 256 values. Coefficients equal to it are not above it.
  const median = Float32Array.from(coefficients).sort()[CUT * CUT / 2 - 1];
  let hex = "";
  for (let top = CUT * CUT - 1; top >= 0; top -= 4) {
    let nibble = 0;
    for (let bit = top; bit > top - 4; bit--) {
      nibble = (nibble << 1) | (coefficients[bit] > median ? 1 : 0);
    }
    hex += nibble.toString(16);
  }
  return hex;
}

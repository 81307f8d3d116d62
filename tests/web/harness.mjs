// Runs the page's hashing modules in node for the Python tests.
//
// stdin: a JSON list of jobs, each {op, path, width?, height?, options?, repeat?}, where path is a
// file of raw bytes (RGBA pixels for the PDQ ops). stdout: a JSON list with one result per job,
// holding what the function returned and `ms`, the median time of `repeat` calls (default 1).

import { readFileSync } from "node:fs";
import { md5Hex } from "../../src/unshared/web/static/md5.js";
import { pdqDihedralFromRGBA, pdqFromRGBA } from "../../src/unshared/web/static/pdq.js";

const OPS = {
  md5: (bytes) => ({ hash: md5Hex(bytes) }),
  pdq: (bytes, job) => pdqFromRGBA(bytes, job.width, job.height, job.options),
  pdq_dihedral: (bytes, job) => pdqDihedralFromRGBA(bytes, job.width, job.height, job.options),
};

function run(job) {
  const op = OPS[job.op];
  if (!op) throw new Error(`unknown op ${job.op}`);
  const bytes = new Uint8Array(readFileSync(job.path));
  const times = [];
  let result;
  for (let i = 0; i < (job.repeat ?? 1); i++) {
    const start = performance.now();
    result = op(bytes, job);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { ...result, ms: times[Math.floor(times.length / 2)] };
}

function runOrReport(job) {
  try {
    return run(job);
  } catch (error) {
    return { error: `${error.name}: ${error.message}` };
  }
}

const jobs = JSON.parse(readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(jobs.map(runOrReport)));

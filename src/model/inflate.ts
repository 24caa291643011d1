import { Inflate } from 'fflate';

/** Inflate raw-deflate data, refusing output larger than `limit` bytes (a decompression bomb). */
export function inflateLimited(data: Uint8Array, limit: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let tooLarge = false;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > limit) tooLarge = true;
    else chunks.push(chunk);
  });
  // Small input steps bound the memory one step can expand into (deflate expands at most ~1032×).
  const step = 4 * 1024;
  for (let offset = 0; offset < data.length && !tooLarge; offset += step) {
    const end = Math.min(offset + step, data.length);
    inflater.push(data.subarray(offset, end), end === data.length);
  }
  if (data.length === 0) inflater.push(new Uint8Array(0), true);
  if (tooLarge) throw new Error(`it expands to more than ${Math.round(limit / 1024 / 1024)} MB`);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

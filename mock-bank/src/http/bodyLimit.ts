// Request bodies over MAX_BODY_BYTES get 413 (spec §9). The body is read to its end first, counting
// bytes, so the client gets the answer instead of a reset connection; bytes past the limit are dropped
// as they arrive, so a huge body costs no memory.
import { createMiddleware } from 'hono/factory';
import { MAX_BODY_BYTES } from '../rules.ts';
import { MSG } from '../messages.ts';
import type { AppEnv } from './env.ts';

const TEST_API_PATH = /^\/__test__(\/|$)/;

type ReadBody = { tooLarge: false; bytes: Uint8Array<ArrayBuffer> } | { tooLarge: true };

async function readCounting(body: ReadableStream<Uint8Array>, limit: number): Promise<ReadBody> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size <= limit) chunks.push(value);
  }
  if (size > limit) return { tooLarge: true };
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { tooLarge: false, bytes };
}

export const bodyLimit = createMiddleware<AppEnv>(async (c, next) => {
  const body = c.req.raw.body;
  if (!body) return next();
  let read: ReadBody;
  try {
    read = await readCounting(body, MAX_BODY_BYTES);
  } catch {
    // The client went away mid-body: nobody is left to answer, but the log should not say 500.
    return c.body(null, 400);
  }
  if (read.tooLarge) {
    return TEST_API_PATH.test(c.req.path)
      ? c.json({ error: `body: larger than ${MAX_BODY_BYTES} bytes` }, 413)
      : c.text(MSG.tooLarge, 413);
  }
  // The stream is spent: hand later handlers (c.req.json(), parseBody()...) the same bytes again.
  c.req.raw = new Request(c.req.raw, { body: read.bytes });
  await next();
});

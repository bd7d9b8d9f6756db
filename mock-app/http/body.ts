/** A form body may be at most this long; a longer one is answered 413. */
export const MAX_BODY_BYTES = 16 * 1024;

/**
 * A body over the limit is still read to its end, and dropped, up to these bounds, so that the client
 * receives its 413 page instead of a connection reset while it is still sending (a server that answers
 * and closes with unread data in the socket makes the kernel send RST). Past a bound the mock answers
 * 413 with `Connection: close` without reading further.
 */
export const DRAIN_MAX_BYTES = 16 * 1024 * 1024;
export const DRAIN_MAX_MS = 5_000;

export type BodyRead =
  | { kind: 'ok'; bytes: Uint8Array<ArrayBuffer> }
  /** `drained`: the whole body was read, so the connection can stay open. */
  | { kind: 'tooLarge'; drained: boolean };

interface Limits {
  maxBytes: number;
  drainBytes: number;
  drainMs: number;
}

const DEFAULT_LIMITS: Limits = {
  maxBytes: MAX_BODY_BYTES,
  drainBytes: DRAIN_MAX_BYTES,
  drainMs: DRAIN_MAX_MS,
};

/**
 * Reads a request body of at most `maxBytes` (declared length or chunked). Over it, keeps reading and
 * discarding until the end of the body, `drainBytes` in all or `drainMs` after the limit was passed.
 */
export async function readBody(req: Request, limits: Limits = DEFAULT_LIMITS): Promise<BodyRead> {
  const declared = Number(req.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limits.drainBytes) {
    await req.body?.cancel().catch(() => {});
    return { kind: 'tooLarge', drained: false };
  }
  if (!req.body) return { kind: 'ok', bytes: new Uint8Array() };
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let deadline = Number.POSITIVE_INFINITY;
  for (;;) {
    const next = await readUntil(reader, deadline);
    if (next === 'timeout') {
      await reader.cancel().catch(() => {});
      return { kind: 'tooLarge', drained: false };
    }
    if (next.done) break;
    total += next.value.byteLength;
    if (total <= limits.maxBytes) chunks.push(next.value);
    else if (deadline === Number.POSITIVE_INFINITY) {
      chunks.length = 0;
      deadline = Date.now() + limits.drainMs;
    }
    if (total > limits.drainBytes) {
      await reader.cancel().catch(() => {});
      return { kind: 'tooLarge', drained: false };
    }
  }
  if (total > limits.maxBytes) return { kind: 'tooLarge', drained: true };
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { kind: 'ok', bytes };
}

async function readUntil(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  deadline: number,
): Promise<ReadableStreamReadResult<Uint8Array> | 'timeout'> {
  if (deadline === Number.POSITIVE_INFINITY) return reader.read();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([reader.read(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The fields of a form body (urlencoded or multipart), each as text; a repeated field keeps its last
 * value. `file` names a field that carries a file instead of text (the caller answers 400).
 */
export async function formFields(
  bytes: Uint8Array<ArrayBuffer>,
  contentType: string,
): Promise<{ fields: Record<string, string>; file?: string }> {
  const data = await new Response(bytes, { headers: { 'content-type': contentType } }).formData();
  const fields: Record<string, string> = Object.create(null);
  for (const [key, value] of data) {
    if (typeof value !== 'string') return { fields, file: key };
    fields[key] = value;
  }
  return { fields };
}

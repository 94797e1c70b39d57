import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

/**
 * A JSON request body read without Express, answering exactly as `express.json({ limit })`
 * (body-parser 2, strict) does for the requests `isPlainJsonRequest` admits: an empty body is
 * `{}`, a body not starting with `{` or `[` or not JSON is a 400, one over the limit a 413 (read
 * to its end first, as body-parser does, so the connection stays usable).
 */
export type JsonBody = { body: unknown } | { error: { status: 400 | 413 } };

const PLAIN_JSON_TYPES = new Set(['application/json', 'application/json; charset=utf-8']);
const FIRST_NON_WHITESPACE = /^[ \t\n\r]*([^ \t\n\r]|$)/;
const BYTE_ORDER_MARK = '\uFEFF';

/**
 * A request body express.json would read as UTF-8 without inflating it. Anything else (another
 * charset, a compressed body, no body at all) is left to Express, the reference behaviour.
 */
export function isPlainJsonRequest(headers: IncomingHttpHeaders): boolean {
  const type = headers['content-type'];
  if (type === undefined || !PLAIN_JSON_TYPES.has(type.toLowerCase())) return false;
  if (headers['content-encoding'] !== undefined) return false;
  return headers['transfer-encoding'] !== undefined || headers['content-length'] !== undefined;
}

export function readJsonBody(req: IncomingMessage, limitBytes: number): Promise<JsonBody> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let receivedBytes = 0;
    let tooLarge = Number(req.headers['content-length']) > limitBytes;
    req.on('data', (chunk: Buffer) => {
      receivedBytes += chunk.length;
      if (receivedBytes > limitBytes) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? { error: { status: 413 } } : parseJson(Buffer.concat(chunks, receivedBytes).toString('utf8'))));
    // An aborted upload: body-parser's "request aborted" 400, to a caller that is gone.
    req.on('error', () => resolve({ error: { status: 400 } }));
    req.on('close', () => {
      if (!req.complete) resolve({ error: { status: 400 } });
    });
  });
}

function parseJson(decoded: string): JsonBody {
  // body-parser decodes with iconv-lite, which drops a leading byte order mark.
  const text = decoded.startsWith(BYTE_ORDER_MARK) ? decoded.slice(1) : decoded;
  if (text.length === 0) return { body: {} };
  const first = FIRST_NON_WHITESPACE.exec(text)?.[1];
  if (first !== '{' && first !== '[') return { error: { status: 400 } };
  try {
    return { body: JSON.parse(text) as unknown };
  } catch {
    return { error: { status: 400 } };
  }
}

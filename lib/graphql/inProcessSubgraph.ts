/**
 * The gateway's call to a subgraph that runs in the same process (all-in-one), without HTTP.
 *
 * Over loopback HTTP a five-subgraph query paid five times for what a call between two objects
 * in one process does not need: serialising the request, a socket write and read, Express's
 * routing and body parsing, then the same again for the answer. This call hands the request
 * (the headers the gateway would send, signed forwarded facts and token included) straight to
 * the subgraph's Apollo Server pipeline (`executeHTTPGraphQLRequest`, the one `POST /graphql`
 * runs), so the subgraph checks the same things in the same order: CSRF prevention, the token,
 * the gateway's signature, its shield and id checks. The split deployment keeps HTTP.
 */
export interface InProcessRequest {
  /** The request headers, names in lower case, as the gateway would send them. */
  headers: ReadonlyMap<string, string>;
  /** The GraphQL request body (query, variables, operationName, extensions), not serialised. */
  body: Record<string, unknown>;
}

export interface InProcessResponse {
  status: number;
  /** Response headers; `set-cookie` values each on their own (identity's session cookies). */
  headers: Headers;
  /** The JSON text `POST /graphql` would have answered. */
  body: string;
}

/** One subgraph's in-process entry point. */
export type InProcessSubgraph = (request: InProcessRequest) => Promise<InProcessResponse>;

/**
 * A `fetch` for the gateway's data source that answers from `subgraph` in process: the data
 * source builds and reads the call exactly as over HTTP (status, errors, Set-Cookie), so only
 * the transport differs. The request's JSON text is parsed once here, as express.json would.
 */
export function inProcessFetch(subgraph: InProcessSubgraph): (url: string, init: { headers?: Record<string, string>; body?: string }) => Promise<Response> {
  return async (_url, init) => {
    const headers = new Map<string, string>();
    for (const [name, value] of Object.entries(init.headers ?? {})) headers.set(name.toLowerCase(), value);
    const answer = await subgraph({ headers, body: JSON.parse(init.body ?? '{}') as Record<string, unknown> });
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  };
}

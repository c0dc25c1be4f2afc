// A minimal GraphQL-over-HTTP client for the explorer: POST JSON to the
// server's own /graphql, nothing else.

/** An error the API returned, or a failure to reach it. */
export class APIError extends Error {
  /** @param {string} message @param {{code?: string, status?: number, errors?: object[]}} [info] */
  constructor(message, info = {}) {
    super(message);
    this.name = 'APIError';
    this.code = info.code ?? 'INTERNAL';
    this.status = info.status;
    this.errors = info.errors ?? [];
  }
}

/**
 * @param {string} [url]
 * @param {typeof fetch} [fetchImpl]
 * @returns {(query: string, variables?: object, opts?: {signal?: AbortSignal, partial?: boolean}) => Promise<any>}
 *   resolves to `data`; with partial, to `{data, errors}` when the API
 *   answered with both.
 */
export function createClient(url = '/graphql', fetchImpl = globalThis.fetch.bind(globalThis)) {
  return async function request(query, variables = {}, opts = {}) {
    let res;
    try {
      res = await fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
        body: JSON.stringify({ query, variables }),
        signal: opts.signal,
      });
    } catch (err) {
      if (err?.name === 'AbortError') throw err;
      throw new APIError(`Cannot reach the pledgegraph server (${err?.message ?? err}).`, { code: 'UNAVAILABLE' });
    }
    let body;
    try {
      body = await res.json();
    } catch {
      throw new APIError(`The server answered ${res.status} ${res.statusText} without GraphQL.`, { status: res.status, code: 'UNAVAILABLE' });
    }
    const errors = Array.isArray(body?.errors) ? body.errors : [];
    if (body?.data && (opts.partial || errors.length === 0)) return opts.partial ? { data: body.data, errors } : body.data;
    const first = errors[0];
    throw new APIError(first?.message ?? `The server answered ${res.status} ${res.statusText}.`, {
      code: first?.extensions?.code, status: res.status, errors,
    });
  };
}

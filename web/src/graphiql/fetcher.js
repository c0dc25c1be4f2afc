// A GraphiQL fetcher for pledgegraph's POST /graphql: JSON in, JSON out.
// Headers typed in GraphiQL's header editor are sent along.

/**
 * @param {string} url endpoint, same origin
 * @returns {(params: {query: string, variables?: object, operationName?: string}, opts?: {headers?: object}) => Promise<object>}
 */
export function fetcher(url) {
  return async (params, opts = {}) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        accept: 'application/graphql-response+json, application/json',
        'content-type': 'application/json',
        ...(opts.headers ?? {}),
      },
      body: JSON.stringify(params),
    });
    const text = await res.text();
    try {
      return JSON.parse(text);
    } catch {
      // Not GraphQL: show the HTTP failure in the response pane rather than throwing it away.
      return { errors: [{ message: `HTTP ${res.status} ${res.statusText}: ${text.slice(0, 500)}` }] };
    }
  };
}

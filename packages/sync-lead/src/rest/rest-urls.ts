// Where the REST calls go. Marketo shows an instance's endpoints as `https://<munchkin>.mktorest.com/rest`
// and `.../identity` (Admin > Web Services); both those and the bare host are accepted, and the paths of
// openapi/marketo-rest.yaml (`/rest/v1/leads.json`, `/identity/oauth/token`) are appended without
// doubling the `/rest` or `/identity` segment.

/**
 * The URL of `path` (a path of the REST description) on `base`.
 *
 * @param base - the endpoint as configured, e.g. `https://123-ABC-456.mktorest.com/rest`
 * @param path - e.g. `/rest/v1/leads.json`
 * @param query - query parameters, in order
 */
export function restUrl(base: URL, path: string, query: ReadonlyArray<[string, string]> = []): URL {
  const basePath = base.pathname.replace(/\/+$/, '');
  const firstSegment = /^\/[^/]+/.exec(path)?.[0] ?? '';
  const prefix = firstSegment !== '' && basePath.endsWith(firstSegment) ? basePath.slice(0, -firstSegment.length) : basePath;
  const url = new URL(base.origin);
  url.pathname = `${prefix}${path}`;
  for (const [name, value] of query) url.searchParams.append(name, value);
  return url;
}

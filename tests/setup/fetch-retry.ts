// A reused keep-alive connection that the server has just closed fails with "other side closed"
// (a race between the client's and the server's idle timeouts, likelier on a loaded machine).
// Idempotent requests are sent once more on such a socket error; anything else fails as before.
const original = globalThis.fetch;
const SOCKET_ERRORS = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE']);

globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
  try {
    return await original(input, init);
  } catch (e) {
    const code = (e as { cause?: { code?: string } })?.cause?.code;
    if ((method === 'GET' || method === 'HEAD') && code && SOCKET_ERRORS.has(code)) return original(input, init);
    throw e;
  }
};

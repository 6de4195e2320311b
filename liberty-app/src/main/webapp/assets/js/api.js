// The REST API at /api/v1, with the contract's error body turned into an ApiError.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export async function api(path, { method = 'GET', body, token, accept = 'application/json', idempotencyKey } = {}) {
  const headers = { Accept: accept };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  let response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'The server cannot be reached. Check your connection and try again.');
  }
  if (response.ok) {
    if (response.status === 204) return null;
    return accept === 'application/json' ? response.json() : response.blob();
  }
  let error = {};
  try {
    error = await response.json();
  } catch {
    // Not the contract's error body (a proxy's page, say): the status below still says what happened.
  }
  throw new ApiError(response.status, error.error ?? `HTTP_${response.status}`,
    error.message ?? `The server answered ${response.status}. Please try again.`);
}

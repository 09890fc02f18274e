/** A failed API call, with the server's stable error code (src/errors/error-catalogue.ts). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The server has no such route yet (a feature not deployed), as opposed to a missing record. */
  get isUnavailable(): boolean {
    return this.status === 404 && this.code === 'NOT_FOUND' && this.message.startsWith('No route');
  }
}

const isErrorBody = (body: unknown): body is { error: { code: string; message: string } } =>
  typeof body === 'object' &&
  body !== null &&
  'error' in body &&
  typeof (body as { error: unknown }).error === 'object';

/** Reads the catalogue body `{ error: { code, message } }`, or names the HTTP status. */
export const toApiError = async (response: Response): Promise<ApiError> => {
  const body: unknown = await response.json().catch(() => undefined);
  if (isErrorBody(body)) {
    return new ApiError(response.status, body.error.code, body.error.message);
  }
  return new ApiError(response.status, 'HTTP_ERROR', `The server answered ${response.status}.`);
};

import { type ErrorCode, errorCatalogue } from './error-catalogue.ts';

/** The one error type for expected failures: a catalogued code, a message, optional details. */
export class AppError extends Error {
  override readonly name = 'AppError';

  constructor(
    readonly code: ErrorCode,
    message: string = errorCatalogue[code].message,
    readonly details?: unknown,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }

  /** The HTTP status the catalogue gives this error's code. */
  get status(): number {
    return errorCatalogue[this.code].status;
  }
}

/** Whether `error` is an {@link AppError}, optionally with a given code. */
export const isAppError = (error: unknown, code?: ErrorCode): error is AppError =>
  error instanceof AppError && (code === undefined || error.code === code);

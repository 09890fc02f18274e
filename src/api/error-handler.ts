import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, isAppError } from '../errors/app-error.ts';
import type { ErrorCode } from '../errors/error-catalogue.ts';

/** The body of every error response. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

/** Fastify's own error codes that are the client's fault, as catalogue codes. */
const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_CTP_INVALID_JSON_BODY: 'VALIDATION_FAILED',
};

const validationDetails = (error: FastifyError) =>
  (error.validation ?? []).map((issue) => ({
    field: [error.validationContext, ...issue.instancePath.split('/').filter(Boolean)].join('.'),
    message: issue.message ?? 'is not valid',
  }));

/** Turns any thrown error into an {@link AppError}: the one mapping from failures to HTTP. */
export const toAppError = (error: FastifyError | Error): AppError => {
  if (isAppError(error)) return error;
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    const details = validationDetails(fastifyError);
    const summary = details.map((detail) => `${detail.field}: ${detail.message}`).join('; ');
    return new AppError('VALIDATION_FAILED', `Invalid request: ${summary}`, details);
  }
  const code = fastifyError.code ? fastifyCodes[fastifyError.code] : undefined;
  if (code) return new AppError(code, fastifyError.message);
  return new AppError('INTERNAL', undefined, undefined, { cause: error });
};

/** Fastify error handler answering `{ "error": { "code", "message" } }`. */
export const handleError = (
  error: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply => {
  const appError = toAppError(error);
  if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
  const body: ErrorBody = { error: { code: appError.code, message: appError.message } };
  if (appError.details !== undefined && appError.status < 500)
    body.error.details = appError.details;
  return reply.status(appError.status).send(body);
};

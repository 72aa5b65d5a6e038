// The two error layers of the real service: the API gateway (auth, throttling) answers
// `{"errors":[{code,message}]}`, the Assets service answers `{"code":"INVALID_ARGUMENT","message":…}`.
import type { GatewayError, ServiceError } from "@rbxassets/spec";

export type ServiceErrorCode =
  | "INVALID_ARGUMENT"
  | "NOT_FOUND"
  | "PERMISSION_DENIED"
  | "INTERNAL"
  | "UNAVAILABLE";

/** Thrown anywhere in a request; the app's error handler turns it into the response. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ServiceError | GatewayError,
    readonly headers: Record<string, string> = {},
  ) {
    super("errors" in body ? (body.errors[0]?.message ?? "error") : body.message);
  }
}

export function serviceError(status: number, code: ServiceErrorCode, message: string): ApiError {
  return new ApiError(status, { code, message });
}

export const invalidArgument = (message: string) => serviceError(400, "INVALID_ARGUMENT", message);
export const notFound = (message: string) => serviceError(404, "NOT_FOUND", message);

export function gatewayError(
  status: number,
  message: string,
  headers: Record<string, string> = {},
): ApiError {
  return new ApiError(status, { errors: [{ code: 0, message }] }, headers);
}

/** The permissions service's own error body: `{"error":{"code":"SubjectNotFound","message":…}}`. */
export function permissionsError(status: number, code: string, message: string): ApiError {
  return new ApiError(status, { error: { code, message } } as unknown as ServiceError);
}

/**
 * The closed list of error codes the emulator answers on `/admin`, named as CloudBase names them so that
 * wx-server-sdk maps them to the same errCode it would see in production (see the wire-protocol notes).
 */
export const ERROR_CODES = [
  'INVALID_PARAM', // -501007
  'ACTION_NOT_SUPPORTED',
  'DATABASE_REQUEST_FAILED', // -502001 (also duplicate keys: "E11000 duplicate key")
  'DATABASE_PERMISSION_DENIED', // -502003
  'DATABASE_COLLECTION_NOT_EXIST', // -502005
  'DATABASE_COLLECTION_ALREADY_EXIST',
  'DATABASE_TRANSACTION_CONFLICT', // no errCode in wx-server-sdk: doc calls see -501001 and a "transaction conflict" message
  'DATABASE_TRANSACTION_FAIL', // likewise -501001; message "ResourceUnavailable.TransactionNotExist: ..."
  'FUNCTIONS_EXECUTE_FAIL',
  'FUNCTION_NOT_FOUND',
  'STORAGE_FILE_NONEXIST',
  'STORAGE_REQUEST_FAIL',
  'OPENAPI_REQUEST_FAIL',
  'UNAUTHENTICATED',
  'INTERNAL_ERROR',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class EmulatorError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'EmulatorError';
  }
}

/** Firebase-emulator style invariant: `assert(found, 'STORAGE_FILE_NONEXIST', 'no such file')`. */
export function assert(condition: unknown, code: ErrorCode, message: string): asserts condition {
  if (!condition) throw new EmulatorError(code, message);
}

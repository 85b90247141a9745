import type { CombinedError } from 'urql';
import type { TFunction } from 'i18next';

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'INVALID'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'LOCKED'
  | 'INTERNAL';

export function errorCode(error: CombinedError | undefined | null): ErrorCode | undefined {
  const code = error?.graphQLErrors.find((e) => typeof e.extensions?.code === 'string')?.extensions
    ?.code;
  return code as ErrorCode | undefined;
}

// The input field an INVALID or CONFLICT error is about, when the server names one.
export function errorField(error: CombinedError | undefined | null): string | undefined {
  const field = error?.graphQLErrors.find((e) => typeof e.extensions?.field === 'string')?.extensions?.field;
  return field as string | undefined;
}

// The server writes messages for people (in Chinese); show them as given.
// Only transport failures get a message of our own.
export function errorMessage(error: CombinedError | unknown, t: TFunction): string {
  if (!isCombinedError(error)) return t('error.unknown');
  const messages = error.graphQLErrors.map((e) => e.message).filter(Boolean);
  if (messages.length > 0) return [...new Set(messages)].join('；');
  if (error.networkError) return t('error.network');
  return t('error.unknown');
}

function isCombinedError(error: unknown): error is CombinedError {
  return typeof error === 'object' && error !== null && Array.isArray((error as CombinedError).graphQLErrors);
}

import type { CombinedError } from 'urql';
import type { Translate } from '../i18n/I18n';

/** The API's stable error code (lib/errors.ts), or NETWORK when the gateway was not reached. */
export function errorCode(error: CombinedError): string {
  if (error.networkError && error.graphQLErrors.length === 0) return 'NETWORK';
  const code = error.graphQLErrors[0]?.extensions?.code;
  return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
}

/**
 * A sentence for the user. Refusals get our own words (a VIEWER who forces an edit route reads
 * why); input errors keep the API's message, which says what it expected.
 */
export function errorMessage(error: CombinedError, t: Translate): string {
  switch (errorCode(error)) {
    case 'FORBIDDEN':
      return t('error.forbidden');
    case 'NOT_FOUND':
      return t('error.notFound');
    case 'UNAUTHENTICATED':
      return t('error.unauthenticated');
    case 'RATE_LIMITED':
      return t('error.rateLimited');
    case 'NETWORK':
      return t('error.network');
    case 'BAD_USER_INPUT':
    case 'CONFLICT':
    case 'PASSWORD_CHANGE_REQUIRED':
      return error.graphQLErrors[0]?.message ?? t('error.generic');
    default:
      return t('error.generic');
  }
}

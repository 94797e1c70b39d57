import type { TypedDocumentString } from './gql/graphql';

/** An error the API answered with: its stable code and a message safe to show. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/**
 * Sends a typed operation to the gateway on the same origin. The JSON content type is what the
 * gateway's CSRF prevention expects from a browser; cookies go along for the session.
 */
export async function request<Result, Variables>(document: TypedDocumentString<Result, Variables>, variables: Variables): Promise<Result> {
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  const body = (await response.json()) as { data?: Result; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  const error = body.errors?.[0];
  if (error) throw new ApiError(error.message, error.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  if (!body.data) throw new ApiError(`The API answered ${response.status} without data`, 'INTERNAL_SERVER_ERROR');
  return body.data;
}

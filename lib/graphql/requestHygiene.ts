import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type ASTVisitor, type ValidationContext, type ValidationRule } from 'graphql';
import { ErrorCode, hasSafeCode } from '../errors';
import type { Logger } from '../logger';
import { loggedFaults } from './maskError';

/**
 * Client mistakes are 4xx with a stable code, whatever part of the pipeline notices them; only a
 * real fault is a 500. These checks run at the gateway and in every subgraph.
 */

/** Codes that say "the request itself is wrong": with no data and no path, the answer is a 400. */
const REQUEST_MISTAKES = new Set<unknown>([
  ErrorCode.BadUserInput,
  ErrorCode.GraphqlParseFailed,
  ErrorCode.GraphqlValidationFailed,
  ErrorCode.OperationResolutionFailure,
  ErrorCode.BadRequest,
]);

/** A client mistake found before execution: HTTP 400 with `code`. */
export const requestMistake = (code: ErrorCode, message: string) => new GraphQLError(message, { extensions: { code, http: { status: 400 } } });

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be stored or compared as text (PostgreSQL refuses both), or undefined when it can. */
export function textProblem(value: string): string | undefined {
  if (LONE_SURROGATE.test(value)) return 'a lone UTF-16 surrogate (not a Unicode character)';
  if (value.includes('\u0000')) return 'a NUL character';
  return undefined;
}

/** Why a JSON variable value cannot be used (non-finite numbers, unusable text), or undefined. */
function variableProblem(value: unknown, path: string, depth = 0): string | undefined {
  if (depth > 32) return `${path}: nested too deeply`;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : `${path}: ${value} is not a finite number`;
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem && `${path}: the text contains ${problem}`;
  }
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      const problem = variableProblem(value[index], `${path}[${index}]`, depth + 1);
      if (problem) return problem;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, entry] of Object.entries(value)) {
      const problem = textProblem(key) ? `${path}: a key contains ${textProblem(key)}` : variableProblem(entry, `${path}.${key}`, depth + 1);
      if (problem) return problem;
    }
  }
  return undefined;
}

/**
 * Literals the built-in scalars let through but nothing downstream can use: `1e309` (Float
 * parses it to Infinity) and strings with a NUL character.
 */
export const inputLiteralsRule: ValidationRule = (context: ValidationContext): ASTVisitor => ({
  FloatValue(node) {
    if (!Number.isFinite(Number(node.value))) context.reportError(new GraphQLError(`${node.value} is not a finite number`, { nodes: [node] }));
  },
  IntValue(node) {
    if (!Number.isFinite(Number(node.value))) context.reportError(new GraphQLError(`${node.value} is not a finite number`, { nodes: [node] }));
  },
  StringValue(node) {
    const problem = textProblem(node.value);
    if (problem) context.reportError(new GraphQLError(`The text contains ${problem}`, { nodes: [node] }));
  },
});

/**
 * An Apollo plugin: an operation name the document does not define, or several anonymous
 * operations, is OPERATION_RESOLUTION_FAILURE (the gateway's executor would throw a 500);
 * unusable variable values are BAD_USER_INPUT; and an answer made only of such request-level
 * mistakes (no data, no path) is sent as HTTP 400 rather than 200 or 500.
 */
export function requestHygienePlugin(log: Logger): ApolloServerPlugin<{ requestId?: string }> {
  return {
    async requestDidStart() {
      return {
        // A real fault is logged here, with the request id the client got in `x-request-id`.
        async didEncounterErrors({ contextValue, errors }) {
          for (const error of errors) {
            const code = error.extensions?.code;
            if (hasSafeCode(code) && code !== ErrorCode.InternalServerError) continue;
            log.error({ err: error.originalError ?? error, path: error.path, requestId: contextValue.requestId }, 'unexpected error in a GraphQL operation');
            loggedFaults.add(error);
          }
        },
        async didResolveOperation({ operation, request }) {
          if (!operation) {
            throw requestMistake(
              ErrorCode.OperationResolutionFailure,
              request.operationName ? `Unknown operation named "${request.operationName}"` : 'Give operationName: the document defines several operations',
            );
          }
          const problem = variableProblem(request.variables ?? {}, 'variables');
          if (problem) throw requestMistake(ErrorCode.BadUserInput, problem);
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (!errors?.length || data != null) return;
          const mistakes = errors.every((error) => !error.path && REQUEST_MISTAKES.has(error.extensions?.code));
          if (mistakes && (response.http.status === undefined || response.http.status === 200 || response.http.status >= 500)) response.http.status = 400;
        },
      };
    },
  };
}

import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { RequestHandler } from 'express';
import { tracingEnabled } from './tracing';

const tracer = trace.getTracer('farmiq');

/**
 * A server span per HTTP request, child of the caller's `traceparent` when there is one (the
 * gateway calling a subgraph, or an ingress that traces), and active for everything the request
 * does, so spans started while serving it (Apollo gateway's planner and fetches) are its children.
 */
export function traceRequests(component: string): RequestHandler {
  return (req, res, next) => {
    if (!tracingEnabled()) return next();
    const served = startServerSpan(component, req.method, req.path, req.headers);
    res.on('finish', () => served.end(res.statusCode));
    context.with(served.context, next);
  };
}

/**
 * A request served without Express (the gateway's in-process call to a subgraph, a subgraph's
 * `POST /graphql` from node's `http`): the same server span traceRequests would open, active while `serve` runs; `serve` resolves with the status.
 */
export async function traceServed(
  component: string,
  path: string,
  headers: Record<string, string | string[] | undefined>,
  serve: () => Promise<number>,
): Promise<number> {
  if (!tracingEnabled()) return serve();
  const served = startServerSpan(component, 'POST', path, headers);
  let status = 500;
  try {
    status = await context.with(served.context, serve);
    return status;
  } finally {
    served.end(status);
  }
}

function startServerSpan(component: string, method: string, path: string, headers: Record<string, string | string[] | undefined>) {
  const parent = propagation.extract(ROOT_CONTEXT, headers);
  const span = tracer.startSpan(
    `${method} ${path}`,
    { kind: SpanKind.SERVER, attributes: { 'farmiq.component': component, 'http.request.method': method, 'url.path': path } },
    parent,
  );
  return {
    context: trace.setSpan(parent, span),
    end(statusCode: number) {
      span.setAttribute('http.response.status_code', statusCode);
      if (statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    },
  };
}

/** Names the active request span after its GraphQL operation (`query FarmOverview`). */
export function nameActiveSpan(operationType: string, operationName: string | undefined): void {
  const span = trace.getActiveSpan();
  if (!span) return;
  span.updateName(operationName ? `${operationType} ${operationName}` : operationType);
  span.setAttribute('graphql.operation.type', operationType);
  if (operationName) span.setAttribute('graphql.operation.name', operationName);
}

/** Writes the active span's `traceparent` into a call's headers, so the callee's spans join it. */
export function injectTraceContext(headers: { set(name: string, value: string): void }): void {
  if (!tracingEnabled()) return;
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  for (const [name, value] of Object.entries(carrier)) headers.set(name, value);
}

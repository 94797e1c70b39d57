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
    const parent = propagation.extract(ROOT_CONTEXT, req.headers);
    const span = tracer.startSpan(
      `${req.method} ${req.path}`,
      { kind: SpanKind.SERVER, attributes: { 'farmiq.component': component, 'http.request.method': req.method, 'url.path': req.path } },
      parent,
    );
    res.on('finish', () => {
      span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(trace.setSpan(parent, span), next);
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

import type { DocumentNode, OperationDefinitionNode, ValidationContext } from 'graphql';

/**
 * The cost of each operation, as graphql-armor's cost limit computed it while validating the
 * document (its `onAccept` callback): computed once per document, the same figure that decides
 * QUERY_TOO_COMPLEX is the one a partner's daily quota is charged. Apollo keeps validated
 * documents and skips validation for a document it has seen, so costs are kept per document
 * object as long as Apollo keeps that object.
 */
export class OperationCosts {
  private readonly byDocument = new WeakMap<DocumentNode, number[]>();

  constructor(private readonly maxCost: number) {}

  /** armor's `costLimit.onAccept`: called once per operation definition, in document order. */
  readonly onAccept = (context: ValidationContext | null, details: { n: number }): void => {
    if (!context) return;
    const document = context.getDocument();
    const costs = this.byDocument.get(document) ?? [];
    costs.push(details.n);
    this.byDocument.set(document, costs);
  };

  /**
   * The cost of `operation` in `document` in whole points (armor's cost rounded up: nested fields
   * cost 1.5 times their own); a cost nobody recorded is charged as the most a query may cost.
   */
  costOf(document: DocumentNode, operation: OperationDefinitionNode): number {
    const operations = document.definitions.filter((definition) => definition.kind === 'OperationDefinition');
    return Math.ceil(this.byDocument.get(document)?.[operations.indexOf(operation)] ?? this.maxCost);
  }
}

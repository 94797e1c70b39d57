/**
 * An entity owned by another subgraph, as this one sees it: only its key. Fields this subgraph
 * adds to the entity (Tenant.farms, Farm.batches, ...) resolve from the key alone.
 */
export interface EntityRef {
  id: string;
}

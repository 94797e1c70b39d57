import type { Resolvers } from '../__generated__/resolvers-types';
import { DateScalar, DateTimeScalar } from '../../../lib/graphql/scalars';
import type { BillingDependencies } from '../dependencies';
import { BillingSubscription } from './BillingSubscription';
import { Invoice } from './Invoice';
import { InvoiceLine } from './InvoiceLine';
import { InvoicePreview } from './InvoicePreview';
import { createMutation } from './Mutation';
import { Payment } from './Payment';
import { createQuery } from './Query';
import { Tenant } from './Tenant';

export const createResolvers = (deps: BillingDependencies): Resolvers => ({
  DateTime: DateTimeScalar,
  Date: DateScalar,
  Query: createQuery(deps),
  Mutation: createMutation(deps),
  BillingSubscription,
  Invoice,
  InvoiceLine,
  InvoicePreview,
  Payment,
  Tenant,
});

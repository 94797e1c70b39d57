/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type ActivateDeviceInput = {
  barnId: string | number;
  deviceId: string | number;
  /** 1 to 120 characters. */
  name: string;
};

export type AlertChangeKind =
  | 'ACKNOWLEDGED'
  | 'CLEARED'
  | 'RAISED';

/** How bad an alert is: heat stress and ammonia are CRITICAL; water intake drops and tenants' own rules are WARNINGs. */
export type AlertSeverity =
  | 'CRITICAL'
  | 'WARNING';

export type AlertStatus =
  /** The condition holds (or has not yet cleared). */
  | 'ACTIVE'
  /** The condition cleared; `clearedAt` says when. */
  | 'CLEARED';

/** What a partner API client may read. Partners never write. */
export type ApiScope =
  /** Invoice events (partner webhooks); invoices themselves stay the tenant admins'. */
  | 'BILLING_READ'
  /** Farms and their topology. */
  | 'FARMS_READ'
  /** Batches and their KPIs. */
  | 'KPI_READ'
  /** Readings and alert rules. */
  | 'TELEMETRY_READ';

/** What an audit record records. */
export type AuditAction =
  | 'API_CLIENT_CREATED'
  /** A tenant admin required or stopped requiring registered documents from an API client (target: the client). */
  | 'API_CLIENT_DOCUMENT_POLICY_CHANGED'
  | 'API_CLIENT_REVOKED'
  | 'API_CLIENT_SECRET_ROTATED'
  /** The audit log was exported as CSV. */
  | 'AUDIT_LOG_EXPORTED'
  /** The tenant's billing country or currency was set. */
  | 'BILLING_PROFILE_CHANGED'
  /** A farm's Mosquitto password and ACL files were downloaded (targetId: the farm). */
  | 'BROKER_AUTH_FILES_EXPORTED'
  /** An API client exchanged its secret for a token (tenantId: the tenant the token reads). */
  | 'CLIENT_TOKEN_ISSUED'
  /** A wrong client id or secret, or a revoked client (actorId: the client tried, if it exists). */
  | 'CLIENT_TOKEN_REFUSED'
  /** A credit note was issued against an invoice (targetId: the credit note). */
  | 'CREDIT_NOTE_ISSUED'
  | 'DEVICE_ACTIVATED'
  | 'DEVICE_CLAIMED'
  /** A platform admin issued new claim codes for unclaimed devices (a lost or expired label sheet; one record per device). */
  | 'DEVICE_CLAIM_CODE_REISSUED'
  | 'DEVICE_CREDENTIALS_ROTATED'
  /** A platform admin registered a device at the factory (one record per device). */
  | 'DEVICE_REGISTERED'
  | 'DEVICE_REVOKED'
  /** A partner API client registered a new document (actor: the client; target: the document's SHA-256; tenant: the client's own). */
  | 'DOCUMENT_REGISTERED'
  /** A partner API client removed one of its registered documents (target: the document's SHA-256). */
  | 'DOCUMENT_UNREGISTERED'
  | 'EDGE_GATEWAY_KEY_ROTATED'
  | 'EDGE_GATEWAY_REGISTERED'
  | 'EDGE_GATEWAY_REVOKED'
  /** A platform admin set an exchange rate (detail: the pair and rate). */
  | 'EXCHANGE_RATE_SET'
  | 'INVITATION_ACCEPTED'
  | 'LOGIN_FAILED'
  | 'LOGIN_SUCCEEDED'
  | 'MEMBER_DISABLED'
  | 'MEMBER_ENABLED'
  | 'MEMBER_REMOVED'
  | 'MEMBER_ROLE_CHANGED'
  /** The authenticator app was removed. */
  | 'MFA_DISABLED'
  /** A second factor was enrolled (authenticator app). */
  | 'MFA_ENABLED'
  /** A wrong or replayed second factor at login. */
  | 'MFA_FAILED'
  /** New recovery codes replaced the old ones. */
  | 'MFA_RECOVERY_CODES_REGENERATED'
  /** A recovery code was spent to log in (targetId: the user). */
  | 'MFA_RECOVERY_CODE_USED'
  | 'PARTNER_ACCESS_GRANTED'
  | 'PARTNER_ACCESS_REVOKED'
  /** A partner webhook was added (targetId: the webhook). */
  | 'PARTNER_WEBHOOK_CREATED'
  /** A partner webhook was deleted. */
  | 'PARTNER_WEBHOOK_DELETED'
  | 'PASSKEY_ADDED'
  | 'PASSKEY_REMOVED'
  | 'PASSWORD_CHANGED'
  | 'PASSWORD_RESET'
  /** A payment recorded (actorKind `payment-provider` for a provider's webhook). */
  | 'PAYMENT_RECORDED'
  | 'PAYMENT_REFUNDED'
  | 'PLAN_CHANGED'
  /** A device's readings were exported as CSV (targetId: the device; detail: the time range and metric). */
  | 'READINGS_EXPORTED'
  | 'SUBSCRIPTION_CANCELED'
  | 'SUBSCRIPTION_CANCEL_SCHEDULED'
  /** A period renewed (actorKind `renewal` when the platform renewed it on schedule). */
  | 'SUBSCRIPTION_RENEWED'
  | 'SUBSCRIPTION_STARTED'
  | 'TENANT_CREATED'
  /** A tenant admin turned the tenant's MFA requirement on or off. */
  | 'TENANT_MFA_REQUIREMENT_CHANGED'
  | 'TENANT_REINSTATED'
  | 'TENANT_SUSPENDED'
  | 'USER_INVITED'
  /** A platform admin set a country's VAT rate (detail: the country and rate). */
  | 'VAT_RATE_SET';

/** Annual billing is twelve months with 10 % off. */
export type BillingCycle =
  | 'ANNUAL'
  | 'MONTHLY';

export type BucketInterval =
  /** A farm-local calendar day, from local midnight to the next. */
  | 'DAY'
  | 'FIFTEEN_MINUTES'
  | 'FIVE_MINUTES'
  | 'HOUR'
  | 'MINUTE'
  | 'SIX_HOURS';

/** Rules every barn has without anyone defining them. Each raises at most one ACTIVE alert per barn. */
export type BuiltInAlertKind =
  /** Ammonia above 25 ppm for 10 minutes; clears at 20 ppm or below. Metric `ammoniaPpm`. */
  | 'AMMONIA_HIGH'
  /**
   * A device heard nothing from for longer than its silence window: three times its usual gap between
   * reports (learned from its own history), or its kind's default until that is learned, and never
   * under 2 minutes. Cleared by its next reading. Metric `silenceSeconds`, threshold the window.
   * Not raised while its farm has an EDGE_OFFLINE alert.
   */
  | 'DEVICE_SILENT'
  /**
   * A whole farm silent: nothing from any of its devices (two or more watched) for the shortest
   * silence window among them, as when the farm's edge box or uplink is down. One alert for the farm
   * (no barn) instead of one per device. Cleared by the next reading from the farm.
   */
  | 'EDGE_OFFLINE'
  /**
   * Heat stress: the temperature-humidity index (NRC 1971: THI = (1.8·T + 32) − (0.55 − 0.0055·RH)·(1.8·T − 26),
   * T in °C, RH in %) of the barn's latest temperatureC and relativeHumidityPercent, both from the 10
   * minutes up to the newest climate reading, at or above 75 (pigs and broilers) for 10 minutes.
   * Clears at 73 or below. Metric `temperatureHumidityIndex`.
   */
  | 'HEAT_STRESS_THI'
  /**
   * Water intake drop, evaluated when water readings arrive: the litres of all the barn's water
   * meters from the farm-local midnight up to the newest water reading, against the average of the
   * same local-time span (local midnight to the same wall-clock time) on each of the previous three
   * local days. Raised when today is 20 % or more below that average, cleared when within 10 %.
   * Not judged in the first hour of a local day, or when one of the three days has no water readings.
   * Metric `waterIntakeDropPercent` (100 × (average − today) / average).
   */
  | 'WATER_INTAKE_DROP';

export type ChangePlanInput = {
  billingCycle?: BillingCycle;
  /** Required for the mutation (the same key returns the same invoice); ignored by the preview. */
  idempotencyKey?: string | null | undefined;
  plan: PlanCode;
};

export type ClaimDeviceInput = {
  claimCode?: string | null | undefined;
  /** The farmiq://claim link from the label's QR code, instead of serialNumber and claimCode. */
  claimLink?: string | null | undefined;
  serialNumber?: string | null | undefined;
};

export type Comparison =
  /** Raise when the reading is greater than the threshold. */
  | 'ABOVE'
  /** Raise when the reading is less than the threshold. */
  | 'BELOW';

export type CreateAlertRuleInput = {
  /** A barn of the caller's tenant; NOT_FOUND for any other. */
  barnId: string | number;
  /** Defaults to the threshold (no hysteresis). For ABOVE it must be <= threshold, for BELOW >= threshold. */
  clearThreshold?: number | null | undefined;
  comparison: Comparison;
  /** A metric some device kind reports (for example ammoniaPpm); anything else is BAD_USER_INPUT. */
  metric: string;
  /** 0 to 86400 seconds. */
  minDurationSeconds?: number;
  /** Within the metric's range (Device.metrics gives it). */
  threshold: number;
};

export type CreateApiClientInput = {
  /** 1 to 120 characters, for people to recognise it. */
  name: string;
  /** At least one. */
  scopes: Array<ApiScope>;
};

export type CreateTenantInput = {
  /** Display name, 1 to 120 characters; surrounding spaces are trimmed. */
  name: string;
};

/** What a device measures; each kind reports its own metrics (see `Device.metrics`). */
export type DeviceKind =
  /** A top-view barn camera: the farm box's vision sends one estimated weight (kg) and its confidence (0 to 1) per bird. */
  | 'CAMERA'
  /** Temperature (°C), relative humidity (%), CO2 (ppm), ammonia (ppm). */
  | 'CLIMATE'
  /** Feed in the bin (kg). */
  | 'FEED_BIN'
  /** Any of the metrics above. */
  | 'GENERIC'
  /** Live weight per weighing (kg). */
  | 'SCALE'
  /** Water delivered (litres). */
  | 'WATER_METER';

/**
 * A device's life: PENDING (registered by serial, waiting for its claim) → CLAIMED (a tenant's)
 * → ACTIVE (placed in a barn, holding MQTT credentials) → REVOKED (final: no credential works).
 */
export type DeviceStatus =
  | 'ACTIVE'
  | 'CLAIMED'
  | 'PENDING'
  | 'REVOKED';

export type DeviceToRegisterInput = {
  kind: DeviceKind;
  /** 1 to 64 letters, digits, '.', '_' or '-'; unique across the platform. */
  serialNumber: string;
};

export type InviteUserInput = {
  email: string;
  /** TENANT_ADMIN, FARM_MANAGER, OPERATOR or VIEWER. */
  role: Role;
  /** A platform admin names the tenant; a tenant admin invites into its own. */
  tenantId?: string | number | null | undefined;
};

export type InvoiceKind =
  /** A document whose total the tenant is owed: a correction of an invoice, or the credit of a downgrade or cancellation. */
  | 'CREDIT_NOTE'
  | 'INVOICE';

export type InvoiceLineKind =
  /** A credit note's reason, in the words it was given (the description after `Reason: `). */
  | 'CREDIT_REASON'
  /** Devices above the plan's allowance on the peak day of the month (quantity: the devices). */
  | 'DEVICES_OVER_ALLOWANCE'
  /** Telemetry messages above the plan's allowance in the month (quantity: the messages). */
  | 'MESSAGES_OVER_ALLOWANCE'
  /** A whole period of a plan (from, to). */
  | 'PLAN_PERIOD'
  /** The rest of the current period on a new plan, by the second (from, to). */
  | 'PLAN_PRORATED'
  /** The credit for the unused time of the plan left (from, to). */
  | 'UNUSED_TIME';

/** Why a KPI has no value: its formula would divide by zero or has nothing to work on. */
export type KpiUnavailableReason =
  /** The KPI is defined for the other species (EPEF for broilers, IEP for pigs). */
  | 'NOT_FOR_SPECIES'
  /** No animals (none placed, none alive, or no animal-days yet). */
  | 'NO_ANIMALS'
  /** The day asked about is the placement day: no days to divide by. */
  | 'NO_DAYS_ELAPSED'
  /** No feed recorded. */
  | 'NO_FEED'
  /** The live weight did not increase (gain zero or negative). */
  | 'NO_GAIN'
  /** The tenant has no target curve for this species and breed. */
  | 'NO_TARGET_CURVE'
  /** No water recorded. */
  | 'NO_WATER'
  /** No weigh session (and no sale weight) on or before the day asked about. */
  | 'NO_WEIGHTS'
  /** The day of age is before the first or after the last point of the target curve. */
  | 'OUTSIDE_TARGET_CURVE'
  /** Fewer than 2 weights in the latest weigh session. */
  | 'TOO_FEW_WEIGHTS';

export type LoginInput = {
  email: string;
  /** Required when the password is temporary: the new password, which must pass the policy. */
  newPassword?: string | null | undefined;
  password: string;
  /** The tenant to act for; needed when the user belongs to several. A platform admin may name any. */
  tenantId?: string | number | null | undefined;
  /** Browsers: set the tokens as HttpOnly, SameSite=Strict cookies instead of returning them. */
  useCookies?: boolean | null | undefined;
};

export type NotificationChannel =
  | 'EMAIL'
  /** Web Push to one browser or phone of the person (registerPushSubscription). */
  | 'PUSH'
  | 'WEBHOOK';

/** The language a person reads their alerts in. */
export type NotificationLanguage =
  | 'EN'
  | 'TH';

export type PaymentKind =
  | 'PAYMENT'
  | 'REFUND';

export type PaymentStatus =
  /** Credit notes are not paid. */
  | 'NOT_APPLICABLE'
  | 'PAID'
  | 'PARTIALLY_PAID'
  | 'UNPAID';

export type PlaceBatchInput = {
  /** The barn, when known: a barn of that farm; NOT_FOUND for any other id. */
  barnId?: string | number | null | undefined;
  /** Breed or line, 1 to 80 characters. */
  breed?: string | null | undefined;
  /** A farm of the caller's tenant; NOT_FOUND for any other id. */
  farmId: string | number;
  /** 1 to 1,000,000 animals. */
  headCountPlaced: number;
  placedOn: string;
  /** Average weight per animal in kilograms: more than 0, at most 500; rounded to the gram. */
  placementWeightKg: number;
  species: Species;
};

export type PlanCode =
  | 'ENTERPRISE'
  | 'PROFESSIONAL'
  | 'STARTER';

export type RecordFeedInput = {
  batchId: string | number;
  /** Feed delivered or taken from the bins, more than 0 and at most 1,000,000 kg; kept to the gram. */
  feedKg: number;
  recordedOn: string;
};

export type RecordHealthInput = {
  batchId: string | number;
  recordedOn: string;
  /** Animals found sick, 0 or more. */
  sickCount: number;
  /** Animals treated, 0 or more. */
  treatedCount: number;
  /** What was given, up to 200 characters. */
  treatment?: string | null | undefined;
};

export type RecordMortalityInput = {
  batchId: string | number;
  /** Up to 200 characters. */
  cause?: string | null | undefined;
  /** 1 or more; dead, culled and sold together never exceed the head count placed. */
  headCount: number;
  kind: RemovalKind;
  /** Farm-local day, on or after placedOn. */
  occurredOn: string;
  /** Total weight of these animals in kg, when weighed (else estimated from the growth). */
  totalWeightKg?: number | null | undefined;
};

export type RecordWaterInput = {
  batchId: string | number;
  recordedOn: string;
  /** More than 0 and at most 10,000,000 litres; kept to the millilitre. */
  waterLitres: number;
};

export type RegisterDevicesInput = {
  /** How long the claim codes work: 1 to 1825 days, 365 by default. */
  claimCodeValidDays?: number;
  /** A factory CSV whose header names serialNumber and kind. */
  csv?: string | null | undefined;
  /** 1 to 1000 devices; or give `csv` instead. */
  devices?: Array<DeviceToRegisterInput> | null | undefined;
};

export type RegisterEdgeGatewayInput = {
  farmId: string | number;
  /** Unique within the farm, 1 to 120 characters. */
  name: string;
};

/**
 * One browser's push subscription (the browser's PushSubscription: endpoint and keys) and what the
 * person wants on it, like an email subscription.
 */
export type RegisterPushSubscriptionInput = {
  /** PushSubscription.getKey('auth') as base64url: the browser's 16-byte authentication secret. */
  auth: string;
  /** A name for the browser or device the person recognises in their list (at most 100 characters). */
  deviceLabel?: string | null | undefined;
  /** PushSubscription.endpoint: the push service's URL for this browser (https; public addresses only). */
  endpoint: string;
  /** 0 to 2; omitted: 1 for a tenant admin, else 0 (as subscribeToAlerts). */
  escalationLevel?: number | null | undefined;
  /** A farm of the caller's tenant (NOT_FOUND for any other); omitted: every farm. */
  farmId?: string | number | null | undefined;
  language?: NotificationLanguage;
  minSeverity?: AlertSeverity;
  /** PushSubscription.getKey('p256dh') as base64url: the browser's P-256 public key (65 bytes). */
  p256dh: string;
  quietHoursEndMinute?: number | null | undefined;
  /** Both or neither, 0 to 1439. */
  quietHoursStartMinute?: number | null | undefined;
};

export type ReissueClaimCodesInput = {
  /** How long the new claim codes work: 1 to 1825 days, 365 by default. */
  claimCodeValidDays?: number;
  /** 1 to 1000 serial numbers of PENDING (registered, unclaimed) devices. */
  serialNumbers: Array<string>;
};

export type RemovalKind =
  | 'CULLED'
  | 'DEAD';

export type Role =
  /** Changes farm topology, batches and alert rules. */
  | 'FARM_MANAGER'
  /** Works in the barns: reads, acknowledges alerts. */
  | 'OPERATOR'
  /** A partner system's API client: reads within its scopes. */
  | 'PARTNER'
  /** Runs the platform: creates tenants; acts in any tenant it logs in to. */
  | 'PLATFORM_ADMIN'
  /** Manages a tenant: its users, billing and everything its farm managers can do. */
  | 'TENANT_ADMIN'
  /** Reads only. */
  | 'VIEWER';

export type RotateDeviceCredentialsInput = {
  deviceId: string | number;
  /** How long the current password keeps working: 0 to 2592000 seconds (30 days), 86400 by default. */
  overlapSeconds?: number | null | undefined;
};

export type RotateEdgeGatewayKeyInput = {
  gatewayId: string | number;
  /** How long the current key keeps verifying: 0 to 2592000 seconds (30 days), 86400 by default. */
  overlapSeconds?: number | null | undefined;
};

export type SetBillingProfileInput = {
  country: string;
  currency: string;
};

export type SetExchangeRateInput = {
  asOf: string;
  baseCurrency: string;
  quoteCurrency: string;
  /** Units of the quote currency per unit of the base currency, as decimal text (35.125). */
  rate: string;
};

export type SetTargetCurveInput = {
  /** 1 to 80 characters, matched exactly against Batch.breed. */
  breed: string;
  /** 1 to 1000 points with distinct days of age; replaces the curve. */
  points: Array<TargetCurvePointInput>;
  species: Species;
};

export type SetVatRateInput = {
  country: string;
  effectiveFrom: string;
  rateBasisPoints: number;
};

export type Species =
  | 'BROILER'
  | 'PIG';

export type SubscribeInput = {
  billingCycle?: BillingCycle;
  /** Send the same key again to get the same result instead of a second subscription or invoice. */
  idempotencyKey?: string | null | undefined;
  plan: PlanCode;
};

export type SubscriptionStatus =
  | 'ACTIVE'
  | 'CANCELED';

export type TargetCurvePointInput = {
  /** 0 to 1000. */
  dayOfAge: number;
  /** More than 0, at most 500 kg. */
  weightKg: number;
};

/** The fields to change; the others stay. A change clears the rule's active alert and restarts its evaluation. */
export type UpdateAlertRuleInput = {
  clearThreshold?: number | null | undefined;
  comparison?: Comparison | null | undefined;
  enabled?: boolean | null | undefined;
  minDurationSeconds?: number | null | undefined;
  threshold?: number | null | undefined;
};

/** Where a weigh session's weights come from. */
export type WeighSessionSource =
  /** Estimated by a barn camera at the farm (one session per camera and farm-local day). */
  | 'CAMERA'
  /** Typed in by a person. */
  | 'MANUAL'
  /** A platform scale the birds step on, read out by a person or its software. */
  | 'PLATFORM_SCALE';

export type WeighSessionStatus =
  /** Abandoned: its weights are kept for the record and feed nothing. */
  | 'CANCELLED'
  /** Closed: its weights are the batch's weigh samples of its day and feed the KPIs. */
  | 'FINALIZED'
  /** Taking weights. */
  | 'OPEN';

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { __typename: 'Query', me: { __typename: 'Viewer', roles: Array<Role>, user: { __typename: 'User', id: string, email: string } | null, tenant: { __typename: 'Tenant', id: string, name: string, farms: Array<{ __typename: 'Farm', id: string, name: string, timeZone: string }> } | null } };

export type RequestPasswordResetMutationVariables = Exact<{
  email: string;
}>;


export type RequestPasswordResetMutation = { __typename: 'Mutation', requestPasswordReset: boolean };

export type ResetPasswordMutationVariables = Exact<{
  token: string;
  newPassword: string;
}>;


export type ResetPasswordMutation = { __typename: 'Mutation', resetPassword: boolean };

export type AcceptInvitationMutationVariables = Exact<{
  token: string;
  newPassword: string;
}>;


export type AcceptInvitationMutation = { __typename: 'Mutation', acceptInvitation: boolean };

export type ApiClientsQueryVariables = Exact<{ [key: string]: never; }>;


export type ApiClientsQuery = { __typename: 'Query', apiClients: Array<{ __typename: 'ApiClient', id: string, name: string, scopes: Array<ApiScope>, createdAt: string, revokedAt: string | null }> };

export type CreateApiClientMutationVariables = Exact<{
  input: CreateApiClientInput;
}>;


export type CreateApiClientMutation = { __typename: 'Mutation', createApiClient: { __typename: 'ApiClientCredentials', clientSecret: string, client: { __typename: 'ApiClient', id: string, name: string, scopes: Array<ApiScope>, createdAt: string, revokedAt: string | null } } };

export type RevokeApiClientMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeApiClientMutation = { __typename: 'Mutation', revokeApiClient: { __typename: 'ApiClient', id: string, revokedAt: string | null } };

export type RotateApiClientSecretMutationVariables = Exact<{
  id: string | number;
}>;


export type RotateApiClientSecretMutation = { __typename: 'Mutation', rotateApiClientSecret: { __typename: 'ApiClientCredentials', clientSecret: string, client: { __typename: 'ApiClient', id: string, name: string } } };

export type AuditLogQueryVariables = Exact<{
  action?: AuditAction | null | undefined;
  after?: string | null | undefined;
}>;


export type AuditLogQuery = { __typename: 'Query', auditLog: { __typename: 'AuditRecordConnection', nodes: Array<{ __typename: 'AuditRecord', id: string, at: string, action: AuditAction, actorId: string | null, targetType: string | null, targetId: string | null, address: string }>, pageInfo: { __typename: 'PageInfo', endCursor: string | null, hasNextPage: boolean } } };

export type AuditActorsQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditActorsQuery = { __typename: 'Query', members: { __typename: 'MemberConnection', nodes: Array<{ __typename: 'Member', email: string, user: { __typename: 'User', id: string } }> } };

export type AuditLogCsvQueryVariables = Exact<{
  since: string;
  until: string;
}>;


export type AuditLogCsvQuery = { __typename: 'Query', auditLogCsv: string };

export type BillingQueryVariables = Exact<{ [key: string]: never; }>;


export type BillingQuery = { __typename: 'Query', me: { __typename: 'Viewer', tenant: { __typename: 'Tenant', id: string, activeSubscription: { __typename: 'BillingSubscription', id: string, plan: PlanCode, status: SubscriptionStatus, billingCycle: BillingCycle, currency: string, currentPeriodStart: string, currentPeriodEnd: string, cancelAtPeriodEnd: boolean } | null } | null }, billingProfile: { __typename: 'BillingProfile', country: string, currency: string } | null, invoices: Array<{ __typename: 'Invoice', id: string, number: number, kind: InvoiceKind, issuedAt: string, paymentStatus: PaymentStatus, total: { __typename: 'Money', amountMinor: number, currency: string } }>, plans: Array<{ __typename: 'Plan', code: PlanCode, includedDevices: number, includedMessagesPerMonth: number }> };

export type PreviewPlanChangeQueryVariables = Exact<{
  input: ChangePlanInput;
}>;


export type PreviewPlanChangeQuery = { __typename: 'Query', previewPlanChange: { __typename: 'InvoicePreview', currency: string, vatRateBasisPoints: number, lines: Array<{ __typename: 'InvoiceLine', position: number, description: string, quantity: number, amount: { __typename: 'Money', amountMinor: number, currency: string }, item: { __typename: 'InvoiceLineItem', kind: InvoiceLineKind, credit: boolean, plan: PlanCode | null, billingCycle: BillingCycle | null, from: string | null, to: string | null, month: string | null } | null }>, subtotal: { __typename: 'Money', amountMinor: number, currency: string }, vat: { __typename: 'Money', amountMinor: number, currency: string }, total: { __typename: 'Money', amountMinor: number, currency: string } } };

export type PreviewSubscribeQueryVariables = Exact<{
  input: SubscribeInput;
}>;


export type PreviewSubscribeQuery = { __typename: 'Query', previewSubscribe: { __typename: 'InvoicePreview', currency: string, vatRateBasisPoints: number, lines: Array<{ __typename: 'InvoiceLine', position: number, description: string, quantity: number, amount: { __typename: 'Money', amountMinor: number, currency: string }, item: { __typename: 'InvoiceLineItem', kind: InvoiceLineKind, credit: boolean, plan: PlanCode | null, billingCycle: BillingCycle | null, from: string | null, to: string | null, month: string | null } | null }>, subtotal: { __typename: 'Money', amountMinor: number, currency: string }, vat: { __typename: 'Money', amountMinor: number, currency: string }, total: { __typename: 'Money', amountMinor: number, currency: string } } };

export type NextInvoiceQueryVariables = Exact<{ [key: string]: never; }>;


export type NextInvoiceQuery = { __typename: 'Query', previewNextInvoice: { __typename: 'InvoicePreview', currency: string, vatRateBasisPoints: number, lines: Array<{ __typename: 'InvoiceLine', position: number, description: string, quantity: number, amount: { __typename: 'Money', amountMinor: number, currency: string }, item: { __typename: 'InvoiceLineItem', kind: InvoiceLineKind, credit: boolean, plan: PlanCode | null, billingCycle: BillingCycle | null, from: string | null, to: string | null, month: string | null } | null }>, subtotal: { __typename: 'Money', amountMinor: number, currency: string }, vat: { __typename: 'Money', amountMinor: number, currency: string }, total: { __typename: 'Money', amountMinor: number, currency: string } } };

export type ChangePlanMutationVariables = Exact<{
  input: ChangePlanInput;
}>;


export type ChangePlanMutation = { __typename: 'Mutation', changePlan: { __typename: 'SubscriptionChange', subscription: { __typename: 'BillingSubscription', id: string, plan: PlanCode, billingCycle: BillingCycle }, invoice: { __typename: 'Invoice', id: string, number: number } | null } };

export type SubscribeMutationVariables = Exact<{
  input: SubscribeInput;
}>;


export type SubscribeMutation = { __typename: 'Mutation', subscribe: { __typename: 'BillingSubscription', id: string, plan: PlanCode, billingCycle: BillingCycle } };

export type SetBillingProfileMutationVariables = Exact<{
  input: SetBillingProfileInput;
}>;


export type SetBillingProfileMutation = { __typename: 'Mutation', setBillingProfile: { __typename: 'BillingProfile', country: string, currency: string } };

export type InvoiceQueryVariables = Exact<{
  id: string | number;
}>;


export type InvoiceQuery = { __typename: 'Query', invoice: { __typename: 'Invoice', id: string, number: number, kind: InvoiceKind, currency: string, issuedAt: string, vatCountry: string, vatRateBasisPoints: number, paymentStatus: PaymentStatus, lines: Array<{ __typename: 'InvoiceLine', position: number, description: string, quantity: number, amount: { __typename: 'Money', amountMinor: number, currency: string }, item: { __typename: 'InvoiceLineItem', kind: InvoiceLineKind, credit: boolean, plan: PlanCode | null, billingCycle: BillingCycle | null, from: string | null, to: string | null, month: string | null } | null }>, subtotal: { __typename: 'Money', amountMinor: number, currency: string }, vat: { __typename: 'Money', amountMinor: number, currency: string }, total: { __typename: 'Money', amountMinor: number, currency: string }, amountPaid: { __typename: 'Money', amountMinor: number, currency: string }, amountDue: { __typename: 'Money', amountMinor: number, currency: string }, creditedInvoice: { __typename: 'Invoice', id: string, number: number } | null, payments: Array<{ __typename: 'Payment', id: string, kind: PaymentKind, reference: string, recordedAt: string, amount: { __typename: 'Money', amountMinor: number, currency: string } }> } | null };

export type MembersQueryVariables = Exact<{
  search?: string | null | undefined;
}>;


export type MembersQuery = { __typename: 'Query', members: { __typename: 'MemberConnection', nodes: Array<{ __typename: 'Member', email: string, role: Role, lastLoginAt: string | null, disabledAt: string | null, joinedAt: string, user: { __typename: 'User', id: string, mustChangePassword: boolean } }> } };

export type SendInvitationMutationVariables = Exact<{
  input: InviteUserInput;
}>;


export type SendInvitationMutation = { __typename: 'Mutation', sendInvitation: { __typename: 'User', id: string, email: string } };

export type InviteUserMutationVariables = Exact<{
  input: InviteUserInput;
}>;


export type InviteUserMutation = { __typename: 'Mutation', inviteUser: { __typename: 'Invitation', temporaryPassword: string, user: { __typename: 'User', id: string, email: string } } };

export type ChangeMemberRoleMutationVariables = Exact<{
  userId: string | number;
  role: Role;
}>;


export type ChangeMemberRoleMutation = { __typename: 'Mutation', changeMemberRole: { __typename: 'Member', role: Role } };

export type DisableMemberMutationVariables = Exact<{
  userId: string | number;
}>;


export type DisableMemberMutation = { __typename: 'Mutation', disableMember: { __typename: 'Member', disabledAt: string | null } };

export type EnableMemberMutationVariables = Exact<{
  userId: string | number;
}>;


export type EnableMemberMutation = { __typename: 'Mutation', enableMember: { __typename: 'Member', disabledAt: string | null } };

export type RemoveMemberMutationVariables = Exact<{
  userId: string | number;
}>;


export type RemoveMemberMutation = { __typename: 'Mutation', removeMember: boolean };

export type AlertsInboxQueryVariables = Exact<{
  farmId: string | number;
  status?: AlertStatus | null | undefined;
}>;


export type AlertsInboxQuery = { __typename: 'Query', alerts: { __typename: 'AlertConnection', nodes: Array<{ __typename: 'Alert', id: string, metric: string, builtIn: BuiltInAlertKind | null, comparison: Comparison, threshold: number, status: AlertStatus, raisedAt: string, clearedAt: string | null, peakValue: number, lastValue: number, acknowledgedAt: string | null, acknowledgedBy: { __typename: 'User', id: string, email: string } | null, barn: { __typename: 'Barn', id: string, name: string } | null }> } };

export type AlertChangedSubscriptionVariables = Exact<{
  farmId: string | number;
}>;


export type AlertChangedSubscription = { alertChanged: { __typename: 'AlertChange', change: AlertChangeKind, alert: { __typename: 'Alert', id: string, status: AlertStatus, clearedAt: string | null, lastValue: number, peakValue: number, acknowledgedAt: string | null, acknowledgedBy: { __typename: 'User', id: string, email: string } | null } } };

export type AcknowledgeAlertMutationVariables = Exact<{
  id: string | number;
}>;


export type AcknowledgeAlertMutation = { __typename: 'Mutation', acknowledgeAlert: { __typename: 'Alert', id: string, acknowledgedAt: string | null, acknowledgedBy: { __typename: 'User', id: string, email: string } | null } };

export type BarnRulesQueryVariables = Exact<{
  barnId: string | number;
}>;


export type BarnRulesQuery = { __typename: 'Query', barn: { __typename: 'Barn', id: string, name: string, farm: { __typename: 'Farm', id: string, name: string }, alertRules: Array<{ __typename: 'AlertRule', id: string, metric: string, comparison: Comparison, threshold: number, clearThreshold: number, minDurationSeconds: number, enabled: boolean }> } | null };

export type CreateAlertRuleMutationVariables = Exact<{
  input: CreateAlertRuleInput;
}>;


export type CreateAlertRuleMutation = { __typename: 'Mutation', createAlertRule: { __typename: 'AlertRule', id: string, metric: string, comparison: Comparison, threshold: number, clearThreshold: number, minDurationSeconds: number, enabled: boolean } };

export type UpdateAlertRuleMutationVariables = Exact<{
  id: string | number;
  input: UpdateAlertRuleInput;
}>;


export type UpdateAlertRuleMutation = { __typename: 'Mutation', updateAlertRule: { __typename: 'AlertRule', id: string, enabled: boolean } };

export type DeleteAlertRuleMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteAlertRuleMutation = { __typename: 'Mutation', deleteAlertRule: string };

export type RefreshSessionMutationVariables = Exact<{ [key: string]: never; }>;


export type RefreshSessionMutation = { __typename: 'Mutation', refreshSession: { __typename: 'Session', accessTokenExpiresAt: string } };

export type BarnPageQueryVariables = Exact<{
  barnId: string | number;
}>;


export type BarnPageQuery = { __typename: 'Query', barn: { __typename: 'Barn', id: string, name: string, species: Species, capacityHead: number, farm: { __typename: 'Farm', id: string, name: string, timeZone: string, batches: Array<{ __typename: 'Batch', id: string, placedOn: string, barn: { __typename: 'Barn', id: string } | null }> }, devices: { __typename: 'DeviceConnection', nodes: Array<{ __typename: 'Device', id: string, name: string | null, serialNumber: string, kind: DeviceKind, status: DeviceStatus, credentialsIssuedAt: string | null, metrics: Array<{ __typename: 'MetricDefinition', name: string, unit: string }>, latestReadings: Array<{ __typename: 'Reading', metric: string, unit: string, value: number, observedAt: string }> }> } } | null };

export type ReadingsCsvQueryVariables = Exact<{
  deviceId: string | number;
  from: string;
  to: string;
}>;


export type ReadingsCsvQuery = { __typename: 'Query', readingsCsv: string };

export type ReadingSeriesQueryVariables = Exact<{
  deviceId: string | number;
  metric: string;
  from: string;
  to: string;
  interval: BucketInterval;
}>;


export type ReadingSeriesQuery = { __typename: 'Query', readingSeries: { __typename: 'ReadingSeries', unit: string, interval: BucketInterval, timeZone: string, buckets: Array<{ __typename: 'ReadingBucket', start: string, count: number, avg: number, min: number, max: number }> } };

export type BatchPageQueryVariables = Exact<{
  batchId: string | number;
  asOf?: string | null | undefined;
}>;


export type BatchPageQuery = { __typename: 'Query', batch: { __typename: 'Batch', id: string, species: Species, breed: string | null, placedOn: string, headCountPlaced: number, placementWeightKg: number, barn: { __typename: 'Barn', id: string, name: string } | null, performance: { __typename: 'BatchPerformance', asOf: string, ageDays: number, headCountAlive: number, deadCount: number, culledCount: number, feedKg: number, waterLitres: number, averageWeightKg: { __typename: 'KpiValue', value: number | null, unavailableReason: KpiUnavailableReason | null }, adgGramsPerDay: { __typename: 'KpiValue', value: number | null, unavailableReason: KpiUnavailableReason | null }, adfiGramsPerAnimalPerDay: { __typename: 'KpiValue', value: number | null, unavailableReason: KpiUnavailableReason | null }, fcrKgFeedPerKgGain: { __typename: 'KpiValue', value: number | null, unavailableReason: KpiUnavailableReason | null }, mortalityPercent: { __typename: 'KpiValue', value: number | null, unavailableReason: KpiUnavailableReason | null }, livabilityPercent: { __typename: 'KpiValue', value: number | null, unavailableReason: KpiUnavailableReason | null }, epef: { __typename: 'KpiValue', value: number | null, unavailableReason: KpiUnavailableReason | null }, iep: { __typename: 'KpiValue', value: number | null, unavailableReason: KpiUnavailableReason | null }, waterToFeedLitresPerKg: { __typename: 'KpiValue', value: number | null, unavailableReason: KpiUnavailableReason | null }, targetWeightKg: { __typename: 'KpiValue', value: number | null, unavailableReason: KpiUnavailableReason | null }, targetDeviationPercent: { __typename: 'KpiValue', value: number | null, unavailableReason: KpiUnavailableReason | null }, uniformity: { __typename: 'Uniformity', weighedOn: string | null, sampleCount: number, cvPercent: { __typename: 'KpiValue', value: number | null, unavailableReason: KpiUnavailableReason | null }, withinTenPercentOfMeanPercent: { __typename: 'KpiValue', value: number | null, unavailableReason: KpiUnavailableReason | null } }, health: { __typename: 'HealthScore', score: { __typename: 'KpiValue', value: number | null, unavailableReason: KpiUnavailableReason | null }, mortalityFraction: { __typename: 'KpiValue', value: number | null, unavailableReason: KpiUnavailableReason | null }, morbidityFraction: { __typename: 'KpiValue', value: number | null, unavailableReason: KpiUnavailableReason | null }, treatmentFraction: { __typename: 'KpiValue', value: number | null, unavailableReason: KpiUnavailableReason | null }, mortalityComponent: { __typename: 'KpiValue', value: number | null, unavailableReason: KpiUnavailableReason | null }, morbidityComponent: { __typename: 'KpiValue', value: number | null, unavailableReason: KpiUnavailableReason | null }, treatmentComponent: { __typename: 'KpiValue', value: number | null, unavailableReason: KpiUnavailableReason | null } } }, dailySeries: Array<{ __typename: 'BatchDay', dayOfAge: number, averageWeightKg: number | null, sampleCount: number, targetWeightKg: { __typename: 'KpiValue', value: number | null }, targetDeviationPercent: { __typename: 'KpiValue', value: number | null } }> } | null };

export type RecordHealthMutationVariables = Exact<{
  input: RecordHealthInput;
}>;


export type RecordHealthMutation = { __typename: 'Mutation', recordHealth: { __typename: 'Batch', id: string } };

export type RecordWeighSessionMutationVariables = Exact<{
  batchId: string | number;
  weightsKg: Array<number> | number;
  weighedOn: string;
}>;


export type RecordWeighSessionMutation = { __typename: 'Mutation', recordWeighSession: { __typename: 'Batch', id: string } };

export type CohortQueryVariables = Exact<{
  farmId: string | number;
  asOf?: string | null | undefined;
}>;


export type CohortQuery = { __typename: 'Query', farm: { __typename: 'Farm', id: string, name: string, batchRanking: Array<{ __typename: 'BatchRanking', rank: number | null, score: number | null, fcrScore: number | null, adgScore: number | null, fcrKgFeedPerKgGain: number | null, adgGramsPerDay: number | null, batch: { __typename: 'Batch', id: string, placedOn: string, breed: string | null, species: Species, headCountPlaced: number, barn: { __typename: 'Barn', id: string, name: string } | null } }> } | null };

export type RecordMortalityMutationVariables = Exact<{
  input: RecordMortalityInput;
}>;


export type RecordMortalityMutation = { __typename: 'Mutation', recordMortality: { __typename: 'Batch', id: string } };

export type RecordFeedMutationVariables = Exact<{
  input: RecordFeedInput;
}>;


export type RecordFeedMutation = { __typename: 'Mutation', recordFeed: { __typename: 'Batch', id: string } };

export type RecordWaterMutationVariables = Exact<{
  input: RecordWaterInput;
}>;


export type RecordWaterMutation = { __typename: 'Mutation', recordWater: { __typename: 'Batch', id: string } };

export type PlaceBatchBarnsQueryVariables = Exact<{
  farmId: string | number;
}>;


export type PlaceBatchBarnsQuery = { __typename: 'Query', farm: { __typename: 'Farm', id: string, barns: Array<{ __typename: 'Barn', id: string, name: string, species: Species, capacityHead: number }> } | null };

export type PlaceBatchMutationVariables = Exact<{
  input: PlaceBatchInput;
}>;


export type PlaceBatchMutation = { __typename: 'Mutation', placeBatch: { __typename: 'Batch', id: string } };

export type SetTargetCurveMutationVariables = Exact<{
  input: SetTargetCurveInput;
}>;


export type SetTargetCurveMutation = { __typename: 'Mutation', setTargetCurve: { __typename: 'TargetCurve', breed: string, points: Array<{ __typename: 'TargetCurvePoint', dayOfAge: number, weightKg: number }> } };

export type BatchWeighSessionsQueryVariables = Exact<{
  batchId: string | number;
}>;


export type BatchWeighSessionsQuery = { __typename: 'Query', batch: { __typename: 'Batch', id: string, weighSessions: Array<{ __typename: 'WeighSession', id: string, source: WeighSessionSource, weighedOn: string, status: WeighSessionStatus, weightCount: number, meanWeightKg: number | null, lateWeightCount: number, weightsKg: Array<number> }> } | null };

export type WeighSessionChangedSubscriptionVariables = Exact<{
  batchId: string | number;
}>;


export type WeighSessionChangedSubscription = { weighSessionChanged: { __typename: 'WeighSession', id: string, status: WeighSessionStatus, weightCount: number } };

export type DevicesPageQueryVariables = Exact<{ [key: string]: never; }>;


export type DevicesPageQuery = { __typename: 'Query', devices: { __typename: 'DeviceConnection', nodes: Array<{ __typename: 'Device', id: string, serialNumber: string, kind: DeviceKind, status: DeviceStatus, name: string | null, credentialsIssuedAt: string | null, barn: { __typename: 'Barn', id: string, name: string } | null }> }, me: { __typename: 'Viewer', tenant: { __typename: 'Tenant', id: string, farms: Array<{ __typename: 'Farm', id: string, name: string, barns: Array<{ __typename: 'Barn', id: string, name: string }> }> } | null } };

export type ClaimDeviceMutationVariables = Exact<{
  input: ClaimDeviceInput;
}>;


export type ClaimDeviceMutation = { __typename: 'Mutation', claimDevice: { __typename: 'Device', id: string, serialNumber: string, status: DeviceStatus } };

export type ActivateDeviceMutationVariables = Exact<{
  input: ActivateDeviceInput;
}>;


export type ActivateDeviceMutation = { __typename: 'Mutation', activateDevice: { __typename: 'DeviceCredentials', mqttUsername: string, mqttPassword: string, mqttTopic: string, previousValidUntil: string | null, device: { __typename: 'Device', id: string, status: DeviceStatus, name: string | null, credentialsIssuedAt: string | null, barn: { __typename: 'Barn', id: string, name: string } | null } } };

export type RotateDeviceCredentialsMutationVariables = Exact<{
  input: RotateDeviceCredentialsInput;
}>;


export type RotateDeviceCredentialsMutation = { __typename: 'Mutation', rotateDeviceCredentials: { __typename: 'DeviceCredentials', mqttUsername: string, mqttPassword: string, mqttTopic: string, previousValidUntil: string | null, device: { __typename: 'Device', id: string, credentialsIssuedAt: string | null } } };

export type RevokeDeviceMutationVariables = Exact<{
  deviceId: string | number;
}>;


export type RevokeDeviceMutation = { __typename: 'Mutation', revokeDevice: { __typename: 'Device', id: string, status: DeviceStatus } };

export type EdgeGatewaysQueryVariables = Exact<{
  farmId: string | number;
}>;


export type EdgeGatewaysQuery = { __typename: 'Query', farm: { __typename: 'Farm', id: string, name: string, timeZone: string, edgeGateways: Array<{ __typename: 'EdgeGateway', id: string, name: string, createdAt: string, revokedAt: string | null, keys: Array<{ __typename: 'EdgeGatewayKey', keyId: string, issuedAt: string, validUntil: string | null, revokedAt: string | null }> }> } | null };

export type RegisterEdgeGatewayMutationVariables = Exact<{
  input: RegisterEdgeGatewayInput;
}>;


export type RegisterEdgeGatewayMutation = { __typename: 'Mutation', registerEdgeGateway: { __typename: 'EdgeGatewaySecret', keyId: string, secret: string, previousValidUntil: string | null, gateway: { __typename: 'EdgeGateway', id: string, name: string } } };

export type RotateEdgeGatewayKeyMutationVariables = Exact<{
  input: RotateEdgeGatewayKeyInput;
}>;


export type RotateEdgeGatewayKeyMutation = { __typename: 'Mutation', rotateEdgeGatewayKey: { __typename: 'EdgeGatewaySecret', keyId: string, secret: string, previousValidUntil: string | null, gateway: { __typename: 'EdgeGateway', id: string, name: string } } };

export type RevokeEdgeGatewayMutationVariables = Exact<{
  gatewayId: string | number;
}>;


export type RevokeEdgeGatewayMutation = { __typename: 'Mutation', revokeEdgeGateway: { __typename: 'EdgeGateway', id: string, revokedAt: string | null } };

export type FarmOverviewQueryVariables = Exact<{
  farmId: string | number;
  asOf?: string | null | undefined;
}>;


export type FarmOverviewQuery = { __typename: 'Query', farm: { __typename: 'Farm', id: string, name: string, timeZone: string, barns: Array<{ __typename: 'Barn', id: string, name: string, species: Species, capacityHead: number, currentClimate: Array<{ __typename: 'Reading', metric: string, unit: string, value: number, observedAt: string }> }>, batches: Array<{ __typename: 'Batch', id: string, placedOn: string, headCountPlaced: number, barn: { __typename: 'Barn', id: string } | null, performance: { __typename: 'BatchPerformance', ageDays: number, headCountAlive: number } }> } | null, alerts: { __typename: 'AlertConnection', nodes: Array<{ __typename: 'Alert', id: string, metric: string, builtIn: BuiltInAlertKind | null, acknowledgedAt: string | null, barn: { __typename: 'Barn', id: string } | null }> } };

export type LiveBarnReadingsSubscriptionVariables = Exact<{
  barnId: string | number;
  metrics?: Array<string> | string | null | undefined;
  everySeconds?: number | null | undefined;
}>;


export type LiveBarnReadingsSubscription = { readingAdded: { __typename: 'Reading', metric: string, unit: string, value: number, observedAt: string, device: { __typename: 'Device', id: string } } };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { __typename: 'Mutation', logout: boolean };

export type NotificationSettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type NotificationSettingsQuery = { __typename: 'Query', webPushPublicKey: string | null, myNotificationSubscriptions: Array<{ __typename: 'NotificationSubscription', id: string, channel: NotificationChannel, address: string, deviceLabel: string | null, minSeverity: AlertSeverity, farm: { __typename: 'Farm', id: string } | null }> };

export type RegisterPushMutationVariables = Exact<{
  input: RegisterPushSubscriptionInput;
}>;


export type RegisterPushMutation = { __typename: 'Mutation', registerPushSubscription: { __typename: 'NotificationSubscription', id: string } };

export type UnregisterPushMutationVariables = Exact<{
  endpoint: string;
}>;


export type UnregisterPushMutation = { __typename: 'Mutation', unregisterPushSubscription: boolean };

export type UnsubscribeMutationVariables = Exact<{
  id: string | number;
}>;


export type UnsubscribeMutation = { __typename: 'Mutation', unsubscribeFromAlerts: string };

export type RegisterDevicesMutationVariables = Exact<{
  input: RegisterDevicesInput;
}>;


export type RegisterDevicesMutation = { __typename: 'Mutation', registerDevices: Array<{ __typename: 'RegisteredDevice', claimCode: string, claimLink: string, qrCodeSvg: string, device: { __typename: 'Device', id: string, serialNumber: string, kind: DeviceKind } }> };

export type ReissueClaimCodesMutationVariables = Exact<{
  input: ReissueClaimCodesInput;
}>;


export type ReissueClaimCodesMutation = { __typename: 'Mutation', reissueClaimCodes: Array<{ __typename: 'RegisteredDevice', claimCode: string, claimLink: string, qrCodeSvg: string, device: { __typename: 'Device', id: string, serialNumber: string, kind: DeviceKind } }> };

export type SetVatRateMutationVariables = Exact<{
  input: SetVatRateInput;
}>;


export type SetVatRateMutation = { __typename: 'Mutation', setVatRate: { __typename: 'VatRate', country: string, rateBasisPoints: number, effectiveFrom: string } };

export type SetExchangeRateMutationVariables = Exact<{
  input: SetExchangeRateInput;
}>;


export type SetExchangeRateMutation = { __typename: 'Mutation', setExchangeRate: { __typename: 'ExchangeRate', baseCurrency: string, quoteCurrency: string, rate: string, asOf: string } };

export type TenantsQueryVariables = Exact<{
  search?: string | null | undefined;
  after?: string | null | undefined;
}>;


export type TenantsQuery = { __typename: 'Query', tenants: { __typename: 'TenantConnection', nodes: Array<{ __typename: 'Tenant', id: string, name: string, createdAt: string, suspendedAt: string | null }>, pageInfo: { __typename: 'PageInfo', endCursor: string | null, hasNextPage: boolean } } };

export type CreateTenantMutationVariables = Exact<{
  input: CreateTenantInput;
}>;


export type CreateTenantMutation = { __typename: 'Mutation', createTenant: { __typename: 'Tenant', id: string, name: string } };

export type InviteFirstAdminByEmailMutationVariables = Exact<{
  input: InviteUserInput;
}>;


export type InviteFirstAdminByEmailMutation = { __typename: 'Mutation', sendInvitation: { __typename: 'User', id: string, email: string } };

export type InviteFirstAdminMutationVariables = Exact<{
  input: InviteUserInput;
}>;


export type InviteFirstAdminMutation = { __typename: 'Mutation', inviteUser: { __typename: 'Invitation', temporaryPassword: string, user: { __typename: 'User', id: string, email: string } } };

export type SuspendTenantMutationVariables = Exact<{
  id: string | number;
}>;


export type SuspendTenantMutation = { __typename: 'Mutation', suspendTenant: { __typename: 'Tenant', id: string, suspendedAt: string | null } };

export type ReinstateTenantMutationVariables = Exact<{
  id: string | number;
}>;


export type ReinstateTenantMutation = { __typename: 'Mutation', reinstateTenant: { __typename: 'Tenant', id: string, suspendedAt: string | null } };

export type SecuritySettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type SecuritySettingsQuery = { __typename: 'Query', me: { __typename: 'Viewer', roles: Array<Role>, user: { __typename: 'User', id: string, mfa: { __typename: 'MfaStatus', totpEnabled: boolean, recoveryCodesLeft: number, passkeys: Array<{ __typename: 'Passkey', id: string, name: string, createdAt: string }> } } | null, tenant: { __typename: 'Tenant', id: string, requireMfa: boolean } | null } };

export type StartTotpMutationVariables = Exact<{ [key: string]: never; }>;


export type StartTotpMutation = { __typename: 'Mutation', startTotpEnrolment: { __typename: 'TotpEnrolment', secret: string, otpauthUri: string } };

export type ConfirmTotpMutationVariables = Exact<{
  totpCode: string;
}>;


export type ConfirmTotpMutation = { __typename: 'Mutation', confirmTotpEnrolment: { __typename: 'MfaEnrolment', recoveryCodes: Array<string> | null } };

export type DisableTotpMutationVariables = Exact<{
  password: string;
  code: string;
}>;


export type DisableTotpMutation = { __typename: 'Mutation', disableTotp: boolean };

export type RegenerateRecoveryCodesMutationVariables = Exact<{
  password: string;
  code: string;
}>;


export type RegenerateRecoveryCodesMutation = { __typename: 'Mutation', regenerateRecoveryCodes: Array<string> };

export type StartPasskeyRegistrationMutationVariables = Exact<{ [key: string]: never; }>;


export type StartPasskeyRegistrationMutation = { __typename: 'Mutation', startPasskeyRegistration: string };

export type FinishPasskeyRegistrationMutationVariables = Exact<{
  name: string;
  response: string;
}>;


export type FinishPasskeyRegistrationMutation = { __typename: 'Mutation', finishPasskeyRegistration: { __typename: 'PasskeyRegistration', recoveryCodes: Array<string> | null, passkey: { __typename: 'Passkey', id: string } } };

export type RemovePasskeyMutationVariables = Exact<{
  id: string | number;
  password: string;
}>;


export type RemovePasskeyMutation = { __typename: 'Mutation', removePasskey: boolean };

export type SetTenantMfaRequiredMutationVariables = Exact<{
  required: boolean;
}>;


export type SetTenantMfaRequiredMutation = { __typename: 'Mutation', setTenantMfaRequired: { __typename: 'Tenant', id: string, requireMfa: boolean } };

export type LoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type LoginMutation = { __typename: 'Mutation', login: { __typename: 'Session', accessTokenExpiresAt: string } };

export type CompleteMfaLoginMutationVariables = Exact<{
  challengeToken: string;
  totpCode?: string | null | undefined;
  recoveryCode?: string | null | undefined;
  passkeyResponse?: string | null | undefined;
}>;


export type CompleteMfaLoginMutation = { __typename: 'Mutation', completeMfaLogin: { __typename: 'Session', accessTokenExpiresAt: string } };

export type StartPasskeyLoginMutationVariables = Exact<{
  challengeToken: string;
}>;


export type StartPasskeyLoginMutation = { __typename: 'Mutation', startPasskeyLogin: string };

export type StartEnrolmentAtLoginMutationVariables = Exact<{
  challengeToken?: string | null | undefined;
}>;


export type StartEnrolmentAtLoginMutation = { __typename: 'Mutation', startTotpEnrolment: { __typename: 'TotpEnrolment', secret: string, otpauthUri: string } };

export type ConfirmEnrolmentAtLoginMutationVariables = Exact<{
  totpCode: string;
  challengeToken?: string | null | undefined;
}>;


export type ConfirmEnrolmentAtLoginMutation = { __typename: 'Mutation', confirmTotpEnrolment: { __typename: 'MfaEnrolment', recoveryCodes: Array<string> | null, session: { __typename: 'Session', accessTokenExpiresAt: string } | null } };

export type StartPasskeyAtLoginMutationVariables = Exact<{
  challengeToken?: string | null | undefined;
}>;


export type StartPasskeyAtLoginMutation = { __typename: 'Mutation', startPasskeyRegistration: string };

export type FinishPasskeyAtLoginMutationVariables = Exact<{
  name: string;
  response: string;
  challengeToken?: string | null | undefined;
}>;


export type FinishPasskeyAtLoginMutation = { __typename: 'Mutation', finishPasskeyRegistration: { __typename: 'PasskeyRegistration', recoveryCodes: Array<string> | null, session: { __typename: 'Session', accessTokenExpiresAt: string } | null } };

export type TenantHomeQueryVariables = Exact<{ [key: string]: never; }>;


export type TenantHomeQuery = { __typename: 'Query', me: { __typename: 'Viewer', tenant: { __typename: 'Tenant', id: string, farms: Array<{ __typename: 'Farm', id: string, name: string, timeZone: string, barns: Array<{ __typename: 'Barn', id: string }>, batches: Array<{ __typename: 'Batch', id: string, headCountPlaced: number }>, alertRules: Array<{ __typename: 'AlertRule', id: string }> }> } | null } };

export type TenantPlanQueryVariables = Exact<{ [key: string]: never; }>;


export type TenantPlanQuery = { __typename: 'Query', me: { __typename: 'Viewer', tenant: { __typename: 'Tenant', id: string, activeSubscription: { __typename: 'BillingSubscription', id: string, plan: PlanCode } | null } | null } };


export const ViewerDocument = {"__meta__":{"hash":"sha256:c6f3e795046abfdfcd1b3b1250b0f14ce983c40024781cf34a2ea9b0fc639f78"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"farms"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;
export const RequestPasswordResetDocument = {"__meta__":{"hash":"sha256:4f9ebbd91e6f456137cad435baf1aa83c642e1273084f8a41f5b89f2da07cd2e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestPasswordReset"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"requestPasswordReset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}}]}]}}]} as unknown as DocumentNode<RequestPasswordResetMutation, RequestPasswordResetMutationVariables>;
export const ResetPasswordDocument = {"__meta__":{"hash":"sha256:e6b4f856c1bfcb5fa1a5840829f0191973b7dc356941d962c0da4adbf80c9589"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResetPassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"newPassword"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"resetPassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}},{"kind":"Argument","name":{"kind":"Name","value":"newPassword"},"value":{"kind":"Variable","name":{"kind":"Name","value":"newPassword"}}}]}]}}]} as unknown as DocumentNode<ResetPasswordMutation, ResetPasswordMutationVariables>;
export const AcceptInvitationDocument = {"__meta__":{"hash":"sha256:13b244fe546c21aeea438a7af8c3593c8a47f8ddad7ed51b2c19d9602c8dce33"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcceptInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"newPassword"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"acceptInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}},{"kind":"Argument","name":{"kind":"Name","value":"newPassword"},"value":{"kind":"Variable","name":{"kind":"Name","value":"newPassword"}}}]}]}}]} as unknown as DocumentNode<AcceptInvitationMutation, AcceptInvitationMutationVariables>;
export const ApiClientsDocument = {"__meta__":{"hash":"sha256:c8308af20b227d6daade4d424193bd9368cc5da57cd3e10e5a44482120a75968"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApiClients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"apiClients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]} as unknown as DocumentNode<ApiClientsQuery, ApiClientsQueryVariables>;
export const CreateApiClientDocument = {"__meta__":{"hash":"sha256:dd7c10e39fd6070356f74ea0fe741910eadd74a461c42adfbe251d5a971fa531"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateApiClient"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateApiClientInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"createApiClient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clientSecret"}}]}}]}}]} as unknown as DocumentNode<CreateApiClientMutation, CreateApiClientMutationVariables>;
export const RevokeApiClientDocument = {"__meta__":{"hash":"sha256:f48e43f34f7c658f56c6c952295ebcd92e22a7f5eae106db1bda8cabe62be751"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeApiClient"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"revokeApiClient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]} as unknown as DocumentNode<RevokeApiClientMutation, RevokeApiClientMutationVariables>;
export const RotateApiClientSecretDocument = {"__meta__":{"hash":"sha256:eadca100e737d7ad0bb373edae01455718ce4308bccea281ae5a1561537b2a7e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RotateApiClientSecret"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"rotateApiClientSecret"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clientSecret"}}]}}]}}]} as unknown as DocumentNode<RotateApiClientSecretMutation, RotateApiClientSecretMutationVariables>;
export const AuditLogDocument = {"__meta__":{"hash":"sha256:af862ca04f19012686322dded1c3c21277a8227350a33581626ba6b363efb9e7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditLog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"action"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AuditAction"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"auditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"action"},"value":{"kind":"Variable","name":{"kind":"Name","value":"action"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"actorId"}},{"kind":"Field","name":{"kind":"Name","value":"targetType"}},{"kind":"Field","name":{"kind":"Name","value":"targetId"}},{"kind":"Field","name":{"kind":"Name","value":"address"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<AuditLogQuery, AuditLogQueryVariables>;
export const AuditActorsDocument = {"__meta__":{"hash":"sha256:7ec3c18702eac0641d298a09739faed81e48387e3372dcd89352dc58c0778dca"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditActors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AuditActorsQuery, AuditActorsQueryVariables>;
export const AuditLogCsvDocument = {"__meta__":{"hash":"sha256:86503035a7ac6bee51a521321215463746cf7c5b71f176397ae5b36c23699170"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditLogCsv"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"until"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"auditLogCsv"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"since"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}},{"kind":"Argument","name":{"kind":"Name","value":"until"},"value":{"kind":"Variable","name":{"kind":"Name","value":"until"}}}]}]}}]} as unknown as DocumentNode<AuditLogCsvQuery, AuditLogCsvQueryVariables>;
export const BillingDocument = {"__meta__":{"hash":"sha256:19a195badd6eee06f1e47a715b98165b71b88d62c9b35ae76493b174407fe579"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Billing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"activeSubscription"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"plan"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"billingCycle"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"currentPeriodStart"}},{"kind":"Field","name":{"kind":"Name","value":"currentPeriodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"cancelAtPeriodEnd"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"billingProfile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"invoices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"issuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"paymentStatus"}}]}},{"kind":"Field","name":{"kind":"Name","value":"plans"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"includedDevices"}},{"kind":"Field","name":{"kind":"Name","value":"includedMessagesPerMonth"}}]}}]}}]} as unknown as DocumentNode<BillingQuery, BillingQueryVariables>;
export const PreviewPlanChangeDocument = {"__meta__":{"hash":"sha256:603d77dd61065b7b5ebcc5afffa51084093c2a57465c7de5c57a64502773d19f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PreviewPlanChange"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ChangePlanInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"previewPlanChange"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"item"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"credit"}},{"kind":"Field","name":{"kind":"Name","value":"plan"}},{"kind":"Field","name":{"kind":"Name","value":"billingCycle"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"month"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"subtotal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vatRateBasisPoints"}},{"kind":"Field","name":{"kind":"Name","value":"vat"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]} as unknown as DocumentNode<PreviewPlanChangeQuery, PreviewPlanChangeQueryVariables>;
export const PreviewSubscribeDocument = {"__meta__":{"hash":"sha256:b50dd868da74c1023c8dccece08fa58ac9e474626af8af1e094a590dc4249503"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PreviewSubscribe"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubscribeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"previewSubscribe"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"item"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"credit"}},{"kind":"Field","name":{"kind":"Name","value":"plan"}},{"kind":"Field","name":{"kind":"Name","value":"billingCycle"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"month"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"subtotal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vatRateBasisPoints"}},{"kind":"Field","name":{"kind":"Name","value":"vat"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]} as unknown as DocumentNode<PreviewSubscribeQuery, PreviewSubscribeQueryVariables>;
export const NextInvoiceDocument = {"__meta__":{"hash":"sha256:adc22669777b1d62f8ea44a5ec1fdd31b755763e3a70a7e73d24b221621fb58a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NextInvoice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"previewNextInvoice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"item"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"credit"}},{"kind":"Field","name":{"kind":"Name","value":"plan"}},{"kind":"Field","name":{"kind":"Name","value":"billingCycle"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"month"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"subtotal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vatRateBasisPoints"}},{"kind":"Field","name":{"kind":"Name","value":"vat"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]} as unknown as DocumentNode<NextInvoiceQuery, NextInvoiceQueryVariables>;
export const ChangePlanDocument = {"__meta__":{"hash":"sha256:98130b06fdfec0af38f63f40cb198e08d17b6e43431b4a90327d701de90b35a3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChangePlan"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ChangePlanInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"changePlan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"subscription"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"plan"}},{"kind":"Field","name":{"kind":"Name","value":"billingCycle"}}]}},{"kind":"Field","name":{"kind":"Name","value":"invoice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}}]}}]}}]}}]} as unknown as DocumentNode<ChangePlanMutation, ChangePlanMutationVariables>;
export const SubscribeDocument = {"__meta__":{"hash":"sha256:11efec1b67008ebf18b4da513bd07894fcadb790013dedf69f4a564243cb3e7e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Subscribe"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubscribeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"subscribe"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"plan"}},{"kind":"Field","name":{"kind":"Name","value":"billingCycle"}}]}}]}}]} as unknown as DocumentNode<SubscribeMutation, SubscribeMutationVariables>;
export const SetBillingProfileDocument = {"__meta__":{"hash":"sha256:dd54b8738df744311d472fc53300aa93cbb38628c6c733eacd813519d5402a41"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetBillingProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetBillingProfileInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"setBillingProfile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]} as unknown as DocumentNode<SetBillingProfileMutation, SetBillingProfileMutationVariables>;
export const InvoiceDocument = {"__meta__":{"hash":"sha256:86082843f29556264e8748e62ada6b7679592594d0b19e810a8f1f105fe4e1a4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Invoice"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"invoice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"issuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"vatCountry"}},{"kind":"Field","name":{"kind":"Name","value":"vatRateBasisPoints"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"item"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"credit"}},{"kind":"Field","name":{"kind":"Name","value":"plan"}},{"kind":"Field","name":{"kind":"Name","value":"billingCycle"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"month"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"subtotal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vat"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"amountPaid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"amountDue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"paymentStatus"}},{"kind":"Field","name":{"kind":"Name","value":"creditedInvoice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}}]}},{"kind":"Field","name":{"kind":"Name","value":"payments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amountMinor"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}}]}}]}}]}}]} as unknown as DocumentNode<InvoiceQuery, InvoiceQueryVariables>;
export const MembersDocument = {"__meta__":{"hash":"sha256:5fc090b23de370af1f82db56ab7e0df0bf6abb150b71bc0e930af34c24da1e24"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Members"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"lastLoginAt"}},{"kind":"Field","name":{"kind":"Name","value":"disabledAt"}},{"kind":"Field","name":{"kind":"Name","value":"joinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"mustChangePassword"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MembersQuery, MembersQueryVariables>;
export const SendInvitationDocument = {"__meta__":{"hash":"sha256:9f5d259e7d5cfbaf002e0f2c5d3009a3d67ad6383216aa8aa67051fc957f0b2e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InviteUserInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"sendInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]} as unknown as DocumentNode<SendInvitationMutation, SendInvitationMutationVariables>;
export const InviteUserDocument = {"__meta__":{"hash":"sha256:aa1860b966097f27380c76aafc244c537b02a5be45616a791dbb84d357577050"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InviteUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InviteUserInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"inviteUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"temporaryPassword"}}]}}]}}]} as unknown as DocumentNode<InviteUserMutation, InviteUserMutationVariables>;
export const ChangeMemberRoleDocument = {"__meta__":{"hash":"sha256:b64e02263a923f1728c411c188422df78035f828dc734fade375671cd917a255"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChangeMemberRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"role"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Role"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"changeMemberRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}},{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<ChangeMemberRoleMutation, ChangeMemberRoleMutationVariables>;
export const DisableMemberDocument = {"__meta__":{"hash":"sha256:b125a7c948c688ddbe381eb1f9323e9b86855b8ba3b06a85776eb1ee57202d15"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DisableMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"disableMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"disabledAt"}}]}}]}}]} as unknown as DocumentNode<DisableMemberMutation, DisableMemberMutationVariables>;
export const EnableMemberDocument = {"__meta__":{"hash":"sha256:89a6d08740ab31b8905a44b388ed3cea770f67173168cc4e3fb8d41c6789041d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EnableMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"enableMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"disabledAt"}}]}}]}}]} as unknown as DocumentNode<EnableMemberMutation, EnableMemberMutationVariables>;
export const RemoveMemberDocument = {"__meta__":{"hash":"sha256:42efc21fb61b7cde11ab1fcf7937c947774bf778a434bc648cb95e71e6e84c0a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"removeMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}}]}]}}]} as unknown as DocumentNode<RemoveMemberMutation, RemoveMemberMutationVariables>;
export const AlertsInboxDocument = {"__meta__":{"hash":"sha256:9e4f683cd7ba53f0fd402988630d822ec11d2333c3b74dfcf90350db1443bfec"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AlertsInbox"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"farmId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AlertStatus"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"alerts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"farmId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"farmId"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"builtIn"}},{"kind":"Field","name":{"kind":"Name","value":"comparison"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"raisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"clearedAt"}},{"kind":"Field","name":{"kind":"Name","value":"peakValue"}},{"kind":"Field","name":{"kind":"Name","value":"lastValue"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"barn"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AlertsInboxQuery, AlertsInboxQueryVariables>;
export const AlertChangedDocument = {"__meta__":{"hash":"sha256:5ee9b73ca5b6daa1c592862fbd57892e4b9e0cb694df8c7ee697103803a1a93a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"AlertChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"farmId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"alertChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"farmId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"farmId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"change"}},{"kind":"Field","name":{"kind":"Name","value":"alert"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"clearedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastValue"}},{"kind":"Field","name":{"kind":"Name","value":"peakValue"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AlertChangedSubscription, AlertChangedSubscriptionVariables>;
export const AcknowledgeAlertDocument = {"__meta__":{"hash":"sha256:a5c7ba075e5966147f88979f01173393aa43fa8e107292f0e2632776f7bc997f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcknowledgeAlert"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgeAlert"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]} as unknown as DocumentNode<AcknowledgeAlertMutation, AcknowledgeAlertMutationVariables>;
export const BarnRulesDocument = {"__meta__":{"hash":"sha256:372c62213e3f91d40a33ecfa4ec251f2a6ebee0aeb03cadef455da50d32a3bc3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BarnRules"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"barnId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"barn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"barnId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"farm"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"alertRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"comparison"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}},{"kind":"Field","name":{"kind":"Name","value":"clearThreshold"}},{"kind":"Field","name":{"kind":"Name","value":"minDurationSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}}]}}]}}]}}]} as unknown as DocumentNode<BarnRulesQuery, BarnRulesQueryVariables>;
export const CreateAlertRuleDocument = {"__meta__":{"hash":"sha256:4d227f391814b72fadca3d7b91149275c463b6e4bb42b4c8d3d064a3ae6d74c1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateAlertRule"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateAlertRuleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"createAlertRule"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"comparison"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}},{"kind":"Field","name":{"kind":"Name","value":"clearThreshold"}},{"kind":"Field","name":{"kind":"Name","value":"minDurationSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}}]}}]}}]} as unknown as DocumentNode<CreateAlertRuleMutation, CreateAlertRuleMutationVariables>;
export const UpdateAlertRuleDocument = {"__meta__":{"hash":"sha256:2b867c8216b8920cd56c274af762f3e47916b4df8ffa0c07aa26b3278e330d65"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateAlertRule"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateAlertRuleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"updateAlertRule"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}}]}}]}}]} as unknown as DocumentNode<UpdateAlertRuleMutation, UpdateAlertRuleMutationVariables>;
export const DeleteAlertRuleDocument = {"__meta__":{"hash":"sha256:fa735f3c43c62081a70bc6a3ae150137e900bf8b39a184874a5d3eee23a4976e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteAlertRule"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"deleteAlertRule"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<DeleteAlertRuleMutation, DeleteAlertRuleMutationVariables>;
export const RefreshSessionDocument = {"__meta__":{"hash":"sha256:8c30f5c4f9fdb917f5db7e3c03d56698a8ff2d1b86538334ff98aa47a8c53605"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RefreshSession"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"refreshSession"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenExpiresAt"}}]}}]}}]} as unknown as DocumentNode<RefreshSessionMutation, RefreshSessionMutationVariables>;
export const BarnPageDocument = {"__meta__":{"hash":"sha256:2f893cdb458c830505791108fb2b3217ee1a4f0f1a2d3168d9acfd6b81f5b590"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BarnPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"barnId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"barn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"barnId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"species"}},{"kind":"Field","name":{"kind":"Name","value":"capacityHead"}},{"kind":"Field","name":{"kind":"Name","value":"farm"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"batches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"placedOn"}},{"kind":"Field","name":{"kind":"Name","value":"barn"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"devices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"40"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"credentialsIssuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"latestReadings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"observedAt"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<BarnPageQuery, BarnPageQueryVariables>;
export const ReadingsCsvDocument = {"__meta__":{"hash":"sha256:66bd8e9025718b8df887b98ed312e451ff583d69b65cfa51c72756aac247ad2b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReadingsCsv"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"deviceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"readingsCsv"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"deviceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"deviceId"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}]}]}}]} as unknown as DocumentNode<ReadingsCsvQuery, ReadingsCsvQueryVariables>;
export const ReadingSeriesDocument = {"__meta__":{"hash":"sha256:534fd680d191bb745b25cf420afdfa759bcdde6779f3a180bddcb226ed891eed"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReadingSeries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"deviceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"metric"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"interval"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"BucketInterval"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"readingSeries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"deviceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"deviceId"}}},{"kind":"Argument","name":{"kind":"Name","value":"metric"},"value":{"kind":"Variable","name":{"kind":"Name","value":"metric"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"interval"},"value":{"kind":"Variable","name":{"kind":"Name","value":"interval"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"interval"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"buckets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"avg"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}}]}}]}}]} as unknown as DocumentNode<ReadingSeriesQuery, ReadingSeriesQueryVariables>;
export const BatchPageDocument = {"__meta__":{"hash":"sha256:c397d577ffd839d7e236fded2892154c1ed6f66df12c43e9f7764b6a64669aab"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BatchPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"batchId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"batch"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"batchId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"species"}},{"kind":"Field","name":{"kind":"Name","value":"breed"}},{"kind":"Field","name":{"kind":"Name","value":"placedOn"}},{"kind":"Field","name":{"kind":"Name","value":"headCountPlaced"}},{"kind":"Field","name":{"kind":"Name","value":"placementWeightKg"}},{"kind":"Field","name":{"kind":"Name","value":"barn"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"performance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"ageDays"}},{"kind":"Field","name":{"kind":"Name","value":"headCountAlive"}},{"kind":"Field","name":{"kind":"Name","value":"deadCount"}},{"kind":"Field","name":{"kind":"Name","value":"culledCount"}},{"kind":"Field","name":{"kind":"Name","value":"feedKg"}},{"kind":"Field","name":{"kind":"Name","value":"waterLitres"}},{"kind":"Field","name":{"kind":"Name","value":"averageWeightKg"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unavailableReason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"adgGramsPerDay"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unavailableReason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"adfiGramsPerAnimalPerDay"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unavailableReason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fcrKgFeedPerKgGain"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unavailableReason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mortalityPercent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unavailableReason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"livabilityPercent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unavailableReason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"epef"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unavailableReason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"iep"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unavailableReason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"waterToFeedLitresPerKg"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unavailableReason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targetWeightKg"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unavailableReason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targetDeviationPercent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unavailableReason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"uniformity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"weighedOn"}},{"kind":"Field","name":{"kind":"Name","value":"sampleCount"}},{"kind":"Field","name":{"kind":"Name","value":"cvPercent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unavailableReason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"withinTenPercentOfMeanPercent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unavailableReason"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"health"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"score"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unavailableReason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mortalityFraction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unavailableReason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"morbidityFraction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unavailableReason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"treatmentFraction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unavailableReason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mortalityComponent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unavailableReason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"morbidityComponent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unavailableReason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"treatmentComponent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unavailableReason"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"dailySeries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"dayOfAge"}},{"kind":"Field","name":{"kind":"Name","value":"averageWeightKg"}},{"kind":"Field","name":{"kind":"Name","value":"sampleCount"}},{"kind":"Field","name":{"kind":"Name","value":"targetWeightKg"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targetDeviationPercent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]}}]} as unknown as DocumentNode<BatchPageQuery, BatchPageQueryVariables>;
export const RecordHealthDocument = {"__meta__":{"hash":"sha256:edc860909e658f9af1d33b1bb3e1d7c6834428e9a4c6c21ebfaa194935519033"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordHealth"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordHealthInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"recordHealth"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<RecordHealthMutation, RecordHealthMutationVariables>;
export const RecordWeighSessionDocument = {"__meta__":{"hash":"sha256:c7b2dec6ca08b9120ef1ca41452c047f12709eda4b8663212e5f3274d10512d1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordWeighSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"batchId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"weightsKg"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Float"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"weighedOn"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"recordWeighSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"batchId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"batchId"}}},{"kind":"Argument","name":{"kind":"Name","value":"weightsKg"},"value":{"kind":"Variable","name":{"kind":"Name","value":"weightsKg"}}},{"kind":"Argument","name":{"kind":"Name","value":"weighedOn"},"value":{"kind":"Variable","name":{"kind":"Name","value":"weighedOn"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<RecordWeighSessionMutation, RecordWeighSessionMutationVariables>;
export const CohortDocument = {"__meta__":{"hash":"sha256:35c77ff08ede562103ec80d0668d212d6ceea1dfc49d916d7871c466eff166a1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Cohort"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"farmId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"farm"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"farmId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"batchRanking"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"fcrScore"}},{"kind":"Field","name":{"kind":"Name","value":"adgScore"}},{"kind":"Field","name":{"kind":"Name","value":"fcrKgFeedPerKgGain"}},{"kind":"Field","name":{"kind":"Name","value":"adgGramsPerDay"}},{"kind":"Field","name":{"kind":"Name","value":"batch"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"placedOn"}},{"kind":"Field","name":{"kind":"Name","value":"breed"}},{"kind":"Field","name":{"kind":"Name","value":"species"}},{"kind":"Field","name":{"kind":"Name","value":"headCountPlaced"}},{"kind":"Field","name":{"kind":"Name","value":"barn"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CohortQuery, CohortQueryVariables>;
export const RecordMortalityDocument = {"__meta__":{"hash":"sha256:994ecfe4afc0c54ce7399d05115532a8617a128bfe6c077498932d6345c37b73"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordMortality"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordMortalityInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"recordMortality"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<RecordMortalityMutation, RecordMortalityMutationVariables>;
export const RecordFeedDocument = {"__meta__":{"hash":"sha256:a850917200cc1abe510aaa63dfe39aaa016475909f9be900d845dd2abae47c0a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordFeed"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordFeedInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"recordFeed"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<RecordFeedMutation, RecordFeedMutationVariables>;
export const RecordWaterDocument = {"__meta__":{"hash":"sha256:2836f475cce7631b1029fd4a4a879db4ace9bb7186dcd5f77368824c576b5405"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordWater"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordWaterInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"recordWater"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<RecordWaterMutation, RecordWaterMutationVariables>;
export const PlaceBatchBarnsDocument = {"__meta__":{"hash":"sha256:a5193c1c4993171af6ce1508d78d6b2d0e3b5993782a048ad9d9ffa19ffe24e2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PlaceBatchBarns"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"farmId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"farm"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"farmId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"barns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"species"}},{"kind":"Field","name":{"kind":"Name","value":"capacityHead"}}]}}]}}]}}]} as unknown as DocumentNode<PlaceBatchBarnsQuery, PlaceBatchBarnsQueryVariables>;
export const PlaceBatchDocument = {"__meta__":{"hash":"sha256:c72fa5277f0fd0842f9ff1bac9047d3ee9710042d10486c75ab840c2a39154cf"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PlaceBatch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PlaceBatchInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"placeBatch"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<PlaceBatchMutation, PlaceBatchMutationVariables>;
export const SetTargetCurveDocument = {"__meta__":{"hash":"sha256:f400938a97bfc6ee5525ec60fe717c31e900dfe60cf1013521916557441876c7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetTargetCurve"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetTargetCurveInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"setTargetCurve"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"breed"}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"dayOfAge"}},{"kind":"Field","name":{"kind":"Name","value":"weightKg"}}]}}]}}]}}]} as unknown as DocumentNode<SetTargetCurveMutation, SetTargetCurveMutationVariables>;
export const BatchWeighSessionsDocument = {"__meta__":{"hash":"sha256:119d750a73c8d8aea782774a22d271c3d99c0d3d539db70161eccd129176224d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BatchWeighSessions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"batchId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"batch"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"batchId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"weighSessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"weighedOn"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"weightCount"}},{"kind":"Field","name":{"kind":"Name","value":"meanWeightKg"}},{"kind":"Field","name":{"kind":"Name","value":"lateWeightCount"}},{"kind":"Field","name":{"kind":"Name","value":"weightsKg"}}]}}]}}]}}]} as unknown as DocumentNode<BatchWeighSessionsQuery, BatchWeighSessionsQueryVariables>;
export const WeighSessionChangedDocument = {"__meta__":{"hash":"sha256:51d5c26cf8d78bf849f2b6ee08d173925fa199f6d185856943507500e1931884"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"WeighSessionChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"batchId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"weighSessionChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"batchId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"batchId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"weightCount"}}]}}]}}]} as unknown as DocumentNode<WeighSessionChangedSubscription, WeighSessionChangedSubscriptionVariables>;
export const DevicesPageDocument = {"__meta__":{"hash":"sha256:6bbd1ddd95b43afa3de939ec468c5bc425e655e8d83fdb80e92bfb6b6be6ec42"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DevicesPage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"devices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"credentialsIssuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"barn"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"farms"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"barns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DevicesPageQuery, DevicesPageQueryVariables>;
export const ClaimDeviceDocument = {"__meta__":{"hash":"sha256:134921e69b42aff40284894f38244dcf299916c90dd57438387296ecf05ed2ff"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ClaimDevice"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ClaimDeviceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"claimDevice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ClaimDeviceMutation, ClaimDeviceMutationVariables>;
export const ActivateDeviceDocument = {"__meta__":{"hash":"sha256:8927df259f1025994d421e95986e13ba7c9c861f7aa2c1769378ca04e18b122e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ActivateDevice"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ActivateDeviceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"activateDevice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"mqttUsername"}},{"kind":"Field","name":{"kind":"Name","value":"mqttPassword"}},{"kind":"Field","name":{"kind":"Name","value":"mqttTopic"}},{"kind":"Field","name":{"kind":"Name","value":"previousValidUntil"}},{"kind":"Field","name":{"kind":"Name","value":"device"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"credentialsIssuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"barn"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ActivateDeviceMutation, ActivateDeviceMutationVariables>;
export const RotateDeviceCredentialsDocument = {"__meta__":{"hash":"sha256:003958c8d49c4a99b5dce2bd75b2825df41793a2e4220350a906397769f0a416"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RotateDeviceCredentials"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RotateDeviceCredentialsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"rotateDeviceCredentials"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"mqttUsername"}},{"kind":"Field","name":{"kind":"Name","value":"mqttPassword"}},{"kind":"Field","name":{"kind":"Name","value":"mqttTopic"}},{"kind":"Field","name":{"kind":"Name","value":"previousValidUntil"}},{"kind":"Field","name":{"kind":"Name","value":"device"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"credentialsIssuedAt"}}]}}]}}]}}]} as unknown as DocumentNode<RotateDeviceCredentialsMutation, RotateDeviceCredentialsMutationVariables>;
export const RevokeDeviceDocument = {"__meta__":{"hash":"sha256:fbff8edf504d5133c9ff92ae9db28e40fdd41243ea86f4b7d380bf8cffbd33e7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeDevice"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"deviceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"revokeDevice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"deviceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"deviceId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<RevokeDeviceMutation, RevokeDeviceMutationVariables>;
export const EdgeGatewaysDocument = {"__meta__":{"hash":"sha256:1ad6d8d704ad68feb13c273cd2610d8867640bcf32c05bcb5567ac01efe49375"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EdgeGateways"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"farmId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"farm"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"farmId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"edgeGateways"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"keys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"keyId"}},{"kind":"Field","name":{"kind":"Name","value":"issuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<EdgeGatewaysQuery, EdgeGatewaysQueryVariables>;
export const RegisterEdgeGatewayDocument = {"__meta__":{"hash":"sha256:c70a560944f97fbda64d748802c18a8f969d63fd126e6d379bfad670f1a5127b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterEdgeGateway"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterEdgeGatewayInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"registerEdgeGateway"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"gateway"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"keyId"}},{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"previousValidUntil"}}]}}]}}]} as unknown as DocumentNode<RegisterEdgeGatewayMutation, RegisterEdgeGatewayMutationVariables>;
export const RotateEdgeGatewayKeyDocument = {"__meta__":{"hash":"sha256:1e9df5bec9e2fed93a197a3017d18a866f4b8a44f9cdccc02119a679cea1ac3a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RotateEdgeGatewayKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RotateEdgeGatewayKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"rotateEdgeGatewayKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"gateway"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"keyId"}},{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"previousValidUntil"}}]}}]}}]} as unknown as DocumentNode<RotateEdgeGatewayKeyMutation, RotateEdgeGatewayKeyMutationVariables>;
export const RevokeEdgeGatewayDocument = {"__meta__":{"hash":"sha256:63a26a37a95f3b46e3b8f1afe244472e846e15d5b718dbd1b6e3c04af75e432f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeEdgeGateway"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"gatewayId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"revokeEdgeGateway"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"gatewayId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"gatewayId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]} as unknown as DocumentNode<RevokeEdgeGatewayMutation, RevokeEdgeGatewayMutationVariables>;
export const FarmOverviewDocument = {"__meta__":{"hash":"sha256:6f2d2b5669c6c6e25f4d3e15ab16bc29aee37eee2d8e4e8bafda9d4fea47ba64"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FarmOverview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"farmId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"farm"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"farmId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"barns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"species"}},{"kind":"Field","name":{"kind":"Name","value":"capacityHead"}},{"kind":"Field","name":{"kind":"Name","value":"currentClimate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"observedAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"batches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"placedOn"}},{"kind":"Field","name":{"kind":"Name","value":"headCountPlaced"}},{"kind":"Field","name":{"kind":"Name","value":"barn"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"performance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"ageDays"}},{"kind":"Field","name":{"kind":"Name","value":"headCountAlive"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"alerts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"farmId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"farmId"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"ACTIVE"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"builtIn"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}},{"kind":"Field","name":{"kind":"Name","value":"barn"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<FarmOverviewQuery, FarmOverviewQueryVariables>;
export const LiveBarnReadingsDocument = {"__meta__":{"hash":"sha256:0863759c6edba42078f458a986c8e0a4bfe871f40f68a55e9ce515c7a057b140"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"LiveBarnReadings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"barnId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"metrics"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"everySeconds"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"readingAdded"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"barnId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"barnId"}}},{"kind":"Argument","name":{"kind":"Name","value":"metrics"},"value":{"kind":"Variable","name":{"kind":"Name","value":"metrics"}}},{"kind":"Argument","name":{"kind":"Name","value":"everySeconds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"everySeconds"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"observedAt"}},{"kind":"Field","name":{"kind":"Name","value":"device"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<LiveBarnReadingsSubscription, LiveBarnReadingsSubscriptionVariables>;
export const LogoutDocument = {"__meta__":{"hash":"sha256:64c61094b1bd99d0f1726da3b92a011b02483334b394b4890c7a449f152dd4bc"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Logout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"logout"}}]}}]} as unknown as DocumentNode<LogoutMutation, LogoutMutationVariables>;
export const NotificationSettingsDocument = {"__meta__":{"hash":"sha256:92f5f108065d576cbc95a8dc27246fea305bc6d7811784f63799356bf1bfe74a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NotificationSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"webPushPublicKey"}},{"kind":"Field","name":{"kind":"Name","value":"myNotificationSubscriptions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"deviceLabel"}},{"kind":"Field","name":{"kind":"Name","value":"minSeverity"}},{"kind":"Field","name":{"kind":"Name","value":"farm"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<NotificationSettingsQuery, NotificationSettingsQueryVariables>;
export const RegisterPushDocument = {"__meta__":{"hash":"sha256:201adf9f298b8e3450fd25cc3495106dbe02872dcff1e442069823e4a7ba2a0b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterPush"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterPushSubscriptionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"registerPushSubscription"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<RegisterPushMutation, RegisterPushMutationVariables>;
export const UnregisterPushDocument = {"__meta__":{"hash":"sha256:187ec17ace13ba50b4cff6dd1a12835bc4b37f5c2ad6c5d008398572a217f566"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UnregisterPush"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"endpoint"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"unregisterPushSubscription"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"endpoint"},"value":{"kind":"Variable","name":{"kind":"Name","value":"endpoint"}}}]}]}}]} as unknown as DocumentNode<UnregisterPushMutation, UnregisterPushMutationVariables>;
export const UnsubscribeDocument = {"__meta__":{"hash":"sha256:624aa95166d5037e1f351d25c14f7fadbdc08772d3def56eb684bd39e4bebb6d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Unsubscribe"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"unsubscribeFromAlerts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<UnsubscribeMutation, UnsubscribeMutationVariables>;
export const RegisterDevicesDocument = {"__meta__":{"hash":"sha256:7f95dc3fce82e2b6ccf7bca75183cc79a7bfb0c9e9575b43735c79a2358ffced"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterDevices"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterDevicesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"registerDevices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"device"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"claimCode"}},{"kind":"Field","name":{"kind":"Name","value":"claimLink"}},{"kind":"Field","name":{"kind":"Name","value":"qrCodeSvg"}}]}}]}}]} as unknown as DocumentNode<RegisterDevicesMutation, RegisterDevicesMutationVariables>;
export const ReissueClaimCodesDocument = {"__meta__":{"hash":"sha256:58d72da16a6b7ce06fcfd33ec298006f71488317265c5b5ca0775eb5582e5c84"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReissueClaimCodes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReissueClaimCodesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"reissueClaimCodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"device"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"claimCode"}},{"kind":"Field","name":{"kind":"Name","value":"claimLink"}},{"kind":"Field","name":{"kind":"Name","value":"qrCodeSvg"}}]}}]}}]} as unknown as DocumentNode<ReissueClaimCodesMutation, ReissueClaimCodesMutationVariables>;
export const SetVatRateDocument = {"__meta__":{"hash":"sha256:7efa460ae1a30ee9dd41ed4fc6cf78b2a9b25da4d348117dd9e94c43e2f0b7d8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetVatRate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetVatRateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"setVatRate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"rateBasisPoints"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveFrom"}}]}}]}}]} as unknown as DocumentNode<SetVatRateMutation, SetVatRateMutationVariables>;
export const SetExchangeRateDocument = {"__meta__":{"hash":"sha256:f86361c52259c62f30cf23111fe58374ce17ed1eab81db9432f6b2257adf9f35"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetExchangeRate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetExchangeRateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"setExchangeRate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"baseCurrency"}},{"kind":"Field","name":{"kind":"Name","value":"quoteCurrency"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}},{"kind":"Field","name":{"kind":"Name","value":"asOf"}}]}}]}}]} as unknown as DocumentNode<SetExchangeRateMutation, SetExchangeRateMutationVariables>;
export const TenantsDocument = {"__meta__":{"hash":"sha256:d641e36a3ad7ca5f8ae15df5444d16d65774f48cdfe9f682c473e7999d05a7b5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Tenants"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"tenants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"suspendedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<TenantsQuery, TenantsQueryVariables>;
export const CreateTenantDocument = {"__meta__":{"hash":"sha256:bcf89a9ec202a8bbe32544e9a559cd654e7fa039967ceccca88907ce7b5ff151"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateTenant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTenantInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"createTenant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<CreateTenantMutation, CreateTenantMutationVariables>;
export const InviteFirstAdminByEmailDocument = {"__meta__":{"hash":"sha256:8bdbe54b190bb0c57d119b9c2957d1c8bb7a858ed7ab59ff7c29541c26b86f8c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InviteFirstAdminByEmail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InviteUserInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"sendInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]} as unknown as DocumentNode<InviteFirstAdminByEmailMutation, InviteFirstAdminByEmailMutationVariables>;
export const InviteFirstAdminDocument = {"__meta__":{"hash":"sha256:ef12145118781784858c2094f10dc1eab10ec454432bc1efc6d8675c7743e1e5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InviteFirstAdmin"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InviteUserInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"inviteUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"temporaryPassword"}}]}}]}}]} as unknown as DocumentNode<InviteFirstAdminMutation, InviteFirstAdminMutationVariables>;
export const SuspendTenantDocument = {"__meta__":{"hash":"sha256:c29fc6037f38c1f12975e30640892628afb4695b6288e59e5beaa72d870f7312"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SuspendTenant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"suspendTenant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"suspendedAt"}}]}}]}}]} as unknown as DocumentNode<SuspendTenantMutation, SuspendTenantMutationVariables>;
export const ReinstateTenantDocument = {"__meta__":{"hash":"sha256:c076b647f00025a2812de797470de247d1bbe0356a5cd94d6e4da848c0c1d278"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReinstateTenant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"reinstateTenant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"suspendedAt"}}]}}]}}]} as unknown as DocumentNode<ReinstateTenantMutation, ReinstateTenantMutationVariables>;
export const SecuritySettingsDocument = {"__meta__":{"hash":"sha256:3bca680bc311a3a8a710e9706930ef1dedaa9017cc6134e68275de26ff65d735"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SecuritySettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"mfa"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totpEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"recoveryCodesLeft"}},{"kind":"Field","name":{"kind":"Name","value":"passkeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"requireMfa"}}]}}]}}]}}]} as unknown as DocumentNode<SecuritySettingsQuery, SecuritySettingsQueryVariables>;
export const StartTotpDocument = {"__meta__":{"hash":"sha256:cd0ec96ed66d07d5a0f0ad18f8442c42e28da502b0a8249384b4cfa9f2dd8624"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartTotp"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"startTotpEnrolment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"otpauthUri"}}]}}]}}]} as unknown as DocumentNode<StartTotpMutation, StartTotpMutationVariables>;
export const ConfirmTotpDocument = {"__meta__":{"hash":"sha256:fa51a4c7148c3665b63b81bc1838a30854024ad3c5962cf3a74834871dbb1dd0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfirmTotp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"totpCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"confirmTotpEnrolment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"totpCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"totpCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"recoveryCodes"}}]}}]}}]} as unknown as DocumentNode<ConfirmTotpMutation, ConfirmTotpMutationVariables>;
export const DisableTotpDocument = {"__meta__":{"hash":"sha256:3aa60ead97a65f46b8d39bd6f572e6b4ffa2916c7bccd854fe1c5a059c775ec9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DisableTotp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"disableTotp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}},{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}]}]}}]} as unknown as DocumentNode<DisableTotpMutation, DisableTotpMutationVariables>;
export const RegenerateRecoveryCodesDocument = {"__meta__":{"hash":"sha256:da8061dc1f7b8da6c9f4cbccf80760e8a726c5d522908dbe7be68d42e40d09b9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegenerateRecoveryCodes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"regenerateRecoveryCodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}},{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}]}]}}]} as unknown as DocumentNode<RegenerateRecoveryCodesMutation, RegenerateRecoveryCodesMutationVariables>;
export const StartPasskeyRegistrationDocument = {"__meta__":{"hash":"sha256:f6a519adeeab5f96758c64ecf35b2ca9e9251ce64ef5f58d1e1955c4fbcccfc2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartPasskeyRegistration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"startPasskeyRegistration"}}]}}]} as unknown as DocumentNode<StartPasskeyRegistrationMutation, StartPasskeyRegistrationMutationVariables>;
export const FinishPasskeyRegistrationDocument = {"__meta__":{"hash":"sha256:8609228d83176c5a93647ca5169143ed8a39b3adea3198b1d671def7e5f493b6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FinishPasskeyRegistration"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"response"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"finishPasskeyRegistration"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"response"},"value":{"kind":"Variable","name":{"kind":"Name","value":"response"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"passkey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"recoveryCodes"}}]}}]}}]} as unknown as DocumentNode<FinishPasskeyRegistrationMutation, FinishPasskeyRegistrationMutationVariables>;
export const RemovePasskeyDocument = {"__meta__":{"hash":"sha256:5b9ebcddeb54cf033ca541daa4937fc92a2343dcee1188be9f0c4f4dbb37ee01"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemovePasskey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"removePasskey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}]}]}}]} as unknown as DocumentNode<RemovePasskeyMutation, RemovePasskeyMutationVariables>;
export const SetTenantMfaRequiredDocument = {"__meta__":{"hash":"sha256:047346d7e8cadc638ea633eaae633465d05c8d8ec5f765d37db006dc1f090920"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetTenantMfaRequired"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"required"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"setTenantMfaRequired"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"required"},"value":{"kind":"Variable","name":{"kind":"Name","value":"required"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"requireMfa"}}]}}]}}]} as unknown as DocumentNode<SetTenantMfaRequiredMutation, SetTenantMfaRequiredMutationVariables>;
export const LoginDocument = {"__meta__":{"hash":"sha256:66e1f5c3551c44b600fe25552aa4f4d7dcc9d6edbf7cdc42a8918d870b896fbd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Login"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LoginInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenExpiresAt"}}]}}]}}]} as unknown as DocumentNode<LoginMutation, LoginMutationVariables>;
export const CompleteMfaLoginDocument = {"__meta__":{"hash":"sha256:6f94e5176d35490afbee2298c70b16a27038a8fd578dd86150673aebde578376"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CompleteMfaLogin"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"challengeToken"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"totpCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"recoveryCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"passkeyResponse"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"completeMfaLogin"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"challengeToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"challengeToken"}}},{"kind":"Argument","name":{"kind":"Name","value":"totpCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"totpCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"recoveryCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"recoveryCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"passkeyResponse"},"value":{"kind":"Variable","name":{"kind":"Name","value":"passkeyResponse"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenExpiresAt"}}]}}]}}]} as unknown as DocumentNode<CompleteMfaLoginMutation, CompleteMfaLoginMutationVariables>;
export const StartPasskeyLoginDocument = {"__meta__":{"hash":"sha256:5840a4d006c1a6bfcfbeaa265de9835e6abfed31aa4f1d8656f29dbf803f53b3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartPasskeyLogin"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"challengeToken"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"startPasskeyLogin"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"challengeToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"challengeToken"}}}]}]}}]} as unknown as DocumentNode<StartPasskeyLoginMutation, StartPasskeyLoginMutationVariables>;
export const StartEnrolmentAtLoginDocument = {"__meta__":{"hash":"sha256:a98a5f9fd91a5932abb7d02269972e804804c26c9feb0f289035cd6e0d4607f4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartEnrolmentAtLogin"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"challengeToken"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"startTotpEnrolment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"challengeToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"challengeToken"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"otpauthUri"}}]}}]}}]} as unknown as DocumentNode<StartEnrolmentAtLoginMutation, StartEnrolmentAtLoginMutationVariables>;
export const ConfirmEnrolmentAtLoginDocument = {"__meta__":{"hash":"sha256:b38589856a93dd25be5386824c86d555138a40ce82f028529b38f5f005a1b589"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfirmEnrolmentAtLogin"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"totpCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"challengeToken"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"confirmTotpEnrolment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"totpCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"totpCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"challengeToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"challengeToken"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"recoveryCodes"}},{"kind":"Field","name":{"kind":"Name","value":"session"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenExpiresAt"}}]}}]}}]}}]} as unknown as DocumentNode<ConfirmEnrolmentAtLoginMutation, ConfirmEnrolmentAtLoginMutationVariables>;
export const StartPasskeyAtLoginDocument = {"__meta__":{"hash":"sha256:54af8f954eda7c45c11536f2e1804d1e481c5b1532af1c7cb4c2e0a7c2ed762e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartPasskeyAtLogin"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"challengeToken"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"startPasskeyRegistration"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"challengeToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"challengeToken"}}}]}]}}]} as unknown as DocumentNode<StartPasskeyAtLoginMutation, StartPasskeyAtLoginMutationVariables>;
export const FinishPasskeyAtLoginDocument = {"__meta__":{"hash":"sha256:d62a1dfa3ed5e77fd708633e3f4e872936402864a873f25686aaf45d34386063"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FinishPasskeyAtLogin"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"response"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"challengeToken"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"finishPasskeyRegistration"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"response"},"value":{"kind":"Variable","name":{"kind":"Name","value":"response"}}},{"kind":"Argument","name":{"kind":"Name","value":"challengeToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"challengeToken"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"recoveryCodes"}},{"kind":"Field","name":{"kind":"Name","value":"session"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenExpiresAt"}}]}}]}}]}}]} as unknown as DocumentNode<FinishPasskeyAtLoginMutation, FinishPasskeyAtLoginMutationVariables>;
export const TenantHomeDocument = {"__meta__":{"hash":"sha256:58d5e098ce563cc5ec3439ac94996d2eb7fc2ca996a49ef8adafffcc52b48e30"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TenantHome"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"farms"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"barns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"batches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"headCountPlaced"}}]}},{"kind":"Field","name":{"kind":"Name","value":"alertRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<TenantHomeQuery, TenantHomeQueryVariables>;
export const TenantPlanDocument = {"__meta__":{"hash":"sha256:3857ea3c2a7bf07761eb3a63bcb9c52723f30281e36bff7d598ba090fa05904b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TenantPlan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"activeSubscription"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"plan"}}]}}]}}]}}]}}]} as unknown as DocumentNode<TenantPlanQuery, TenantPlanQueryVariables>;
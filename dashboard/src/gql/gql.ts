/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Viewer {\n    me {\n      roles\n      user {\n        id\n        email\n      }\n      tenant {\n        id\n        name\n        farms {\n          id\n          name\n          timeZone\n        }\n      }\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation AcceptInvitation($token: String!, $newPassword: String!) {\n    acceptInvitation(token: $token, newPassword: $newPassword)\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  query ApiClients {\n    apiClients {\n      id\n      name\n      scopes\n      createdAt\n      revokedAt\n    }\n  }\n": typeof types.ApiClientsDocument,
    "\n  mutation CreateApiClient($input: CreateApiClientInput!) {\n    createApiClient(input: $input) {\n      client {\n        id\n        name\n        scopes\n        createdAt\n        revokedAt\n      }\n      clientSecret\n    }\n  }\n": typeof types.CreateApiClientDocument,
    "\n  mutation RevokeApiClient($id: ID!) {\n    revokeApiClient(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": typeof types.RevokeApiClientDocument,
    "\n  mutation RotateApiClientSecret($id: ID!) {\n    rotateApiClientSecret(id: $id) {\n      client {\n        id\n        name\n      }\n      clientSecret\n    }\n  }\n": typeof types.RotateApiClientSecretDocument,
    "\n  query AuditLog($action: AuditAction, $after: String) {\n    auditLog(action: $action, first: 50, after: $after) {\n      nodes {\n        id\n        at\n        action\n        actorId\n        targetType\n        targetId\n        address\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  query AuditActors {\n    members(first: 100) {\n      nodes {\n        email\n        user {\n          id\n        }\n      }\n    }\n  }\n": typeof types.AuditActorsDocument,
    "\n  query AuditLogCsv($since: DateTime!, $until: DateTime!) {\n    auditLogCsv(since: $since, until: $until)\n  }\n": typeof types.AuditLogCsvDocument,
    "\n  query Billing {\n    me {\n      tenant {\n        id\n        activeSubscription {\n          id\n          plan\n          status\n          billingCycle\n          currency\n          currentPeriodStart\n          currentPeriodEnd\n          cancelAtPeriodEnd\n        }\n      }\n    }\n    billingProfile {\n      country\n      currency\n    }\n    invoices(first: 50) {\n      id\n      number\n      kind\n      issuedAt\n      total {\n        amountMinor\n        currency\n      }\n      paymentStatus\n    }\n    plans {\n      code\n      includedDevices\n      includedMessagesPerMonth\n    }\n  }\n": typeof types.BillingDocument,
    "\n  query PreviewPlanChange($input: ChangePlanInput!) {\n    previewPlanChange(input: $input) {\n      currency\n      lines {\n        position\n        description\n        quantity\n        amount {\n          amountMinor\n          currency\n        }\n        item {\n          kind\n          credit\n          plan\n          billingCycle\n          from\n          to\n          month\n        }\n      }\n      subtotal {\n        amountMinor\n        currency\n      }\n      vatRateBasisPoints\n      vat {\n        amountMinor\n        currency\n      }\n      total {\n        amountMinor\n        currency\n      }\n    }\n  }\n": typeof types.PreviewPlanChangeDocument,
    "\n  query PreviewSubscribe($input: SubscribeInput!) {\n    previewSubscribe(input: $input) {\n      currency\n      lines {\n        position\n        description\n        quantity\n        amount {\n          amountMinor\n          currency\n        }\n        item {\n          kind\n          credit\n          plan\n          billingCycle\n          from\n          to\n          month\n        }\n      }\n      subtotal {\n        amountMinor\n        currency\n      }\n      vatRateBasisPoints\n      vat {\n        amountMinor\n        currency\n      }\n      total {\n        amountMinor\n        currency\n      }\n    }\n  }\n": typeof types.PreviewSubscribeDocument,
    "\n  query NextInvoice {\n    previewNextInvoice {\n      currency\n      lines {\n        position\n        description\n        quantity\n        amount {\n          amountMinor\n          currency\n        }\n        item {\n          kind\n          credit\n          plan\n          billingCycle\n          from\n          to\n          month\n        }\n      }\n      subtotal {\n        amountMinor\n        currency\n      }\n      vatRateBasisPoints\n      vat {\n        amountMinor\n        currency\n      }\n      total {\n        amountMinor\n        currency\n      }\n    }\n  }\n": typeof types.NextInvoiceDocument,
    "\n  mutation ChangePlan($input: ChangePlanInput!) {\n    changePlan(input: $input) {\n      subscription {\n        id\n        plan\n        billingCycle\n      }\n      invoice {\n        id\n        number\n      }\n    }\n  }\n": typeof types.ChangePlanDocument,
    "\n  mutation Subscribe($input: SubscribeInput!) {\n    subscribe(input: $input) {\n      id\n      plan\n      billingCycle\n    }\n  }\n": typeof types.SubscribeDocument,
    "\n  mutation SetBillingProfile($input: SetBillingProfileInput!) {\n    setBillingProfile(input: $input) {\n      country\n      currency\n    }\n  }\n": typeof types.SetBillingProfileDocument,
    "\n  query Invoice($id: ID!) {\n    invoice(id: $id) {\n      id\n      number\n      kind\n      currency\n      issuedAt\n      vatCountry\n      vatRateBasisPoints\n      lines {\n        position\n        description\n        quantity\n        amount {\n          amountMinor\n          currency\n        }\n        item {\n          kind\n          credit\n          plan\n          billingCycle\n          from\n          to\n          month\n        }\n      }\n      subtotal {\n        amountMinor\n        currency\n      }\n      vat {\n        amountMinor\n        currency\n      }\n      total {\n        amountMinor\n        currency\n      }\n      amountPaid {\n        amountMinor\n        currency\n      }\n      amountDue {\n        amountMinor\n        currency\n      }\n      paymentStatus\n      creditedInvoice {\n        id\n        number\n      }\n      payments {\n        id\n        kind\n        amount {\n          amountMinor\n          currency\n        }\n        reference\n        recordedAt\n      }\n    }\n  }\n": typeof types.InvoiceDocument,
    "\n  query Members($search: String) {\n    members(search: $search, first: 100) {\n      nodes {\n        email\n        role\n        lastLoginAt\n        disabledAt\n        joinedAt\n        user {\n          id\n          mustChangePassword\n        }\n      }\n    }\n  }\n": typeof types.MembersDocument,
    "\n  mutation SendInvitation($input: InviteUserInput!) {\n    sendInvitation(input: $input) {\n      id\n      email\n    }\n  }\n": typeof types.SendInvitationDocument,
    "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      user {\n        id\n        email\n      }\n      temporaryPassword\n    }\n  }\n": typeof types.InviteUserDocument,
    "\n  mutation ChangeMemberRole($userId: ID!, $role: Role!) {\n    changeMemberRole(userId: $userId, role: $role) {\n      role\n    }\n  }\n": typeof types.ChangeMemberRoleDocument,
    "\n  mutation DisableMember($userId: ID!) {\n    disableMember(userId: $userId) {\n      disabledAt\n    }\n  }\n": typeof types.DisableMemberDocument,
    "\n  mutation EnableMember($userId: ID!) {\n    enableMember(userId: $userId) {\n      disabledAt\n    }\n  }\n": typeof types.EnableMemberDocument,
    "\n  mutation RemoveMember($userId: ID!) {\n    removeMember(userId: $userId)\n  }\n": typeof types.RemoveMemberDocument,
    "\n  query AlertsInbox($farmId: ID!, $status: AlertStatus) {\n    alerts(farmId: $farmId, status: $status, first: 50) {\n      nodes {\n        id\n        metric\n        builtIn\n        comparison\n        threshold\n        status\n        raisedAt\n        clearedAt\n        peakValue\n        lastValue\n        acknowledgedAt\n        acknowledgedBy {\n          id\n          email\n        }\n        barn {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.AlertsInboxDocument,
    "\n  subscription AlertChanged($farmId: ID!) {\n    alertChanged(farmId: $farmId) {\n      change\n      alert {\n        id\n        status\n        clearedAt\n        lastValue\n        peakValue\n        acknowledgedAt\n        acknowledgedBy {\n          id\n          email\n        }\n      }\n    }\n  }\n": typeof types.AlertChangedDocument,
    "\n  mutation AcknowledgeAlert($id: ID!) {\n    acknowledgeAlert(id: $id) {\n      id\n      acknowledgedAt\n      acknowledgedBy {\n        id\n        email\n      }\n    }\n  }\n": typeof types.AcknowledgeAlertDocument,
    "\n  query BarnRules($barnId: ID!) {\n    barn(id: $barnId) {\n      id\n      name\n      farm {\n        id\n        name\n      }\n      alertRules {\n        id\n        metric\n        comparison\n        threshold\n        clearThreshold\n        minDurationSeconds\n        enabled\n      }\n    }\n  }\n": typeof types.BarnRulesDocument,
    "\n  mutation CreateAlertRule($input: CreateAlertRuleInput!) {\n    createAlertRule(input: $input) {\n      id\n      metric\n      comparison\n      threshold\n      clearThreshold\n      minDurationSeconds\n      enabled\n    }\n  }\n": typeof types.CreateAlertRuleDocument,
    "\n  mutation UpdateAlertRule($id: ID!, $input: UpdateAlertRuleInput!) {\n    updateAlertRule(id: $id, input: $input) {\n      id\n      enabled\n    }\n  }\n": typeof types.UpdateAlertRuleDocument,
    "\n  mutation DeleteAlertRule($id: ID!) {\n    deleteAlertRule(id: $id)\n  }\n": typeof types.DeleteAlertRuleDocument,
    "\n  mutation RefreshSession {\n    refreshSession {\n      accessTokenExpiresAt\n    }\n  }\n": typeof types.RefreshSessionDocument,
    "\n  query BarnPage($barnId: ID!) {\n    barn(id: $barnId) {\n      id\n      name\n      species\n      capacityHead\n      farm {\n        id\n        name\n        timeZone\n        batches {\n          id\n          placedOn\n          barn {\n            id\n          }\n        }\n      }\n      devices(first: 40) {\n        nodes {\n          id\n          name\n          serialNumber\n          kind\n          status\n          credentialsIssuedAt\n          metrics {\n            name\n            unit\n          }\n          latestReadings {\n            metric\n            unit\n            value\n            observedAt\n          }\n        }\n      }\n    }\n  }\n": typeof types.BarnPageDocument,
    "\n  query ReadingsCsv($deviceId: ID!, $from: DateTime!, $to: DateTime!) {\n    readingsCsv(deviceId: $deviceId, from: $from, to: $to)\n  }\n": typeof types.ReadingsCsvDocument,
    "\n  query ReadingSeries($deviceId: ID!, $metric: String!, $from: DateTime!, $to: DateTime!, $interval: BucketInterval!) {\n    readingSeries(deviceId: $deviceId, metric: $metric, from: $from, to: $to, interval: $interval) {\n      unit\n      interval\n      timeZone\n      buckets {\n        start\n        count\n        avg\n        min\n        max\n      }\n    }\n  }\n": typeof types.ReadingSeriesDocument,
    "\n  query BatchPage($batchId: ID!, $asOf: Date) {\n    batch(id: $batchId) {\n      id\n      species\n      breed\n      placedOn\n      headCountPlaced\n      placementWeightKg\n      barn {\n        id\n        name\n      }\n      performance(asOf: $asOf) {\n        asOf\n        ageDays\n        headCountAlive\n        deadCount\n        culledCount\n        feedKg\n        waterLitres\n        averageWeightKg {\n          value\n          unavailableReason\n        }\n        adgGramsPerDay {\n          value\n          unavailableReason\n        }\n        adfiGramsPerAnimalPerDay {\n          value\n          unavailableReason\n        }\n        fcrKgFeedPerKgGain {\n          value\n          unavailableReason\n        }\n        mortalityPercent {\n          value\n          unavailableReason\n        }\n        livabilityPercent {\n          value\n          unavailableReason\n        }\n        epef {\n          value\n          unavailableReason\n        }\n        iep {\n          value\n          unavailableReason\n        }\n        waterToFeedLitresPerKg {\n          value\n          unavailableReason\n        }\n        targetWeightKg {\n          value\n          unavailableReason\n        }\n        targetDeviationPercent {\n          value\n          unavailableReason\n        }\n        uniformity {\n          weighedOn\n          sampleCount\n          cvPercent {\n          value\n          unavailableReason\n        }\n          withinTenPercentOfMeanPercent {\n          value\n          unavailableReason\n        }\n        }\n        health {\n          score {\n          value\n          unavailableReason\n        }\n          mortalityFraction {\n          value\n          unavailableReason\n        }\n          morbidityFraction {\n          value\n          unavailableReason\n        }\n          treatmentFraction {\n          value\n          unavailableReason\n        }\n          mortalityComponent {\n          value\n          unavailableReason\n        }\n          morbidityComponent {\n          value\n          unavailableReason\n        }\n          treatmentComponent {\n          value\n          unavailableReason\n        }\n        }\n      }\n      dailySeries(asOf: $asOf) {\n        dayOfAge\n        averageWeightKg\n        sampleCount\n        targetWeightKg {\n          value\n        }\n        targetDeviationPercent {\n          value\n        }\n      }\n    }\n  }\n": typeof types.BatchPageDocument,
    "\n  mutation RecordHealth($input: RecordHealthInput!) {\n    recordHealth(input: $input) {\n      id\n    }\n  }\n": typeof types.RecordHealthDocument,
    "\n  mutation RecordWeighSession($batchId: ID!, $weightsKg: [Float!]!, $weighedOn: Date!) {\n    recordWeighSession(batchId: $batchId, weightsKg: $weightsKg, weighedOn: $weighedOn) {\n      id\n    }\n  }\n": typeof types.RecordWeighSessionDocument,
    "\n  query Cohort($farmId: ID!, $asOf: Date) {\n    farm(id: $farmId) {\n      id\n      name\n      batchRanking(asOf: $asOf) {\n        rank\n        score\n        fcrScore\n        adgScore\n        fcrKgFeedPerKgGain\n        adgGramsPerDay\n        batch {\n          id\n          placedOn\n          breed\n          species\n          headCountPlaced\n          barn {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.CohortDocument,
    "\n  mutation RecordMortality($input: RecordMortalityInput!) {\n    recordMortality(input: $input) {\n      id\n    }\n  }\n": typeof types.RecordMortalityDocument,
    "\n  mutation RecordFeed($input: RecordFeedInput!) {\n    recordFeed(input: $input) {\n      id\n    }\n  }\n": typeof types.RecordFeedDocument,
    "\n  mutation RecordWater($input: RecordWaterInput!) {\n    recordWater(input: $input) {\n      id\n    }\n  }\n": typeof types.RecordWaterDocument,
    "\n  query PlaceBatchBarns($farmId: ID!) {\n    farm(id: $farmId) {\n      id\n      barns {\n        id\n        name\n        species\n        capacityHead\n      }\n    }\n  }\n": typeof types.PlaceBatchBarnsDocument,
    "\n  mutation PlaceBatch($input: PlaceBatchInput!) {\n    placeBatch(input: $input) {\n      id\n    }\n  }\n": typeof types.PlaceBatchDocument,
    "\n  mutation SetTargetCurve($input: SetTargetCurveInput!) {\n    setTargetCurve(input: $input) {\n      breed\n      points {\n        dayOfAge\n        weightKg\n      }\n    }\n  }\n": typeof types.SetTargetCurveDocument,
    "\n  query BatchWeighSessions($batchId: ID!) {\n    batch(id: $batchId) {\n      id\n      weighSessions {\n        id\n        source\n        weighedOn\n        status\n        weightCount\n        meanWeightKg\n        lateWeightCount\n        weightsKg\n      }\n    }\n  }\n": typeof types.BatchWeighSessionsDocument,
    "\n  subscription WeighSessionChanged($batchId: ID!) {\n    weighSessionChanged(batchId: $batchId) {\n      id\n      status\n      weightCount\n    }\n  }\n": typeof types.WeighSessionChangedDocument,
    "\n  query DevicesPage {\n    devices(first: 100) {\n      nodes {\n        id\n        serialNumber\n        kind\n        status\n        name\n        credentialsIssuedAt\n        barn {\n          id\n          name\n        }\n      }\n    }\n    me {\n      tenant {\n        id\n        farms {\n          id\n          name\n          barns {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.DevicesPageDocument,
    "\n  mutation ClaimDevice($input: ClaimDeviceInput!) {\n    claimDevice(input: $input) {\n      id\n      serialNumber\n      status\n    }\n  }\n": typeof types.ClaimDeviceDocument,
    "\n  mutation ActivateDevice($input: ActivateDeviceInput!) {\n    activateDevice(input: $input) {\n      mqttUsername\n      mqttPassword\n      mqttTopic\n      previousValidUntil\n      device {\n        id\n        status\n        name\n        credentialsIssuedAt\n        barn {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.ActivateDeviceDocument,
    "\n  mutation RotateDeviceCredentials($input: RotateDeviceCredentialsInput!) {\n    rotateDeviceCredentials(input: $input) {\n      mqttUsername\n      mqttPassword\n      mqttTopic\n      previousValidUntil\n      device {\n        id\n        credentialsIssuedAt\n      }\n    }\n  }\n": typeof types.RotateDeviceCredentialsDocument,
    "\n  mutation RevokeDevice($deviceId: ID!) {\n    revokeDevice(deviceId: $deviceId) {\n      id\n      status\n    }\n  }\n": typeof types.RevokeDeviceDocument,
    "\n  query EdgeGateways($farmId: ID!) {\n    farm(id: $farmId) {\n      id\n      name\n      timeZone\n      edgeGateways {\n        id\n        name\n        createdAt\n        revokedAt\n        keys {\n          keyId\n          issuedAt\n          validUntil\n          revokedAt\n        }\n      }\n    }\n  }\n": typeof types.EdgeGatewaysDocument,
    "\n  mutation RegisterEdgeGateway($input: RegisterEdgeGatewayInput!) {\n    registerEdgeGateway(input: $input) {\n      gateway {\n        id\n        name\n      }\n      keyId\n      secret\n      previousValidUntil\n    }\n  }\n": typeof types.RegisterEdgeGatewayDocument,
    "\n  mutation RotateEdgeGatewayKey($input: RotateEdgeGatewayKeyInput!) {\n    rotateEdgeGatewayKey(input: $input) {\n      gateway {\n        id\n        name\n      }\n      keyId\n      secret\n      previousValidUntil\n    }\n  }\n": typeof types.RotateEdgeGatewayKeyDocument,
    "\n  mutation RevokeEdgeGateway($gatewayId: ID!) {\n    revokeEdgeGateway(gatewayId: $gatewayId) {\n      id\n      revokedAt\n    }\n  }\n": typeof types.RevokeEdgeGatewayDocument,
    "\n  query FarmOverview($farmId: ID!, $asOf: Date) {\n    farm(id: $farmId) {\n      id\n      name\n      timeZone\n      barns {\n        id\n        name\n        species\n        capacityHead\n        currentClimate {\n          metric\n          unit\n          value\n          observedAt\n        }\n      }\n      batches {\n        id\n        placedOn\n        headCountPlaced\n        barn {\n          id\n        }\n        performance(asOf: $asOf) {\n          ageDays\n          headCountAlive\n        }\n      }\n    }\n    alerts(farmId: $farmId, status: ACTIVE, first: 100) {\n      nodes {\n        id\n        metric\n        builtIn\n        acknowledgedAt\n        barn {\n          id\n        }\n      }\n    }\n  }\n": typeof types.FarmOverviewDocument,
    "\n  subscription LiveBarnReadings($barnId: ID!, $metrics: [String!], $everySeconds: Int) {\n    readingAdded(barnId: $barnId, metrics: $metrics, everySeconds: $everySeconds) {\n      metric\n      unit\n      value\n      observedAt\n      device {\n        id\n      }\n    }\n  }\n": typeof types.LiveBarnReadingsDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  query NotificationSettings {\n    webPushPublicKey\n    myNotificationSubscriptions {\n      id\n      channel\n      address\n      deviceLabel\n      minSeverity\n      farm {\n        id\n      }\n    }\n  }\n": typeof types.NotificationSettingsDocument,
    "\n  mutation RegisterPush($input: RegisterPushSubscriptionInput!) {\n    registerPushSubscription(input: $input) {\n      id\n    }\n  }\n": typeof types.RegisterPushDocument,
    "\n  mutation UnregisterPush($endpoint: String!) {\n    unregisterPushSubscription(endpoint: $endpoint)\n  }\n": typeof types.UnregisterPushDocument,
    "\n  mutation Unsubscribe($id: ID!) {\n    unsubscribeFromAlerts(id: $id)\n  }\n": typeof types.UnsubscribeDocument,
    "\n  mutation RegisterDevices($input: RegisterDevicesInput!) {\n    registerDevices(input: $input) {\n      device {\n        id\n        serialNumber\n        kind\n      }\n      claimCode\n      claimLink\n      qrCodeSvg\n    }\n  }\n": typeof types.RegisterDevicesDocument,
    "\n  mutation ReissueClaimCodes($input: ReissueClaimCodesInput!) {\n    reissueClaimCodes(input: $input) {\n      device {\n        id\n        serialNumber\n        kind\n      }\n      claimCode\n      claimLink\n      qrCodeSvg\n    }\n  }\n": typeof types.ReissueClaimCodesDocument,
    "\n  mutation SetVatRate($input: SetVatRateInput!) {\n    setVatRate(input: $input) {\n      country\n      rateBasisPoints\n      effectiveFrom\n    }\n  }\n": typeof types.SetVatRateDocument,
    "\n  mutation SetExchangeRate($input: SetExchangeRateInput!) {\n    setExchangeRate(input: $input) {\n      baseCurrency\n      quoteCurrency\n      rate\n      asOf\n    }\n  }\n": typeof types.SetExchangeRateDocument,
    "\n  query Tenants($search: String, $after: String) {\n    tenants(search: $search, first: 50, after: $after) {\n      nodes {\n        id\n        name\n        createdAt\n        suspendedAt\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.TenantsDocument,
    "\n  mutation CreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.CreateTenantDocument,
    "\n  mutation InviteFirstAdminByEmail($input: InviteUserInput!) {\n    sendInvitation(input: $input) {\n      id\n      email\n    }\n  }\n": typeof types.InviteFirstAdminByEmailDocument,
    "\n  mutation InviteFirstAdmin($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      user {\n        id\n        email\n      }\n      temporaryPassword\n    }\n  }\n": typeof types.InviteFirstAdminDocument,
    "\n  mutation SuspendTenant($id: ID!) {\n    suspendTenant(id: $id) {\n      id\n      suspendedAt\n    }\n  }\n": typeof types.SuspendTenantDocument,
    "\n  mutation ReinstateTenant($id: ID!) {\n    reinstateTenant(id: $id) {\n      id\n      suspendedAt\n    }\n  }\n": typeof types.ReinstateTenantDocument,
    "\n  query SecuritySettings {\n    me {\n      roles\n      user {\n        id\n        mfa {\n          totpEnabled\n          recoveryCodesLeft\n          passkeys {\n            id\n            name\n            createdAt\n          }\n        }\n      }\n      tenant {\n        id\n        requireMfa\n      }\n    }\n  }\n": typeof types.SecuritySettingsDocument,
    "\n  mutation StartTotp {\n    startTotpEnrolment {\n      secret\n      otpauthUri\n    }\n  }\n": typeof types.StartTotpDocument,
    "\n  mutation ConfirmTotp($totpCode: String!) {\n    confirmTotpEnrolment(totpCode: $totpCode) {\n      recoveryCodes\n    }\n  }\n": typeof types.ConfirmTotpDocument,
    "\n  mutation DisableTotp($password: String!, $code: String!) {\n    disableTotp(password: $password, code: $code)\n  }\n": typeof types.DisableTotpDocument,
    "\n  mutation RegenerateRecoveryCodes($password: String!, $code: String!) {\n    regenerateRecoveryCodes(password: $password, code: $code)\n  }\n": typeof types.RegenerateRecoveryCodesDocument,
    "\n  mutation StartPasskeyRegistration {\n    startPasskeyRegistration\n  }\n": typeof types.StartPasskeyRegistrationDocument,
    "\n  mutation FinishPasskeyRegistration($name: String!, $response: String!) {\n    finishPasskeyRegistration(name: $name, response: $response) {\n      passkey {\n        id\n      }\n      recoveryCodes\n    }\n  }\n": typeof types.FinishPasskeyRegistrationDocument,
    "\n  mutation RemovePasskey($id: ID!, $password: String!) {\n    removePasskey(id: $id, password: $password)\n  }\n": typeof types.RemovePasskeyDocument,
    "\n  mutation SetTenantMfaRequired($required: Boolean!) {\n    setTenantMfaRequired(required: $required) {\n      id\n      requireMfa\n    }\n  }\n": typeof types.SetTenantMfaRequiredDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessTokenExpiresAt\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation CompleteMfaLogin($challengeToken: String!, $totpCode: String, $recoveryCode: String, $passkeyResponse: String) {\n    completeMfaLogin(challengeToken: $challengeToken, totpCode: $totpCode, recoveryCode: $recoveryCode, passkeyResponse: $passkeyResponse) {\n      accessTokenExpiresAt\n    }\n  }\n": typeof types.CompleteMfaLoginDocument,
    "\n  mutation StartPasskeyLogin($challengeToken: String!) {\n    startPasskeyLogin(challengeToken: $challengeToken)\n  }\n": typeof types.StartPasskeyLoginDocument,
    "\n  mutation StartEnrolmentAtLogin($challengeToken: String) {\n    startTotpEnrolment(challengeToken: $challengeToken) {\n      secret\n      otpauthUri\n    }\n  }\n": typeof types.StartEnrolmentAtLoginDocument,
    "\n  mutation ConfirmEnrolmentAtLogin($totpCode: String!, $challengeToken: String) {\n    confirmTotpEnrolment(totpCode: $totpCode, challengeToken: $challengeToken) {\n      recoveryCodes\n      session {\n        accessTokenExpiresAt\n      }\n    }\n  }\n": typeof types.ConfirmEnrolmentAtLoginDocument,
    "\n  mutation StartPasskeyAtLogin($challengeToken: String) {\n    startPasskeyRegistration(challengeToken: $challengeToken)\n  }\n": typeof types.StartPasskeyAtLoginDocument,
    "\n  mutation FinishPasskeyAtLogin($name: String!, $response: String!, $challengeToken: String) {\n    finishPasskeyRegistration(name: $name, response: $response, challengeToken: $challengeToken) {\n      recoveryCodes\n      session {\n        accessTokenExpiresAt\n      }\n    }\n  }\n": typeof types.FinishPasskeyAtLoginDocument,
    "\n  query TenantHome {\n    me {\n      tenant {\n        id\n        farms {\n          id\n          name\n          timeZone\n          barns {\n            id\n          }\n          batches {\n            id\n            headCountPlaced\n          }\n          alertRules {\n            id\n          }\n        }\n      }\n    }\n  }\n": typeof types.TenantHomeDocument,
    "\n  query TenantPlan {\n    me {\n      tenant {\n        id\n        activeSubscription {\n          id\n          plan\n        }\n      }\n    }\n  }\n": typeof types.TenantPlanDocument,
};
const documents: Documents = {
    "\n  query Viewer {\n    me {\n      roles\n      user {\n        id\n        email\n      }\n      tenant {\n        id\n        name\n        farms {\n          id\n          name\n          timeZone\n        }\n      }\n    }\n  }\n": types.ViewerDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n": types.ResetPasswordDocument,
    "\n  mutation AcceptInvitation($token: String!, $newPassword: String!) {\n    acceptInvitation(token: $token, newPassword: $newPassword)\n  }\n": types.AcceptInvitationDocument,
    "\n  query ApiClients {\n    apiClients {\n      id\n      name\n      scopes\n      createdAt\n      revokedAt\n    }\n  }\n": types.ApiClientsDocument,
    "\n  mutation CreateApiClient($input: CreateApiClientInput!) {\n    createApiClient(input: $input) {\n      client {\n        id\n        name\n        scopes\n        createdAt\n        revokedAt\n      }\n      clientSecret\n    }\n  }\n": types.CreateApiClientDocument,
    "\n  mutation RevokeApiClient($id: ID!) {\n    revokeApiClient(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": types.RevokeApiClientDocument,
    "\n  mutation RotateApiClientSecret($id: ID!) {\n    rotateApiClientSecret(id: $id) {\n      client {\n        id\n        name\n      }\n      clientSecret\n    }\n  }\n": types.RotateApiClientSecretDocument,
    "\n  query AuditLog($action: AuditAction, $after: String) {\n    auditLog(action: $action, first: 50, after: $after) {\n      nodes {\n        id\n        at\n        action\n        actorId\n        targetType\n        targetId\n        address\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.AuditLogDocument,
    "\n  query AuditActors {\n    members(first: 100) {\n      nodes {\n        email\n        user {\n          id\n        }\n      }\n    }\n  }\n": types.AuditActorsDocument,
    "\n  query AuditLogCsv($since: DateTime!, $until: DateTime!) {\n    auditLogCsv(since: $since, until: $until)\n  }\n": types.AuditLogCsvDocument,
    "\n  query Billing {\n    me {\n      tenant {\n        id\n        activeSubscription {\n          id\n          plan\n          status\n          billingCycle\n          currency\n          currentPeriodStart\n          currentPeriodEnd\n          cancelAtPeriodEnd\n        }\n      }\n    }\n    billingProfile {\n      country\n      currency\n    }\n    invoices(first: 50) {\n      id\n      number\n      kind\n      issuedAt\n      total {\n        amountMinor\n        currency\n      }\n      paymentStatus\n    }\n    plans {\n      code\n      includedDevices\n      includedMessagesPerMonth\n    }\n  }\n": types.BillingDocument,
    "\n  query PreviewPlanChange($input: ChangePlanInput!) {\n    previewPlanChange(input: $input) {\n      currency\n      lines {\n        position\n        description\n        quantity\n        amount {\n          amountMinor\n          currency\n        }\n        item {\n          kind\n          credit\n          plan\n          billingCycle\n          from\n          to\n          month\n        }\n      }\n      subtotal {\n        amountMinor\n        currency\n      }\n      vatRateBasisPoints\n      vat {\n        amountMinor\n        currency\n      }\n      total {\n        amountMinor\n        currency\n      }\n    }\n  }\n": types.PreviewPlanChangeDocument,
    "\n  query PreviewSubscribe($input: SubscribeInput!) {\n    previewSubscribe(input: $input) {\n      currency\n      lines {\n        position\n        description\n        quantity\n        amount {\n          amountMinor\n          currency\n        }\n        item {\n          kind\n          credit\n          plan\n          billingCycle\n          from\n          to\n          month\n        }\n      }\n      subtotal {\n        amountMinor\n        currency\n      }\n      vatRateBasisPoints\n      vat {\n        amountMinor\n        currency\n      }\n      total {\n        amountMinor\n        currency\n      }\n    }\n  }\n": types.PreviewSubscribeDocument,
    "\n  query NextInvoice {\n    previewNextInvoice {\n      currency\n      lines {\n        position\n        description\n        quantity\n        amount {\n          amountMinor\n          currency\n        }\n        item {\n          kind\n          credit\n          plan\n          billingCycle\n          from\n          to\n          month\n        }\n      }\n      subtotal {\n        amountMinor\n        currency\n      }\n      vatRateBasisPoints\n      vat {\n        amountMinor\n        currency\n      }\n      total {\n        amountMinor\n        currency\n      }\n    }\n  }\n": types.NextInvoiceDocument,
    "\n  mutation ChangePlan($input: ChangePlanInput!) {\n    changePlan(input: $input) {\n      subscription {\n        id\n        plan\n        billingCycle\n      }\n      invoice {\n        id\n        number\n      }\n    }\n  }\n": types.ChangePlanDocument,
    "\n  mutation Subscribe($input: SubscribeInput!) {\n    subscribe(input: $input) {\n      id\n      plan\n      billingCycle\n    }\n  }\n": types.SubscribeDocument,
    "\n  mutation SetBillingProfile($input: SetBillingProfileInput!) {\n    setBillingProfile(input: $input) {\n      country\n      currency\n    }\n  }\n": types.SetBillingProfileDocument,
    "\n  query Invoice($id: ID!) {\n    invoice(id: $id) {\n      id\n      number\n      kind\n      currency\n      issuedAt\n      vatCountry\n      vatRateBasisPoints\n      lines {\n        position\n        description\n        quantity\n        amount {\n          amountMinor\n          currency\n        }\n        item {\n          kind\n          credit\n          plan\n          billingCycle\n          from\n          to\n          month\n        }\n      }\n      subtotal {\n        amountMinor\n        currency\n      }\n      vat {\n        amountMinor\n        currency\n      }\n      total {\n        amountMinor\n        currency\n      }\n      amountPaid {\n        amountMinor\n        currency\n      }\n      amountDue {\n        amountMinor\n        currency\n      }\n      paymentStatus\n      creditedInvoice {\n        id\n        number\n      }\n      payments {\n        id\n        kind\n        amount {\n          amountMinor\n          currency\n        }\n        reference\n        recordedAt\n      }\n    }\n  }\n": types.InvoiceDocument,
    "\n  query Members($search: String) {\n    members(search: $search, first: 100) {\n      nodes {\n        email\n        role\n        lastLoginAt\n        disabledAt\n        joinedAt\n        user {\n          id\n          mustChangePassword\n        }\n      }\n    }\n  }\n": types.MembersDocument,
    "\n  mutation SendInvitation($input: InviteUserInput!) {\n    sendInvitation(input: $input) {\n      id\n      email\n    }\n  }\n": types.SendInvitationDocument,
    "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      user {\n        id\n        email\n      }\n      temporaryPassword\n    }\n  }\n": types.InviteUserDocument,
    "\n  mutation ChangeMemberRole($userId: ID!, $role: Role!) {\n    changeMemberRole(userId: $userId, role: $role) {\n      role\n    }\n  }\n": types.ChangeMemberRoleDocument,
    "\n  mutation DisableMember($userId: ID!) {\n    disableMember(userId: $userId) {\n      disabledAt\n    }\n  }\n": types.DisableMemberDocument,
    "\n  mutation EnableMember($userId: ID!) {\n    enableMember(userId: $userId) {\n      disabledAt\n    }\n  }\n": types.EnableMemberDocument,
    "\n  mutation RemoveMember($userId: ID!) {\n    removeMember(userId: $userId)\n  }\n": types.RemoveMemberDocument,
    "\n  query AlertsInbox($farmId: ID!, $status: AlertStatus) {\n    alerts(farmId: $farmId, status: $status, first: 50) {\n      nodes {\n        id\n        metric\n        builtIn\n        comparison\n        threshold\n        status\n        raisedAt\n        clearedAt\n        peakValue\n        lastValue\n        acknowledgedAt\n        acknowledgedBy {\n          id\n          email\n        }\n        barn {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.AlertsInboxDocument,
    "\n  subscription AlertChanged($farmId: ID!) {\n    alertChanged(farmId: $farmId) {\n      change\n      alert {\n        id\n        status\n        clearedAt\n        lastValue\n        peakValue\n        acknowledgedAt\n        acknowledgedBy {\n          id\n          email\n        }\n      }\n    }\n  }\n": types.AlertChangedDocument,
    "\n  mutation AcknowledgeAlert($id: ID!) {\n    acknowledgeAlert(id: $id) {\n      id\n      acknowledgedAt\n      acknowledgedBy {\n        id\n        email\n      }\n    }\n  }\n": types.AcknowledgeAlertDocument,
    "\n  query BarnRules($barnId: ID!) {\n    barn(id: $barnId) {\n      id\n      name\n      farm {\n        id\n        name\n      }\n      alertRules {\n        id\n        metric\n        comparison\n        threshold\n        clearThreshold\n        minDurationSeconds\n        enabled\n      }\n    }\n  }\n": types.BarnRulesDocument,
    "\n  mutation CreateAlertRule($input: CreateAlertRuleInput!) {\n    createAlertRule(input: $input) {\n      id\n      metric\n      comparison\n      threshold\n      clearThreshold\n      minDurationSeconds\n      enabled\n    }\n  }\n": types.CreateAlertRuleDocument,
    "\n  mutation UpdateAlertRule($id: ID!, $input: UpdateAlertRuleInput!) {\n    updateAlertRule(id: $id, input: $input) {\n      id\n      enabled\n    }\n  }\n": types.UpdateAlertRuleDocument,
    "\n  mutation DeleteAlertRule($id: ID!) {\n    deleteAlertRule(id: $id)\n  }\n": types.DeleteAlertRuleDocument,
    "\n  mutation RefreshSession {\n    refreshSession {\n      accessTokenExpiresAt\n    }\n  }\n": types.RefreshSessionDocument,
    "\n  query BarnPage($barnId: ID!) {\n    barn(id: $barnId) {\n      id\n      name\n      species\n      capacityHead\n      farm {\n        id\n        name\n        timeZone\n        batches {\n          id\n          placedOn\n          barn {\n            id\n          }\n        }\n      }\n      devices(first: 40) {\n        nodes {\n          id\n          name\n          serialNumber\n          kind\n          status\n          credentialsIssuedAt\n          metrics {\n            name\n            unit\n          }\n          latestReadings {\n            metric\n            unit\n            value\n            observedAt\n          }\n        }\n      }\n    }\n  }\n": types.BarnPageDocument,
    "\n  query ReadingsCsv($deviceId: ID!, $from: DateTime!, $to: DateTime!) {\n    readingsCsv(deviceId: $deviceId, from: $from, to: $to)\n  }\n": types.ReadingsCsvDocument,
    "\n  query ReadingSeries($deviceId: ID!, $metric: String!, $from: DateTime!, $to: DateTime!, $interval: BucketInterval!) {\n    readingSeries(deviceId: $deviceId, metric: $metric, from: $from, to: $to, interval: $interval) {\n      unit\n      interval\n      timeZone\n      buckets {\n        start\n        count\n        avg\n        min\n        max\n      }\n    }\n  }\n": types.ReadingSeriesDocument,
    "\n  query BatchPage($batchId: ID!, $asOf: Date) {\n    batch(id: $batchId) {\n      id\n      species\n      breed\n      placedOn\n      headCountPlaced\n      placementWeightKg\n      barn {\n        id\n        name\n      }\n      performance(asOf: $asOf) {\n        asOf\n        ageDays\n        headCountAlive\n        deadCount\n        culledCount\n        feedKg\n        waterLitres\n        averageWeightKg {\n          value\n          unavailableReason\n        }\n        adgGramsPerDay {\n          value\n          unavailableReason\n        }\n        adfiGramsPerAnimalPerDay {\n          value\n          unavailableReason\n        }\n        fcrKgFeedPerKgGain {\n          value\n          unavailableReason\n        }\n        mortalityPercent {\n          value\n          unavailableReason\n        }\n        livabilityPercent {\n          value\n          unavailableReason\n        }\n        epef {\n          value\n          unavailableReason\n        }\n        iep {\n          value\n          unavailableReason\n        }\n        waterToFeedLitresPerKg {\n          value\n          unavailableReason\n        }\n        targetWeightKg {\n          value\n          unavailableReason\n        }\n        targetDeviationPercent {\n          value\n          unavailableReason\n        }\n        uniformity {\n          weighedOn\n          sampleCount\n          cvPercent {\n          value\n          unavailableReason\n        }\n          withinTenPercentOfMeanPercent {\n          value\n          unavailableReason\n        }\n        }\n        health {\n          score {\n          value\n          unavailableReason\n        }\n          mortalityFraction {\n          value\n          unavailableReason\n        }\n          morbidityFraction {\n          value\n          unavailableReason\n        }\n          treatmentFraction {\n          value\n          unavailableReason\n        }\n          mortalityComponent {\n          value\n          unavailableReason\n        }\n          morbidityComponent {\n          value\n          unavailableReason\n        }\n          treatmentComponent {\n          value\n          unavailableReason\n        }\n        }\n      }\n      dailySeries(asOf: $asOf) {\n        dayOfAge\n        averageWeightKg\n        sampleCount\n        targetWeightKg {\n          value\n        }\n        targetDeviationPercent {\n          value\n        }\n      }\n    }\n  }\n": types.BatchPageDocument,
    "\n  mutation RecordHealth($input: RecordHealthInput!) {\n    recordHealth(input: $input) {\n      id\n    }\n  }\n": types.RecordHealthDocument,
    "\n  mutation RecordWeighSession($batchId: ID!, $weightsKg: [Float!]!, $weighedOn: Date!) {\n    recordWeighSession(batchId: $batchId, weightsKg: $weightsKg, weighedOn: $weighedOn) {\n      id\n    }\n  }\n": types.RecordWeighSessionDocument,
    "\n  query Cohort($farmId: ID!, $asOf: Date) {\n    farm(id: $farmId) {\n      id\n      name\n      batchRanking(asOf: $asOf) {\n        rank\n        score\n        fcrScore\n        adgScore\n        fcrKgFeedPerKgGain\n        adgGramsPerDay\n        batch {\n          id\n          placedOn\n          breed\n          species\n          headCountPlaced\n          barn {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.CohortDocument,
    "\n  mutation RecordMortality($input: RecordMortalityInput!) {\n    recordMortality(input: $input) {\n      id\n    }\n  }\n": types.RecordMortalityDocument,
    "\n  mutation RecordFeed($input: RecordFeedInput!) {\n    recordFeed(input: $input) {\n      id\n    }\n  }\n": types.RecordFeedDocument,
    "\n  mutation RecordWater($input: RecordWaterInput!) {\n    recordWater(input: $input) {\n      id\n    }\n  }\n": types.RecordWaterDocument,
    "\n  query PlaceBatchBarns($farmId: ID!) {\n    farm(id: $farmId) {\n      id\n      barns {\n        id\n        name\n        species\n        capacityHead\n      }\n    }\n  }\n": types.PlaceBatchBarnsDocument,
    "\n  mutation PlaceBatch($input: PlaceBatchInput!) {\n    placeBatch(input: $input) {\n      id\n    }\n  }\n": types.PlaceBatchDocument,
    "\n  mutation SetTargetCurve($input: SetTargetCurveInput!) {\n    setTargetCurve(input: $input) {\n      breed\n      points {\n        dayOfAge\n        weightKg\n      }\n    }\n  }\n": types.SetTargetCurveDocument,
    "\n  query BatchWeighSessions($batchId: ID!) {\n    batch(id: $batchId) {\n      id\n      weighSessions {\n        id\n        source\n        weighedOn\n        status\n        weightCount\n        meanWeightKg\n        lateWeightCount\n        weightsKg\n      }\n    }\n  }\n": types.BatchWeighSessionsDocument,
    "\n  subscription WeighSessionChanged($batchId: ID!) {\n    weighSessionChanged(batchId: $batchId) {\n      id\n      status\n      weightCount\n    }\n  }\n": types.WeighSessionChangedDocument,
    "\n  query DevicesPage {\n    devices(first: 100) {\n      nodes {\n        id\n        serialNumber\n        kind\n        status\n        name\n        credentialsIssuedAt\n        barn {\n          id\n          name\n        }\n      }\n    }\n    me {\n      tenant {\n        id\n        farms {\n          id\n          name\n          barns {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.DevicesPageDocument,
    "\n  mutation ClaimDevice($input: ClaimDeviceInput!) {\n    claimDevice(input: $input) {\n      id\n      serialNumber\n      status\n    }\n  }\n": types.ClaimDeviceDocument,
    "\n  mutation ActivateDevice($input: ActivateDeviceInput!) {\n    activateDevice(input: $input) {\n      mqttUsername\n      mqttPassword\n      mqttTopic\n      previousValidUntil\n      device {\n        id\n        status\n        name\n        credentialsIssuedAt\n        barn {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.ActivateDeviceDocument,
    "\n  mutation RotateDeviceCredentials($input: RotateDeviceCredentialsInput!) {\n    rotateDeviceCredentials(input: $input) {\n      mqttUsername\n      mqttPassword\n      mqttTopic\n      previousValidUntil\n      device {\n        id\n        credentialsIssuedAt\n      }\n    }\n  }\n": types.RotateDeviceCredentialsDocument,
    "\n  mutation RevokeDevice($deviceId: ID!) {\n    revokeDevice(deviceId: $deviceId) {\n      id\n      status\n    }\n  }\n": types.RevokeDeviceDocument,
    "\n  query EdgeGateways($farmId: ID!) {\n    farm(id: $farmId) {\n      id\n      name\n      timeZone\n      edgeGateways {\n        id\n        name\n        createdAt\n        revokedAt\n        keys {\n          keyId\n          issuedAt\n          validUntil\n          revokedAt\n        }\n      }\n    }\n  }\n": types.EdgeGatewaysDocument,
    "\n  mutation RegisterEdgeGateway($input: RegisterEdgeGatewayInput!) {\n    registerEdgeGateway(input: $input) {\n      gateway {\n        id\n        name\n      }\n      keyId\n      secret\n      previousValidUntil\n    }\n  }\n": types.RegisterEdgeGatewayDocument,
    "\n  mutation RotateEdgeGatewayKey($input: RotateEdgeGatewayKeyInput!) {\n    rotateEdgeGatewayKey(input: $input) {\n      gateway {\n        id\n        name\n      }\n      keyId\n      secret\n      previousValidUntil\n    }\n  }\n": types.RotateEdgeGatewayKeyDocument,
    "\n  mutation RevokeEdgeGateway($gatewayId: ID!) {\n    revokeEdgeGateway(gatewayId: $gatewayId) {\n      id\n      revokedAt\n    }\n  }\n": types.RevokeEdgeGatewayDocument,
    "\n  query FarmOverview($farmId: ID!, $asOf: Date) {\n    farm(id: $farmId) {\n      id\n      name\n      timeZone\n      barns {\n        id\n        name\n        species\n        capacityHead\n        currentClimate {\n          metric\n          unit\n          value\n          observedAt\n        }\n      }\n      batches {\n        id\n        placedOn\n        headCountPlaced\n        barn {\n          id\n        }\n        performance(asOf: $asOf) {\n          ageDays\n          headCountAlive\n        }\n      }\n    }\n    alerts(farmId: $farmId, status: ACTIVE, first: 100) {\n      nodes {\n        id\n        metric\n        builtIn\n        acknowledgedAt\n        barn {\n          id\n        }\n      }\n    }\n  }\n": types.FarmOverviewDocument,
    "\n  subscription LiveBarnReadings($barnId: ID!, $metrics: [String!], $everySeconds: Int) {\n    readingAdded(barnId: $barnId, metrics: $metrics, everySeconds: $everySeconds) {\n      metric\n      unit\n      value\n      observedAt\n      device {\n        id\n      }\n    }\n  }\n": types.LiveBarnReadingsDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  query NotificationSettings {\n    webPushPublicKey\n    myNotificationSubscriptions {\n      id\n      channel\n      address\n      deviceLabel\n      minSeverity\n      farm {\n        id\n      }\n    }\n  }\n": types.NotificationSettingsDocument,
    "\n  mutation RegisterPush($input: RegisterPushSubscriptionInput!) {\n    registerPushSubscription(input: $input) {\n      id\n    }\n  }\n": types.RegisterPushDocument,
    "\n  mutation UnregisterPush($endpoint: String!) {\n    unregisterPushSubscription(endpoint: $endpoint)\n  }\n": types.UnregisterPushDocument,
    "\n  mutation Unsubscribe($id: ID!) {\n    unsubscribeFromAlerts(id: $id)\n  }\n": types.UnsubscribeDocument,
    "\n  mutation RegisterDevices($input: RegisterDevicesInput!) {\n    registerDevices(input: $input) {\n      device {\n        id\n        serialNumber\n        kind\n      }\n      claimCode\n      claimLink\n      qrCodeSvg\n    }\n  }\n": types.RegisterDevicesDocument,
    "\n  mutation ReissueClaimCodes($input: ReissueClaimCodesInput!) {\n    reissueClaimCodes(input: $input) {\n      device {\n        id\n        serialNumber\n        kind\n      }\n      claimCode\n      claimLink\n      qrCodeSvg\n    }\n  }\n": types.ReissueClaimCodesDocument,
    "\n  mutation SetVatRate($input: SetVatRateInput!) {\n    setVatRate(input: $input) {\n      country\n      rateBasisPoints\n      effectiveFrom\n    }\n  }\n": types.SetVatRateDocument,
    "\n  mutation SetExchangeRate($input: SetExchangeRateInput!) {\n    setExchangeRate(input: $input) {\n      baseCurrency\n      quoteCurrency\n      rate\n      asOf\n    }\n  }\n": types.SetExchangeRateDocument,
    "\n  query Tenants($search: String, $after: String) {\n    tenants(search: $search, first: 50, after: $after) {\n      nodes {\n        id\n        name\n        createdAt\n        suspendedAt\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.TenantsDocument,
    "\n  mutation CreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      id\n      name\n    }\n  }\n": types.CreateTenantDocument,
    "\n  mutation InviteFirstAdminByEmail($input: InviteUserInput!) {\n    sendInvitation(input: $input) {\n      id\n      email\n    }\n  }\n": types.InviteFirstAdminByEmailDocument,
    "\n  mutation InviteFirstAdmin($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      user {\n        id\n        email\n      }\n      temporaryPassword\n    }\n  }\n": types.InviteFirstAdminDocument,
    "\n  mutation SuspendTenant($id: ID!) {\n    suspendTenant(id: $id) {\n      id\n      suspendedAt\n    }\n  }\n": types.SuspendTenantDocument,
    "\n  mutation ReinstateTenant($id: ID!) {\n    reinstateTenant(id: $id) {\n      id\n      suspendedAt\n    }\n  }\n": types.ReinstateTenantDocument,
    "\n  query SecuritySettings {\n    me {\n      roles\n      user {\n        id\n        mfa {\n          totpEnabled\n          recoveryCodesLeft\n          passkeys {\n            id\n            name\n            createdAt\n          }\n        }\n      }\n      tenant {\n        id\n        requireMfa\n      }\n    }\n  }\n": types.SecuritySettingsDocument,
    "\n  mutation StartTotp {\n    startTotpEnrolment {\n      secret\n      otpauthUri\n    }\n  }\n": types.StartTotpDocument,
    "\n  mutation ConfirmTotp($totpCode: String!) {\n    confirmTotpEnrolment(totpCode: $totpCode) {\n      recoveryCodes\n    }\n  }\n": types.ConfirmTotpDocument,
    "\n  mutation DisableTotp($password: String!, $code: String!) {\n    disableTotp(password: $password, code: $code)\n  }\n": types.DisableTotpDocument,
    "\n  mutation RegenerateRecoveryCodes($password: String!, $code: String!) {\n    regenerateRecoveryCodes(password: $password, code: $code)\n  }\n": types.RegenerateRecoveryCodesDocument,
    "\n  mutation StartPasskeyRegistration {\n    startPasskeyRegistration\n  }\n": types.StartPasskeyRegistrationDocument,
    "\n  mutation FinishPasskeyRegistration($name: String!, $response: String!) {\n    finishPasskeyRegistration(name: $name, response: $response) {\n      passkey {\n        id\n      }\n      recoveryCodes\n    }\n  }\n": types.FinishPasskeyRegistrationDocument,
    "\n  mutation RemovePasskey($id: ID!, $password: String!) {\n    removePasskey(id: $id, password: $password)\n  }\n": types.RemovePasskeyDocument,
    "\n  mutation SetTenantMfaRequired($required: Boolean!) {\n    setTenantMfaRequired(required: $required) {\n      id\n      requireMfa\n    }\n  }\n": types.SetTenantMfaRequiredDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessTokenExpiresAt\n    }\n  }\n": types.LoginDocument,
    "\n  mutation CompleteMfaLogin($challengeToken: String!, $totpCode: String, $recoveryCode: String, $passkeyResponse: String) {\n    completeMfaLogin(challengeToken: $challengeToken, totpCode: $totpCode, recoveryCode: $recoveryCode, passkeyResponse: $passkeyResponse) {\n      accessTokenExpiresAt\n    }\n  }\n": types.CompleteMfaLoginDocument,
    "\n  mutation StartPasskeyLogin($challengeToken: String!) {\n    startPasskeyLogin(challengeToken: $challengeToken)\n  }\n": types.StartPasskeyLoginDocument,
    "\n  mutation StartEnrolmentAtLogin($challengeToken: String) {\n    startTotpEnrolment(challengeToken: $challengeToken) {\n      secret\n      otpauthUri\n    }\n  }\n": types.StartEnrolmentAtLoginDocument,
    "\n  mutation ConfirmEnrolmentAtLogin($totpCode: String!, $challengeToken: String) {\n    confirmTotpEnrolment(totpCode: $totpCode, challengeToken: $challengeToken) {\n      recoveryCodes\n      session {\n        accessTokenExpiresAt\n      }\n    }\n  }\n": types.ConfirmEnrolmentAtLoginDocument,
    "\n  mutation StartPasskeyAtLogin($challengeToken: String) {\n    startPasskeyRegistration(challengeToken: $challengeToken)\n  }\n": types.StartPasskeyAtLoginDocument,
    "\n  mutation FinishPasskeyAtLogin($name: String!, $response: String!, $challengeToken: String) {\n    finishPasskeyRegistration(name: $name, response: $response, challengeToken: $challengeToken) {\n      recoveryCodes\n      session {\n        accessTokenExpiresAt\n      }\n    }\n  }\n": types.FinishPasskeyAtLoginDocument,
    "\n  query TenantHome {\n    me {\n      tenant {\n        id\n        farms {\n          id\n          name\n          timeZone\n          barns {\n            id\n          }\n          batches {\n            id\n            headCountPlaced\n          }\n          alertRules {\n            id\n          }\n        }\n      }\n    }\n  }\n": types.TenantHomeDocument,
    "\n  query TenantPlan {\n    me {\n      tenant {\n        id\n        activeSubscription {\n          id\n          plan\n        }\n      }\n    }\n  }\n": types.TenantPlanDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    me {\n      roles\n      user {\n        id\n        email\n      }\n      tenant {\n        id\n        name\n        farms {\n          id\n          name\n          timeZone\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    me {\n      roles\n      user {\n        id\n        email\n      }\n      tenant {\n        id\n        name\n        farms {\n          id\n          name\n          timeZone\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n"): (typeof documents)["\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($token: String!, $newPassword: String!) {\n    acceptInvitation(token: $token, newPassword: $newPassword)\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($token: String!, $newPassword: String!) {\n    acceptInvitation(token: $token, newPassword: $newPassword)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiClients {\n    apiClients {\n      id\n      name\n      scopes\n      createdAt\n      revokedAt\n    }\n  }\n"): (typeof documents)["\n  query ApiClients {\n    apiClients {\n      id\n      name\n      scopes\n      createdAt\n      revokedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiClient($input: CreateApiClientInput!) {\n    createApiClient(input: $input) {\n      client {\n        id\n        name\n        scopes\n        createdAt\n        revokedAt\n      }\n      clientSecret\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiClient($input: CreateApiClientInput!) {\n    createApiClient(input: $input) {\n      client {\n        id\n        name\n        scopes\n        createdAt\n        revokedAt\n      }\n      clientSecret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiClient($id: ID!) {\n    revokeApiClient(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiClient($id: ID!) {\n    revokeApiClient(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateApiClientSecret($id: ID!) {\n    rotateApiClientSecret(id: $id) {\n      client {\n        id\n        name\n      }\n      clientSecret\n    }\n  }\n"): (typeof documents)["\n  mutation RotateApiClientSecret($id: ID!) {\n    rotateApiClientSecret(id: $id) {\n      client {\n        id\n        name\n      }\n      clientSecret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($action: AuditAction, $after: String) {\n    auditLog(action: $action, first: 50, after: $after) {\n      nodes {\n        id\n        at\n        action\n        actorId\n        targetType\n        targetId\n        address\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditLog($action: AuditAction, $after: String) {\n    auditLog(action: $action, first: 50, after: $after) {\n      nodes {\n        id\n        at\n        action\n        actorId\n        targetType\n        targetId\n        address\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditActors {\n    members(first: 100) {\n      nodes {\n        email\n        user {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditActors {\n    members(first: 100) {\n      nodes {\n        email\n        user {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLogCsv($since: DateTime!, $until: DateTime!) {\n    auditLogCsv(since: $since, until: $until)\n  }\n"): (typeof documents)["\n  query AuditLogCsv($since: DateTime!, $until: DateTime!) {\n    auditLogCsv(since: $since, until: $until)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Billing {\n    me {\n      tenant {\n        id\n        activeSubscription {\n          id\n          plan\n          status\n          billingCycle\n          currency\n          currentPeriodStart\n          currentPeriodEnd\n          cancelAtPeriodEnd\n        }\n      }\n    }\n    billingProfile {\n      country\n      currency\n    }\n    invoices(first: 50) {\n      id\n      number\n      kind\n      issuedAt\n      total {\n        amountMinor\n        currency\n      }\n      paymentStatus\n    }\n    plans {\n      code\n      includedDevices\n      includedMessagesPerMonth\n    }\n  }\n"): (typeof documents)["\n  query Billing {\n    me {\n      tenant {\n        id\n        activeSubscription {\n          id\n          plan\n          status\n          billingCycle\n          currency\n          currentPeriodStart\n          currentPeriodEnd\n          cancelAtPeriodEnd\n        }\n      }\n    }\n    billingProfile {\n      country\n      currency\n    }\n    invoices(first: 50) {\n      id\n      number\n      kind\n      issuedAt\n      total {\n        amountMinor\n        currency\n      }\n      paymentStatus\n    }\n    plans {\n      code\n      includedDevices\n      includedMessagesPerMonth\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewPlanChange($input: ChangePlanInput!) {\n    previewPlanChange(input: $input) {\n      currency\n      lines {\n        position\n        description\n        quantity\n        amount {\n          amountMinor\n          currency\n        }\n        item {\n          kind\n          credit\n          plan\n          billingCycle\n          from\n          to\n          month\n        }\n      }\n      subtotal {\n        amountMinor\n        currency\n      }\n      vatRateBasisPoints\n      vat {\n        amountMinor\n        currency\n      }\n      total {\n        amountMinor\n        currency\n      }\n    }\n  }\n"): (typeof documents)["\n  query PreviewPlanChange($input: ChangePlanInput!) {\n    previewPlanChange(input: $input) {\n      currency\n      lines {\n        position\n        description\n        quantity\n        amount {\n          amountMinor\n          currency\n        }\n        item {\n          kind\n          credit\n          plan\n          billingCycle\n          from\n          to\n          month\n        }\n      }\n      subtotal {\n        amountMinor\n        currency\n      }\n      vatRateBasisPoints\n      vat {\n        amountMinor\n        currency\n      }\n      total {\n        amountMinor\n        currency\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewSubscribe($input: SubscribeInput!) {\n    previewSubscribe(input: $input) {\n      currency\n      lines {\n        position\n        description\n        quantity\n        amount {\n          amountMinor\n          currency\n        }\n        item {\n          kind\n          credit\n          plan\n          billingCycle\n          from\n          to\n          month\n        }\n      }\n      subtotal {\n        amountMinor\n        currency\n      }\n      vatRateBasisPoints\n      vat {\n        amountMinor\n        currency\n      }\n      total {\n        amountMinor\n        currency\n      }\n    }\n  }\n"): (typeof documents)["\n  query PreviewSubscribe($input: SubscribeInput!) {\n    previewSubscribe(input: $input) {\n      currency\n      lines {\n        position\n        description\n        quantity\n        amount {\n          amountMinor\n          currency\n        }\n        item {\n          kind\n          credit\n          plan\n          billingCycle\n          from\n          to\n          month\n        }\n      }\n      subtotal {\n        amountMinor\n        currency\n      }\n      vatRateBasisPoints\n      vat {\n        amountMinor\n        currency\n      }\n      total {\n        amountMinor\n        currency\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NextInvoice {\n    previewNextInvoice {\n      currency\n      lines {\n        position\n        description\n        quantity\n        amount {\n          amountMinor\n          currency\n        }\n        item {\n          kind\n          credit\n          plan\n          billingCycle\n          from\n          to\n          month\n        }\n      }\n      subtotal {\n        amountMinor\n        currency\n      }\n      vatRateBasisPoints\n      vat {\n        amountMinor\n        currency\n      }\n      total {\n        amountMinor\n        currency\n      }\n    }\n  }\n"): (typeof documents)["\n  query NextInvoice {\n    previewNextInvoice {\n      currency\n      lines {\n        position\n        description\n        quantity\n        amount {\n          amountMinor\n          currency\n        }\n        item {\n          kind\n          credit\n          plan\n          billingCycle\n          from\n          to\n          month\n        }\n      }\n      subtotal {\n        amountMinor\n        currency\n      }\n      vatRateBasisPoints\n      vat {\n        amountMinor\n        currency\n      }\n      total {\n        amountMinor\n        currency\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePlan($input: ChangePlanInput!) {\n    changePlan(input: $input) {\n      subscription {\n        id\n        plan\n        billingCycle\n      }\n      invoice {\n        id\n        number\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ChangePlan($input: ChangePlanInput!) {\n    changePlan(input: $input) {\n      subscription {\n        id\n        plan\n        billingCycle\n      }\n      invoice {\n        id\n        number\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Subscribe($input: SubscribeInput!) {\n    subscribe(input: $input) {\n      id\n      plan\n      billingCycle\n    }\n  }\n"): (typeof documents)["\n  mutation Subscribe($input: SubscribeInput!) {\n    subscribe(input: $input) {\n      id\n      plan\n      billingCycle\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetBillingProfile($input: SetBillingProfileInput!) {\n    setBillingProfile(input: $input) {\n      country\n      currency\n    }\n  }\n"): (typeof documents)["\n  mutation SetBillingProfile($input: SetBillingProfileInput!) {\n    setBillingProfile(input: $input) {\n      country\n      currency\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Invoice($id: ID!) {\n    invoice(id: $id) {\n      id\n      number\n      kind\n      currency\n      issuedAt\n      vatCountry\n      vatRateBasisPoints\n      lines {\n        position\n        description\n        quantity\n        amount {\n          amountMinor\n          currency\n        }\n        item {\n          kind\n          credit\n          plan\n          billingCycle\n          from\n          to\n          month\n        }\n      }\n      subtotal {\n        amountMinor\n        currency\n      }\n      vat {\n        amountMinor\n        currency\n      }\n      total {\n        amountMinor\n        currency\n      }\n      amountPaid {\n        amountMinor\n        currency\n      }\n      amountDue {\n        amountMinor\n        currency\n      }\n      paymentStatus\n      creditedInvoice {\n        id\n        number\n      }\n      payments {\n        id\n        kind\n        amount {\n          amountMinor\n          currency\n        }\n        reference\n        recordedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query Invoice($id: ID!) {\n    invoice(id: $id) {\n      id\n      number\n      kind\n      currency\n      issuedAt\n      vatCountry\n      vatRateBasisPoints\n      lines {\n        position\n        description\n        quantity\n        amount {\n          amountMinor\n          currency\n        }\n        item {\n          kind\n          credit\n          plan\n          billingCycle\n          from\n          to\n          month\n        }\n      }\n      subtotal {\n        amountMinor\n        currency\n      }\n      vat {\n        amountMinor\n        currency\n      }\n      total {\n        amountMinor\n        currency\n      }\n      amountPaid {\n        amountMinor\n        currency\n      }\n      amountDue {\n        amountMinor\n        currency\n      }\n      paymentStatus\n      creditedInvoice {\n        id\n        number\n      }\n      payments {\n        id\n        kind\n        amount {\n          amountMinor\n          currency\n        }\n        reference\n        recordedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Members($search: String) {\n    members(search: $search, first: 100) {\n      nodes {\n        email\n        role\n        lastLoginAt\n        disabledAt\n        joinedAt\n        user {\n          id\n          mustChangePassword\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Members($search: String) {\n    members(search: $search, first: 100) {\n      nodes {\n        email\n        role\n        lastLoginAt\n        disabledAt\n        joinedAt\n        user {\n          id\n          mustChangePassword\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendInvitation($input: InviteUserInput!) {\n    sendInvitation(input: $input) {\n      id\n      email\n    }\n  }\n"): (typeof documents)["\n  mutation SendInvitation($input: InviteUserInput!) {\n    sendInvitation(input: $input) {\n      id\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      user {\n        id\n        email\n      }\n      temporaryPassword\n    }\n  }\n"): (typeof documents)["\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      user {\n        id\n        email\n      }\n      temporaryPassword\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeMemberRole($userId: ID!, $role: Role!) {\n    changeMemberRole(userId: $userId, role: $role) {\n      role\n    }\n  }\n"): (typeof documents)["\n  mutation ChangeMemberRole($userId: ID!, $role: Role!) {\n    changeMemberRole(userId: $userId, role: $role) {\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableMember($userId: ID!) {\n    disableMember(userId: $userId) {\n      disabledAt\n    }\n  }\n"): (typeof documents)["\n  mutation DisableMember($userId: ID!) {\n    disableMember(userId: $userId) {\n      disabledAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EnableMember($userId: ID!) {\n    enableMember(userId: $userId) {\n      disabledAt\n    }\n  }\n"): (typeof documents)["\n  mutation EnableMember($userId: ID!) {\n    enableMember(userId: $userId) {\n      disabledAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveMember($userId: ID!) {\n    removeMember(userId: $userId)\n  }\n"): (typeof documents)["\n  mutation RemoveMember($userId: ID!) {\n    removeMember(userId: $userId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AlertsInbox($farmId: ID!, $status: AlertStatus) {\n    alerts(farmId: $farmId, status: $status, first: 50) {\n      nodes {\n        id\n        metric\n        builtIn\n        comparison\n        threshold\n        status\n        raisedAt\n        clearedAt\n        peakValue\n        lastValue\n        acknowledgedAt\n        acknowledgedBy {\n          id\n          email\n        }\n        barn {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AlertsInbox($farmId: ID!, $status: AlertStatus) {\n    alerts(farmId: $farmId, status: $status, first: 50) {\n      nodes {\n        id\n        metric\n        builtIn\n        comparison\n        threshold\n        status\n        raisedAt\n        clearedAt\n        peakValue\n        lastValue\n        acknowledgedAt\n        acknowledgedBy {\n          id\n          email\n        }\n        barn {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AlertChanged($farmId: ID!) {\n    alertChanged(farmId: $farmId) {\n      change\n      alert {\n        id\n        status\n        clearedAt\n        lastValue\n        peakValue\n        acknowledgedAt\n        acknowledgedBy {\n          id\n          email\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription AlertChanged($farmId: ID!) {\n    alertChanged(farmId: $farmId) {\n      change\n      alert {\n        id\n        status\n        clearedAt\n        lastValue\n        peakValue\n        acknowledgedAt\n        acknowledgedBy {\n          id\n          email\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcknowledgeAlert($id: ID!) {\n    acknowledgeAlert(id: $id) {\n      id\n      acknowledgedAt\n      acknowledgedBy {\n        id\n        email\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcknowledgeAlert($id: ID!) {\n    acknowledgeAlert(id: $id) {\n      id\n      acknowledgedAt\n      acknowledgedBy {\n        id\n        email\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BarnRules($barnId: ID!) {\n    barn(id: $barnId) {\n      id\n      name\n      farm {\n        id\n        name\n      }\n      alertRules {\n        id\n        metric\n        comparison\n        threshold\n        clearThreshold\n        minDurationSeconds\n        enabled\n      }\n    }\n  }\n"): (typeof documents)["\n  query BarnRules($barnId: ID!) {\n    barn(id: $barnId) {\n      id\n      name\n      farm {\n        id\n        name\n      }\n      alertRules {\n        id\n        metric\n        comparison\n        threshold\n        clearThreshold\n        minDurationSeconds\n        enabled\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAlertRule($input: CreateAlertRuleInput!) {\n    createAlertRule(input: $input) {\n      id\n      metric\n      comparison\n      threshold\n      clearThreshold\n      minDurationSeconds\n      enabled\n    }\n  }\n"): (typeof documents)["\n  mutation CreateAlertRule($input: CreateAlertRuleInput!) {\n    createAlertRule(input: $input) {\n      id\n      metric\n      comparison\n      threshold\n      clearThreshold\n      minDurationSeconds\n      enabled\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAlertRule($id: ID!, $input: UpdateAlertRuleInput!) {\n    updateAlertRule(id: $id, input: $input) {\n      id\n      enabled\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateAlertRule($id: ID!, $input: UpdateAlertRuleInput!) {\n    updateAlertRule(id: $id, input: $input) {\n      id\n      enabled\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteAlertRule($id: ID!) {\n    deleteAlertRule(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteAlertRule($id: ID!) {\n    deleteAlertRule(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshSession {\n    refreshSession {\n      accessTokenExpiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation RefreshSession {\n    refreshSession {\n      accessTokenExpiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BarnPage($barnId: ID!) {\n    barn(id: $barnId) {\n      id\n      name\n      species\n      capacityHead\n      farm {\n        id\n        name\n        timeZone\n        batches {\n          id\n          placedOn\n          barn {\n            id\n          }\n        }\n      }\n      devices(first: 40) {\n        nodes {\n          id\n          name\n          serialNumber\n          kind\n          status\n          credentialsIssuedAt\n          metrics {\n            name\n            unit\n          }\n          latestReadings {\n            metric\n            unit\n            value\n            observedAt\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query BarnPage($barnId: ID!) {\n    barn(id: $barnId) {\n      id\n      name\n      species\n      capacityHead\n      farm {\n        id\n        name\n        timeZone\n        batches {\n          id\n          placedOn\n          barn {\n            id\n          }\n        }\n      }\n      devices(first: 40) {\n        nodes {\n          id\n          name\n          serialNumber\n          kind\n          status\n          credentialsIssuedAt\n          metrics {\n            name\n            unit\n          }\n          latestReadings {\n            metric\n            unit\n            value\n            observedAt\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReadingsCsv($deviceId: ID!, $from: DateTime!, $to: DateTime!) {\n    readingsCsv(deviceId: $deviceId, from: $from, to: $to)\n  }\n"): (typeof documents)["\n  query ReadingsCsv($deviceId: ID!, $from: DateTime!, $to: DateTime!) {\n    readingsCsv(deviceId: $deviceId, from: $from, to: $to)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReadingSeries($deviceId: ID!, $metric: String!, $from: DateTime!, $to: DateTime!, $interval: BucketInterval!) {\n    readingSeries(deviceId: $deviceId, metric: $metric, from: $from, to: $to, interval: $interval) {\n      unit\n      interval\n      timeZone\n      buckets {\n        start\n        count\n        avg\n        min\n        max\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReadingSeries($deviceId: ID!, $metric: String!, $from: DateTime!, $to: DateTime!, $interval: BucketInterval!) {\n    readingSeries(deviceId: $deviceId, metric: $metric, from: $from, to: $to, interval: $interval) {\n      unit\n      interval\n      timeZone\n      buckets {\n        start\n        count\n        avg\n        min\n        max\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BatchPage($batchId: ID!, $asOf: Date) {\n    batch(id: $batchId) {\n      id\n      species\n      breed\n      placedOn\n      headCountPlaced\n      placementWeightKg\n      barn {\n        id\n        name\n      }\n      performance(asOf: $asOf) {\n        asOf\n        ageDays\n        headCountAlive\n        deadCount\n        culledCount\n        feedKg\n        waterLitres\n        averageWeightKg {\n          value\n          unavailableReason\n        }\n        adgGramsPerDay {\n          value\n          unavailableReason\n        }\n        adfiGramsPerAnimalPerDay {\n          value\n          unavailableReason\n        }\n        fcrKgFeedPerKgGain {\n          value\n          unavailableReason\n        }\n        mortalityPercent {\n          value\n          unavailableReason\n        }\n        livabilityPercent {\n          value\n          unavailableReason\n        }\n        epef {\n          value\n          unavailableReason\n        }\n        iep {\n          value\n          unavailableReason\n        }\n        waterToFeedLitresPerKg {\n          value\n          unavailableReason\n        }\n        targetWeightKg {\n          value\n          unavailableReason\n        }\n        targetDeviationPercent {\n          value\n          unavailableReason\n        }\n        uniformity {\n          weighedOn\n          sampleCount\n          cvPercent {\n          value\n          unavailableReason\n        }\n          withinTenPercentOfMeanPercent {\n          value\n          unavailableReason\n        }\n        }\n        health {\n          score {\n          value\n          unavailableReason\n        }\n          mortalityFraction {\n          value\n          unavailableReason\n        }\n          morbidityFraction {\n          value\n          unavailableReason\n        }\n          treatmentFraction {\n          value\n          unavailableReason\n        }\n          mortalityComponent {\n          value\n          unavailableReason\n        }\n          morbidityComponent {\n          value\n          unavailableReason\n        }\n          treatmentComponent {\n          value\n          unavailableReason\n        }\n        }\n      }\n      dailySeries(asOf: $asOf) {\n        dayOfAge\n        averageWeightKg\n        sampleCount\n        targetWeightKg {\n          value\n        }\n        targetDeviationPercent {\n          value\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query BatchPage($batchId: ID!, $asOf: Date) {\n    batch(id: $batchId) {\n      id\n      species\n      breed\n      placedOn\n      headCountPlaced\n      placementWeightKg\n      barn {\n        id\n        name\n      }\n      performance(asOf: $asOf) {\n        asOf\n        ageDays\n        headCountAlive\n        deadCount\n        culledCount\n        feedKg\n        waterLitres\n        averageWeightKg {\n          value\n          unavailableReason\n        }\n        adgGramsPerDay {\n          value\n          unavailableReason\n        }\n        adfiGramsPerAnimalPerDay {\n          value\n          unavailableReason\n        }\n        fcrKgFeedPerKgGain {\n          value\n          unavailableReason\n        }\n        mortalityPercent {\n          value\n          unavailableReason\n        }\n        livabilityPercent {\n          value\n          unavailableReason\n        }\n        epef {\n          value\n          unavailableReason\n        }\n        iep {\n          value\n          unavailableReason\n        }\n        waterToFeedLitresPerKg {\n          value\n          unavailableReason\n        }\n        targetWeightKg {\n          value\n          unavailableReason\n        }\n        targetDeviationPercent {\n          value\n          unavailableReason\n        }\n        uniformity {\n          weighedOn\n          sampleCount\n          cvPercent {\n          value\n          unavailableReason\n        }\n          withinTenPercentOfMeanPercent {\n          value\n          unavailableReason\n        }\n        }\n        health {\n          score {\n          value\n          unavailableReason\n        }\n          mortalityFraction {\n          value\n          unavailableReason\n        }\n          morbidityFraction {\n          value\n          unavailableReason\n        }\n          treatmentFraction {\n          value\n          unavailableReason\n        }\n          mortalityComponent {\n          value\n          unavailableReason\n        }\n          morbidityComponent {\n          value\n          unavailableReason\n        }\n          treatmentComponent {\n          value\n          unavailableReason\n        }\n        }\n      }\n      dailySeries(asOf: $asOf) {\n        dayOfAge\n        averageWeightKg\n        sampleCount\n        targetWeightKg {\n          value\n        }\n        targetDeviationPercent {\n          value\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordHealth($input: RecordHealthInput!) {\n    recordHealth(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RecordHealth($input: RecordHealthInput!) {\n    recordHealth(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordWeighSession($batchId: ID!, $weightsKg: [Float!]!, $weighedOn: Date!) {\n    recordWeighSession(batchId: $batchId, weightsKg: $weightsKg, weighedOn: $weighedOn) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RecordWeighSession($batchId: ID!, $weightsKg: [Float!]!, $weighedOn: Date!) {\n    recordWeighSession(batchId: $batchId, weightsKg: $weightsKg, weighedOn: $weighedOn) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Cohort($farmId: ID!, $asOf: Date) {\n    farm(id: $farmId) {\n      id\n      name\n      batchRanking(asOf: $asOf) {\n        rank\n        score\n        fcrScore\n        adgScore\n        fcrKgFeedPerKgGain\n        adgGramsPerDay\n        batch {\n          id\n          placedOn\n          breed\n          species\n          headCountPlaced\n          barn {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Cohort($farmId: ID!, $asOf: Date) {\n    farm(id: $farmId) {\n      id\n      name\n      batchRanking(asOf: $asOf) {\n        rank\n        score\n        fcrScore\n        adgScore\n        fcrKgFeedPerKgGain\n        adgGramsPerDay\n        batch {\n          id\n          placedOn\n          breed\n          species\n          headCountPlaced\n          barn {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordMortality($input: RecordMortalityInput!) {\n    recordMortality(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RecordMortality($input: RecordMortalityInput!) {\n    recordMortality(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordFeed($input: RecordFeedInput!) {\n    recordFeed(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RecordFeed($input: RecordFeedInput!) {\n    recordFeed(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordWater($input: RecordWaterInput!) {\n    recordWater(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RecordWater($input: RecordWaterInput!) {\n    recordWater(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlaceBatchBarns($farmId: ID!) {\n    farm(id: $farmId) {\n      id\n      barns {\n        id\n        name\n        species\n        capacityHead\n      }\n    }\n  }\n"): (typeof documents)["\n  query PlaceBatchBarns($farmId: ID!) {\n    farm(id: $farmId) {\n      id\n      barns {\n        id\n        name\n        species\n        capacityHead\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlaceBatch($input: PlaceBatchInput!) {\n    placeBatch(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation PlaceBatch($input: PlaceBatchInput!) {\n    placeBatch(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetTargetCurve($input: SetTargetCurveInput!) {\n    setTargetCurve(input: $input) {\n      breed\n      points {\n        dayOfAge\n        weightKg\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetTargetCurve($input: SetTargetCurveInput!) {\n    setTargetCurve(input: $input) {\n      breed\n      points {\n        dayOfAge\n        weightKg\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BatchWeighSessions($batchId: ID!) {\n    batch(id: $batchId) {\n      id\n      weighSessions {\n        id\n        source\n        weighedOn\n        status\n        weightCount\n        meanWeightKg\n        lateWeightCount\n        weightsKg\n      }\n    }\n  }\n"): (typeof documents)["\n  query BatchWeighSessions($batchId: ID!) {\n    batch(id: $batchId) {\n      id\n      weighSessions {\n        id\n        source\n        weighedOn\n        status\n        weightCount\n        meanWeightKg\n        lateWeightCount\n        weightsKg\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WeighSessionChanged($batchId: ID!) {\n    weighSessionChanged(batchId: $batchId) {\n      id\n      status\n      weightCount\n    }\n  }\n"): (typeof documents)["\n  subscription WeighSessionChanged($batchId: ID!) {\n    weighSessionChanged(batchId: $batchId) {\n      id\n      status\n      weightCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DevicesPage {\n    devices(first: 100) {\n      nodes {\n        id\n        serialNumber\n        kind\n        status\n        name\n        credentialsIssuedAt\n        barn {\n          id\n          name\n        }\n      }\n    }\n    me {\n      tenant {\n        id\n        farms {\n          id\n          name\n          barns {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DevicesPage {\n    devices(first: 100) {\n      nodes {\n        id\n        serialNumber\n        kind\n        status\n        name\n        credentialsIssuedAt\n        barn {\n          id\n          name\n        }\n      }\n    }\n    me {\n      tenant {\n        id\n        farms {\n          id\n          name\n          barns {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClaimDevice($input: ClaimDeviceInput!) {\n    claimDevice(input: $input) {\n      id\n      serialNumber\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ClaimDevice($input: ClaimDeviceInput!) {\n    claimDevice(input: $input) {\n      id\n      serialNumber\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ActivateDevice($input: ActivateDeviceInput!) {\n    activateDevice(input: $input) {\n      mqttUsername\n      mqttPassword\n      mqttTopic\n      previousValidUntil\n      device {\n        id\n        status\n        name\n        credentialsIssuedAt\n        barn {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ActivateDevice($input: ActivateDeviceInput!) {\n    activateDevice(input: $input) {\n      mqttUsername\n      mqttPassword\n      mqttTopic\n      previousValidUntil\n      device {\n        id\n        status\n        name\n        credentialsIssuedAt\n        barn {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateDeviceCredentials($input: RotateDeviceCredentialsInput!) {\n    rotateDeviceCredentials(input: $input) {\n      mqttUsername\n      mqttPassword\n      mqttTopic\n      previousValidUntil\n      device {\n        id\n        credentialsIssuedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RotateDeviceCredentials($input: RotateDeviceCredentialsInput!) {\n    rotateDeviceCredentials(input: $input) {\n      mqttUsername\n      mqttPassword\n      mqttTopic\n      previousValidUntil\n      device {\n        id\n        credentialsIssuedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeDevice($deviceId: ID!) {\n    revokeDevice(deviceId: $deviceId) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeDevice($deviceId: ID!) {\n    revokeDevice(deviceId: $deviceId) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EdgeGateways($farmId: ID!) {\n    farm(id: $farmId) {\n      id\n      name\n      timeZone\n      edgeGateways {\n        id\n        name\n        createdAt\n        revokedAt\n        keys {\n          keyId\n          issuedAt\n          validUntil\n          revokedAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query EdgeGateways($farmId: ID!) {\n    farm(id: $farmId) {\n      id\n      name\n      timeZone\n      edgeGateways {\n        id\n        name\n        createdAt\n        revokedAt\n        keys {\n          keyId\n          issuedAt\n          validUntil\n          revokedAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterEdgeGateway($input: RegisterEdgeGatewayInput!) {\n    registerEdgeGateway(input: $input) {\n      gateway {\n        id\n        name\n      }\n      keyId\n      secret\n      previousValidUntil\n    }\n  }\n"): (typeof documents)["\n  mutation RegisterEdgeGateway($input: RegisterEdgeGatewayInput!) {\n    registerEdgeGateway(input: $input) {\n      gateway {\n        id\n        name\n      }\n      keyId\n      secret\n      previousValidUntil\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateEdgeGatewayKey($input: RotateEdgeGatewayKeyInput!) {\n    rotateEdgeGatewayKey(input: $input) {\n      gateway {\n        id\n        name\n      }\n      keyId\n      secret\n      previousValidUntil\n    }\n  }\n"): (typeof documents)["\n  mutation RotateEdgeGatewayKey($input: RotateEdgeGatewayKeyInput!) {\n    rotateEdgeGatewayKey(input: $input) {\n      gateway {\n        id\n        name\n      }\n      keyId\n      secret\n      previousValidUntil\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeEdgeGateway($gatewayId: ID!) {\n    revokeEdgeGateway(gatewayId: $gatewayId) {\n      id\n      revokedAt\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeEdgeGateway($gatewayId: ID!) {\n    revokeEdgeGateway(gatewayId: $gatewayId) {\n      id\n      revokedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FarmOverview($farmId: ID!, $asOf: Date) {\n    farm(id: $farmId) {\n      id\n      name\n      timeZone\n      barns {\n        id\n        name\n        species\n        capacityHead\n        currentClimate {\n          metric\n          unit\n          value\n          observedAt\n        }\n      }\n      batches {\n        id\n        placedOn\n        headCountPlaced\n        barn {\n          id\n        }\n        performance(asOf: $asOf) {\n          ageDays\n          headCountAlive\n        }\n      }\n    }\n    alerts(farmId: $farmId, status: ACTIVE, first: 100) {\n      nodes {\n        id\n        metric\n        builtIn\n        acknowledgedAt\n        barn {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FarmOverview($farmId: ID!, $asOf: Date) {\n    farm(id: $farmId) {\n      id\n      name\n      timeZone\n      barns {\n        id\n        name\n        species\n        capacityHead\n        currentClimate {\n          metric\n          unit\n          value\n          observedAt\n        }\n      }\n      batches {\n        id\n        placedOn\n        headCountPlaced\n        barn {\n          id\n        }\n        performance(asOf: $asOf) {\n          ageDays\n          headCountAlive\n        }\n      }\n    }\n    alerts(farmId: $farmId, status: ACTIVE, first: 100) {\n      nodes {\n        id\n        metric\n        builtIn\n        acknowledgedAt\n        barn {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LiveBarnReadings($barnId: ID!, $metrics: [String!], $everySeconds: Int) {\n    readingAdded(barnId: $barnId, metrics: $metrics, everySeconds: $everySeconds) {\n      metric\n      unit\n      value\n      observedAt\n      device {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription LiveBarnReadings($barnId: ID!, $metrics: [String!], $everySeconds: Int) {\n    readingAdded(barnId: $barnId, metrics: $metrics, everySeconds: $everySeconds) {\n      metric\n      unit\n      value\n      observedAt\n      device {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationSettings {\n    webPushPublicKey\n    myNotificationSubscriptions {\n      id\n      channel\n      address\n      deviceLabel\n      minSeverity\n      farm {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query NotificationSettings {\n    webPushPublicKey\n    myNotificationSubscriptions {\n      id\n      channel\n      address\n      deviceLabel\n      minSeverity\n      farm {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterPush($input: RegisterPushSubscriptionInput!) {\n    registerPushSubscription(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RegisterPush($input: RegisterPushSubscriptionInput!) {\n    registerPushSubscription(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnregisterPush($endpoint: String!) {\n    unregisterPushSubscription(endpoint: $endpoint)\n  }\n"): (typeof documents)["\n  mutation UnregisterPush($endpoint: String!) {\n    unregisterPushSubscription(endpoint: $endpoint)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Unsubscribe($id: ID!) {\n    unsubscribeFromAlerts(id: $id)\n  }\n"): (typeof documents)["\n  mutation Unsubscribe($id: ID!) {\n    unsubscribeFromAlerts(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterDevices($input: RegisterDevicesInput!) {\n    registerDevices(input: $input) {\n      device {\n        id\n        serialNumber\n        kind\n      }\n      claimCode\n      claimLink\n      qrCodeSvg\n    }\n  }\n"): (typeof documents)["\n  mutation RegisterDevices($input: RegisterDevicesInput!) {\n    registerDevices(input: $input) {\n      device {\n        id\n        serialNumber\n        kind\n      }\n      claimCode\n      claimLink\n      qrCodeSvg\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReissueClaimCodes($input: ReissueClaimCodesInput!) {\n    reissueClaimCodes(input: $input) {\n      device {\n        id\n        serialNumber\n        kind\n      }\n      claimCode\n      claimLink\n      qrCodeSvg\n    }\n  }\n"): (typeof documents)["\n  mutation ReissueClaimCodes($input: ReissueClaimCodesInput!) {\n    reissueClaimCodes(input: $input) {\n      device {\n        id\n        serialNumber\n        kind\n      }\n      claimCode\n      claimLink\n      qrCodeSvg\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetVatRate($input: SetVatRateInput!) {\n    setVatRate(input: $input) {\n      country\n      rateBasisPoints\n      effectiveFrom\n    }\n  }\n"): (typeof documents)["\n  mutation SetVatRate($input: SetVatRateInput!) {\n    setVatRate(input: $input) {\n      country\n      rateBasisPoints\n      effectiveFrom\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetExchangeRate($input: SetExchangeRateInput!) {\n    setExchangeRate(input: $input) {\n      baseCurrency\n      quoteCurrency\n      rate\n      asOf\n    }\n  }\n"): (typeof documents)["\n  mutation SetExchangeRate($input: SetExchangeRateInput!) {\n    setExchangeRate(input: $input) {\n      baseCurrency\n      quoteCurrency\n      rate\n      asOf\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Tenants($search: String, $after: String) {\n    tenants(search: $search, first: 50, after: $after) {\n      nodes {\n        id\n        name\n        createdAt\n        suspendedAt\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query Tenants($search: String, $after: String) {\n    tenants(search: $search, first: 50, after: $after) {\n      nodes {\n        id\n        name\n        createdAt\n        suspendedAt\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation CreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteFirstAdminByEmail($input: InviteUserInput!) {\n    sendInvitation(input: $input) {\n      id\n      email\n    }\n  }\n"): (typeof documents)["\n  mutation InviteFirstAdminByEmail($input: InviteUserInput!) {\n    sendInvitation(input: $input) {\n      id\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteFirstAdmin($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      user {\n        id\n        email\n      }\n      temporaryPassword\n    }\n  }\n"): (typeof documents)["\n  mutation InviteFirstAdmin($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      user {\n        id\n        email\n      }\n      temporaryPassword\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SuspendTenant($id: ID!) {\n    suspendTenant(id: $id) {\n      id\n      suspendedAt\n    }\n  }\n"): (typeof documents)["\n  mutation SuspendTenant($id: ID!) {\n    suspendTenant(id: $id) {\n      id\n      suspendedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReinstateTenant($id: ID!) {\n    reinstateTenant(id: $id) {\n      id\n      suspendedAt\n    }\n  }\n"): (typeof documents)["\n  mutation ReinstateTenant($id: ID!) {\n    reinstateTenant(id: $id) {\n      id\n      suspendedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SecuritySettings {\n    me {\n      roles\n      user {\n        id\n        mfa {\n          totpEnabled\n          recoveryCodesLeft\n          passkeys {\n            id\n            name\n            createdAt\n          }\n        }\n      }\n      tenant {\n        id\n        requireMfa\n      }\n    }\n  }\n"): (typeof documents)["\n  query SecuritySettings {\n    me {\n      roles\n      user {\n        id\n        mfa {\n          totpEnabled\n          recoveryCodesLeft\n          passkeys {\n            id\n            name\n            createdAt\n          }\n        }\n      }\n      tenant {\n        id\n        requireMfa\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartTotp {\n    startTotpEnrolment {\n      secret\n      otpauthUri\n    }\n  }\n"): (typeof documents)["\n  mutation StartTotp {\n    startTotpEnrolment {\n      secret\n      otpauthUri\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmTotp($totpCode: String!) {\n    confirmTotpEnrolment(totpCode: $totpCode) {\n      recoveryCodes\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmTotp($totpCode: String!) {\n    confirmTotpEnrolment(totpCode: $totpCode) {\n      recoveryCodes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableTotp($password: String!, $code: String!) {\n    disableTotp(password: $password, code: $code)\n  }\n"): (typeof documents)["\n  mutation DisableTotp($password: String!, $code: String!) {\n    disableTotp(password: $password, code: $code)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegenerateRecoveryCodes($password: String!, $code: String!) {\n    regenerateRecoveryCodes(password: $password, code: $code)\n  }\n"): (typeof documents)["\n  mutation RegenerateRecoveryCodes($password: String!, $code: String!) {\n    regenerateRecoveryCodes(password: $password, code: $code)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartPasskeyRegistration {\n    startPasskeyRegistration\n  }\n"): (typeof documents)["\n  mutation StartPasskeyRegistration {\n    startPasskeyRegistration\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FinishPasskeyRegistration($name: String!, $response: String!) {\n    finishPasskeyRegistration(name: $name, response: $response) {\n      passkey {\n        id\n      }\n      recoveryCodes\n    }\n  }\n"): (typeof documents)["\n  mutation FinishPasskeyRegistration($name: String!, $response: String!) {\n    finishPasskeyRegistration(name: $name, response: $response) {\n      passkey {\n        id\n      }\n      recoveryCodes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemovePasskey($id: ID!, $password: String!) {\n    removePasskey(id: $id, password: $password)\n  }\n"): (typeof documents)["\n  mutation RemovePasskey($id: ID!, $password: String!) {\n    removePasskey(id: $id, password: $password)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetTenantMfaRequired($required: Boolean!) {\n    setTenantMfaRequired(required: $required) {\n      id\n      requireMfa\n    }\n  }\n"): (typeof documents)["\n  mutation SetTenantMfaRequired($required: Boolean!) {\n    setTenantMfaRequired(required: $required) {\n      id\n      requireMfa\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessTokenExpiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessTokenExpiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteMfaLogin($challengeToken: String!, $totpCode: String, $recoveryCode: String, $passkeyResponse: String) {\n    completeMfaLogin(challengeToken: $challengeToken, totpCode: $totpCode, recoveryCode: $recoveryCode, passkeyResponse: $passkeyResponse) {\n      accessTokenExpiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteMfaLogin($challengeToken: String!, $totpCode: String, $recoveryCode: String, $passkeyResponse: String) {\n    completeMfaLogin(challengeToken: $challengeToken, totpCode: $totpCode, recoveryCode: $recoveryCode, passkeyResponse: $passkeyResponse) {\n      accessTokenExpiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartPasskeyLogin($challengeToken: String!) {\n    startPasskeyLogin(challengeToken: $challengeToken)\n  }\n"): (typeof documents)["\n  mutation StartPasskeyLogin($challengeToken: String!) {\n    startPasskeyLogin(challengeToken: $challengeToken)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartEnrolmentAtLogin($challengeToken: String) {\n    startTotpEnrolment(challengeToken: $challengeToken) {\n      secret\n      otpauthUri\n    }\n  }\n"): (typeof documents)["\n  mutation StartEnrolmentAtLogin($challengeToken: String) {\n    startTotpEnrolment(challengeToken: $challengeToken) {\n      secret\n      otpauthUri\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmEnrolmentAtLogin($totpCode: String!, $challengeToken: String) {\n    confirmTotpEnrolment(totpCode: $totpCode, challengeToken: $challengeToken) {\n      recoveryCodes\n      session {\n        accessTokenExpiresAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmEnrolmentAtLogin($totpCode: String!, $challengeToken: String) {\n    confirmTotpEnrolment(totpCode: $totpCode, challengeToken: $challengeToken) {\n      recoveryCodes\n      session {\n        accessTokenExpiresAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartPasskeyAtLogin($challengeToken: String) {\n    startPasskeyRegistration(challengeToken: $challengeToken)\n  }\n"): (typeof documents)["\n  mutation StartPasskeyAtLogin($challengeToken: String) {\n    startPasskeyRegistration(challengeToken: $challengeToken)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FinishPasskeyAtLogin($name: String!, $response: String!, $challengeToken: String) {\n    finishPasskeyRegistration(name: $name, response: $response, challengeToken: $challengeToken) {\n      recoveryCodes\n      session {\n        accessTokenExpiresAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation FinishPasskeyAtLogin($name: String!, $response: String!, $challengeToken: String) {\n    finishPasskeyRegistration(name: $name, response: $response, challengeToken: $challengeToken) {\n      recoveryCodes\n      session {\n        accessTokenExpiresAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantHome {\n    me {\n      tenant {\n        id\n        farms {\n          id\n          name\n          timeZone\n          barns {\n            id\n          }\n          batches {\n            id\n            headCountPlaced\n          }\n          alertRules {\n            id\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TenantHome {\n    me {\n      tenant {\n        id\n        farms {\n          id\n          name\n          timeZone\n          barns {\n            id\n          }\n          batches {\n            id\n            headCountPlaced\n          }\n          alertRules {\n            id\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantPlan {\n    me {\n      tenant {\n        id\n        activeSubscription {\n          id\n          plan\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TenantPlan {\n    me {\n      tenant {\n        id\n        activeSubscription {\n          id\n          plan\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
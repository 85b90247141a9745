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
    "\n  query Me {\n    me {\n      ...UserFields\n    }\n  }\n": typeof types.MeDocument,
    "\n  query GrantableRoles {\n    grantableRoles\n  }\n": typeof types.GrantableRolesDocument,
    "\n  query OrganisationOptions($search: String) {\n    organisations(first: 50, search: $search) {\n      edges {\n        node {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n": typeof types.OrganisationOptionsDocument,
    "\n  query AreaChildren($parentId: ID) {\n    areas(parentId: $parentId) {\n      id\n      name\n      nameEn\n      level\n      parent {\n        id\n        name\n        nameEn\n        level\n      }\n    }\n  }\n": typeof types.AreaChildrenDocument,
    "\n  fragment AreaFields on Area {\n    id\n    name\n    nameEn\n    level\n    latitude\n    longitude\n    canSetPoint\n  }\n": typeof types.AreaFieldsFragmentDoc,
    "\n  query AreaTree($parentId: ID) {\n    areas(parentId: $parentId) {\n      ...AreaFields\n      parent {\n        ...AreaFields\n      }\n    }\n  }\n": typeof types.AreaTreeDocument,
    "\n  mutation ImportAreas($csv: String!) {\n    importAreas(csv: $csv) {\n      created\n      updated\n    }\n  }\n": typeof types.ImportAreasDocument,
    "\n  mutation SetAreaPoint($areaId: ID!, $latitude: Float, $longitude: Float) {\n    setAreaPoint(areaId: $areaId, latitude: $latitude, longitude: $longitude) {\n      ...AreaFields\n    }\n  }\n": typeof types.SetAreaPointDocument,
    "\n  fragment LedgerFields on LedgerEntry {\n    reasons\n    risk\n    enteredOn\n    leftOn\n    leftReason\n    nextVisitDue\n    overdue\n  }\n": typeof types.LedgerFieldsFragmentDoc,
    "\n  fragment LedgerEventFields on LedgerEvent {\n    at\n    event\n    actor\n    detail\n  }\n": typeof types.LedgerEventFieldsFragmentDoc,
    "\n  fragment VisitFields on Visit {\n    id\n    visitedOn\n    visitor\n    form\n    findings\n    followUp\n    nextVisitOn\n    status\n    reviewedBy\n    reviewedAt\n    reviewNote\n  }\n": typeof types.VisitFieldsFragmentDoc,
    "\n  fragment NeedFields on Need {\n    id\n    category\n    description\n    urgency\n    windows {\n      day\n      start\n      end\n    }\n    language\n    place\n    status\n    createdAt\n    updatedAt\n    history {\n      status\n      note\n      at\n      actor\n    }\n  }\n": typeof types.NeedFieldsFragmentDoc,
    "\n  query Ledger($areaId: ID, $overdue: Boolean, $first: Int!, $after: String) {\n    ledger(areaId: $areaId, overdue: $overdue, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...LedgerFields\n          child {\n            id\n            name\n            community {\n              ...AreaName\n            }\n            street {\n              ...AreaName\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.LedgerDocument,
    "\n  query OverdueVisitsCount {\n    ledger(overdue: true, first: 1) {\n      totalCount\n    }\n  }\n": typeof types.OverdueVisitsCountDocument,
    "\n  query PendingVisits {\n    pendingVisits {\n      ...VisitFields\n      child {\n        id\n        name\n        community {\n          ...AreaName\n        }\n      }\n    }\n  }\n": typeof types.PendingVisitsDocument,
    "\n  mutation EnterLedger($childId: ID!, $reasons: [LedgerReason!]!, $risk: Level!) {\n    enterLedger(childId: $childId, reasons: $reasons, risk: $risk) {\n      ...LedgerFields\n      child {\n        id\n      }\n    }\n  }\n": typeof types.EnterLedgerDocument,
    "\n  mutation ChangeLedger($childId: ID!, $reasons: [LedgerReason!]!, $risk: Level!, $note: String!) {\n    changeLedger(childId: $childId, reasons: $reasons, risk: $risk, note: $note) {\n      ...LedgerFields\n      child {\n        id\n      }\n    }\n  }\n": typeof types.ChangeLedgerDocument,
    "\n  mutation LeaveLedger($childId: ID!, $reason: String!) {\n    leaveLedger(childId: $childId, reason: $reason) {\n      ...LedgerFields\n      child {\n        id\n      }\n    }\n  }\n": typeof types.LeaveLedgerDocument,
    "\n  mutation RecordVisit($childId: ID!, $input: VisitInput!) {\n    recordVisit(childId: $childId, input: $input) {\n      ...VisitFields\n      child {\n        id\n      }\n    }\n  }\n": typeof types.RecordVisitDocument,
    "\n  mutation ResubmitVisit($id: ID!, $input: VisitInput!) {\n    resubmitVisit(id: $id, input: $input) {\n      ...VisitFields\n      child {\n        id\n      }\n    }\n  }\n": typeof types.ResubmitVisitDocument,
    "\n  mutation AcceptVisit($id: ID!, $note: String) {\n    acceptVisit(id: $id, note: $note) {\n      ...VisitFields\n      child {\n        id\n      }\n    }\n  }\n": typeof types.AcceptVisitDocument,
    "\n  mutation ReturnVisit($id: ID!, $note: String!) {\n    returnVisit(id: $id, note: $note) {\n      ...VisitFields\n      child {\n        id\n      }\n    }\n  }\n": typeof types.ReturnVisitDocument,
    "\n  mutation CreateNeed($childId: ID!, $input: NeedInput!) {\n    createNeed(childId: $childId, input: $input) {\n      ...NeedFields\n    }\n  }\n": typeof types.CreateNeedDocument,
    "\n  mutation UpdateNeed($id: ID!, $input: NeedInput!) {\n    updateNeed(id: $id, input: $input) {\n      ...NeedFields\n    }\n  }\n": typeof types.UpdateNeedDocument,
    "\n  mutation SetNeedStatus($id: ID!, $status: NeedStatus!, $note: String) {\n    setNeedStatus(id: $id, status: $status, note: $note) {\n      ...NeedFields\n    }\n  }\n": typeof types.SetNeedStatusDocument,
    "\n  fragment ImportLineFields on ImportLine {\n    line\n    outcome\n    reason\n    name\n  }\n": typeof types.ImportLineFieldsFragmentDoc,
    "\n  fragment ChildImportFields on ChildImport {\n    id\n    source\n    fileName\n    rows\n    created\n    updated\n    conflicts\n    invalid\n    importedBy\n    importedAt\n  }\n": typeof types.ChildImportFieldsFragmentDoc,
    "\n  mutation PreviewChildImport($source: ImportSource!, $file: Upload!) {\n    previewChildImport(source: $source, file: $file) {\n      rows\n      new\n      matched\n      conflicts\n      invalid\n      lines {\n        ...ImportLineFields\n      }\n    }\n  }\n": typeof types.PreviewChildImportDocument,
    "\n  mutation ApplyChildImport($source: ImportSource!, $file: Upload!) {\n    applyChildImport(source: $source, file: $file) {\n      ...ChildImportFields\n    }\n  }\n": typeof types.ApplyChildImportDocument,
    "\n  query ChildImports($first: Int) {\n    childImports(first: $first) {\n      ...ChildImportFields\n    }\n  }\n": typeof types.ChildImportsDocument,
    "\n  query ReviewWorkload($areaId: ID) {\n    reviewWorkload(areaId: $areaId) {\n      worker\n      overdue\n      dueSoon\n    }\n  }\n": typeof types.ReviewWorkloadDocument,
    "\n  query ChildOverview($areaId: ID) {\n    childOverview(areaId: $areaId) {\n      area {\n        ...AreaName\n      }\n      active\n      eligible\n      onLedger\n      visitsOverdue\n      reviewsDue\n    }\n  }\n": typeof types.ChildOverviewDocument,
    "\n  fragment EligibilityFields on Eligibility {\n    eligible\n    reasons\n    turnsSixteenOn\n  }\n": typeof types.EligibilityFieldsFragmentDoc,
    "\n  fragment ChildRow on Child {\n    id\n    name\n    gender\n    age\n    community {\n      ...AreaName\n    }\n    street {\n      ...AreaName\n    }\n    active\n    eligibility {\n      ...EligibilityFields\n    }\n    lastReviewedOn\n    reviewDueOn\n    reviewOverdue\n    registeredBy\n  }\n": typeof types.ChildRowFragmentDoc,
    "\n  fragment GuardianFields on Guardian {\n    id\n    name\n    relation\n    phone\n    primary\n  }\n": typeof types.GuardianFieldsFragmentDoc,
    "\n  fragment ConsentFields on Consent {\n    id\n    purpose\n    granted\n    guardian {\n      id\n      name\n      relation\n    }\n    method\n    givenOn\n    recordedBy\n    recordedAt\n    withdrawnAt\n  }\n": typeof types.ConsentFieldsFragmentDoc,
    "\n  fragment ChildFile on Child {\n    ...ChildRow\n    reviews {\n      reviewedOn\n      reviewer\n      note\n    }\n    birthDate\n    idNumber\n    noIdReason\n    hukou {\n      province\n      city\n      county\n    }\n    movedWith\n    district {\n      ...AreaName\n    }\n    address\n    arrivedOn\n    school\n    languages\n    disability\n    guardians {\n      ...GuardianFields\n    }\n    consents {\n      ...ConsentFields\n    }\n    services: consentTo(purpose: SERVICES)\n    shareWithProvider: consentTo(purpose: SHARE_WITH_PROVIDER)\n    statistics: consentTo(purpose: STATISTICS)\n    ledger {\n      ...LedgerFields\n      history {\n        ...LedgerEventFields\n      }\n    }\n    visits {\n      ...VisitFields\n    }\n    needs {\n      ...NeedFields\n    }\n    serviceHistory: services(first: 50) {\n      totalCount\n      edges {\n        node {\n          ...MatchRow\n        }\n      }\n    }\n    createdAt\n    updatedAt\n  }\n": typeof types.ChildFileFragmentDoc,
    "\n  query ChildFile($id: ID!) {\n    child(id: $id) {\n      ...ChildFile\n    }\n  }\n": typeof types.ChildFileDocument,
    "\n  query Children($areaId: ID, $idNumber: String, $reviewDue: Boolean, $includeInactive: Boolean, $first: Int!, $after: String) {\n    children(areaId: $areaId, idNumber: $idNumber, reviewDue: $reviewDue, includeInactive: $includeInactive, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...ChildRow\n        }\n      }\n    }\n  }\n": typeof types.ChildrenDocument,
    "\n  query ReviewDueCount {\n    children(reviewDue: true, first: 1) {\n      totalCount\n    }\n  }\n": typeof types.ReviewDueCountDocument,
    "\n  query CheckEligibility($input: EligibilityInput!) {\n    checkEligibility(input: $input) {\n      ...EligibilityFields\n    }\n  }\n": typeof types.CheckEligibilityDocument,
    "\n  mutation RegisterChild($input: ChildInput!, $confirmNotDuplicate: Boolean) {\n    registerChild(input: $input, confirmNotDuplicate: $confirmNotDuplicate) {\n      ...ChildFile\n    }\n  }\n": typeof types.RegisterChildDocument,
    "\n  mutation UpdateChild($id: ID!, $input: ChildInput!) {\n    updateChild(id: $id, input: $input) {\n      ...ChildFile\n    }\n  }\n": typeof types.UpdateChildDocument,
    "\n  mutation ReviewChild($id: ID!, $note: String) {\n    reviewChild(id: $id, note: $note) {\n      id\n      lastReviewedOn\n      reviews {\n        reviewedOn\n        reviewer\n        note\n      }\n      reviewDueOn\n      reviewOverdue\n      updatedAt\n    }\n  }\n": typeof types.ReviewChildDocument,
    "\n  mutation RecordConsent($childId: ID!, $input: ConsentInput!) {\n    recordConsent(childId: $childId, input: $input) {\n      ...ConsentFields\n    }\n  }\n": typeof types.RecordConsentDocument,
    "\n  query ChildViews($childId: ID!, $first: Int!, $after: String) {\n    childViews(childId: $childId, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          at\n          actor\n          parts\n          ip\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ChildViewsDocument,
    "\n  fragment AreaName on Area {\n    id\n    name\n    nameEn\n    level\n  }\n": typeof types.AreaNameFragmentDoc,
    "\n  fragment OrganisationProfile on Organisation {\n    id\n    name\n    kind\n    area {\n      ...AreaName\n    }\n    registrationNumber\n    contactName\n    contactPhone\n    description\n    address\n    latitude\n    longitude\n    areasServed {\n      ...AreaName\n    }\n    verification\n    verificationNote\n    verifiedAt\n    canEdit\n    canVerify\n  }\n": typeof types.OrganisationProfileFragmentDoc,
    "\n  fragment ServiceFields on Service {\n    id\n    name\n    description\n    categories\n    minAge\n    maxAge\n    areasServed {\n      ...AreaName\n    }\n    schedule {\n      day\n      start\n      end\n    }\n    capacity\n    languages\n    funding\n    status\n    locations {\n      id\n      name\n      address\n      area {\n        ...AreaName\n      }\n      latitude\n      longitude\n    }\n    updatedAt\n    canEdit\n  }\n": typeof types.ServiceFieldsFragmentDoc,
    "\n  fragment VettingItemFields on VettingItem {\n    id\n    kind\n    status\n    completedOn\n    expiresOn\n    note\n    recordedBy\n    approvedBy\n    approvedAt\n    expiresSoon\n    expired\n  }\n": typeof types.VettingItemFieldsFragmentDoc,
    "\n  fragment VolunteerFields on Volunteer {\n    id\n    displayName\n    phone\n    bio\n    skills\n    languages\n    homeArea {\n      ...AreaName\n      parent {\n        ...AreaName\n      }\n    }\n    availability {\n      day\n      start\n      end\n    }\n    hoursPerMonth\n    organisations {\n      id\n      name\n      kind\n    }\n    vetting {\n      ...VettingItemFields\n    }\n    vetted\n    vettingExpiresOn\n    canManageVetting\n  }\n": typeof types.VolunteerFieldsFragmentDoc,
    "\n  fragment SlotFields on Slot {\n    id\n    seriesId\n    title\n    description\n    categories\n    startsAt\n    endsAt\n    capacity\n    minAge\n    maxAge\n    childrenPerAdult\n    bookingCutoff\n    status\n    canEdit\n  }\n": typeof types.SlotFieldsFragmentDoc,
    "\n  fragment EventFields on Event {\n    id\n    title\n    description\n    categories\n    startsAt\n    endsAt\n    place\n    area {\n      ...AreaName\n    }\n    latitude\n    longitude\n    capacity\n    minAge\n    maxAge\n    registrationOpens\n    registrationCloses\n    status\n    canEdit\n  }\n": typeof types.EventFieldsFragmentDoc,
    "\n  query Districts {\n    areas(level: DISTRICT) {\n      ...AreaName\n      latitude\n      longitude\n    }\n  }\n": typeof types.DistrictsDocument,
    "\n  fragment GrantFields on RoleGrant {\n    id\n    role\n    grantedAt\n    grantedBy\n    area {\n      id\n      name\n      nameEn\n      level\n    }\n    organisation {\n      id\n      name\n      kind\n    }\n  }\n": typeof types.GrantFieldsFragmentDoc,
    "\n  fragment UserFields on User {\n    id\n    username\n    displayName\n    disabled\n    lockedUntil\n    createdAt\n    lastSignInAt\n    grants {\n      ...GrantFields\n    }\n  }\n": typeof types.UserFieldsFragmentDoc,
    "\n  fragment BudgetLineFields on BudgetLine {\n    id\n    name\n    funder {\n      id\n      name\n      nameEn\n      level\n    }\n    fiscalYear\n    source\n    amount\n    purpose\n    available\n    createdAt\n  }\n": typeof types.BudgetLineFieldsFragmentDoc,
    "\n  fragment ContractFiguresFields on ContractFigures {\n    delivered\n    invoiced\n    accepted\n    paid\n    remaining\n    children\n    minutes\n    sessions\n    costPerChild\n    costPerHour\n    progress\n    expected\n    underDelivering\n  }\n": typeof types.ContractFiguresFieldsFragmentDoc,
    "\n  fragment ContractRow on Contract {\n    id\n    title\n    budgetLineId\n    organisation {\n      id\n      name\n    }\n    categories\n    unit\n    unitPrice\n    quantity\n    value\n    startsOn\n    endsOn\n    status\n    signedAt\n    canManage\n    canInvoice\n    figures {\n      ...ContractFiguresFields\n    }\n  }\n": typeof types.ContractRowFragmentDoc,
    "\n  fragment AuthorisationFields on Authorisation {\n    id\n    matchId\n    units\n    usedUnits\n    startsOn\n    endsOn\n  }\n": typeof types.AuthorisationFieldsFragmentDoc,
    "\n  fragment DeliveryFields on Delivery {\n    id\n    sessionId\n    title\n    status\n    reason\n    units\n    amount\n    minutes\n    deliveredAt\n    invoiceId\n    verifiedBy\n    verifiedAt\n  }\n": typeof types.DeliveryFieldsFragmentDoc,
    "\n  fragment ContractDetail on Contract {\n    ...ContractRow\n    areas {\n      id\n      name\n      nameEn\n    }\n    targets\n    authorisations {\n      ...AuthorisationFields\n    }\n    deliveries {\n      ...DeliveryFields\n    }\n  }\n": typeof types.ContractDetailFragmentDoc,
    "\n  fragment InvoiceFields on Invoice {\n    id\n    contractId\n    contractTitle\n    organisation {\n      id\n      name\n    }\n    periodFrom\n    periodTo\n    amount\n    paid\n    status\n    reason\n    submittedAt\n    decidedAt\n    canDecide\n    canPay\n  }\n": typeof types.InvoiceFieldsFragmentDoc,
    "\n  fragment FundingSummaryFields on FundingSummary {\n    key\n    name\n    budget\n    committed\n    delivered\n    invoiced\n    paid\n    remaining\n    children\n    minutes\n    costPerChild\n    costPerHour\n  }\n": typeof types.FundingSummaryFieldsFragmentDoc,
    "\n  query BudgetLines($year: Int) {\n    budgetLines(year: $year) {\n      ...BudgetLineFields\n    }\n  }\n": typeof types.BudgetLinesDocument,
    "\n  query Contracts($budgetLineId: ID, $first: Int!, $after: String) {\n    contracts(budgetLineId: $budgetLineId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...ContractRow\n        }\n      }\n    }\n  }\n": typeof types.ContractsDocument,
    "\n  query ContractOptions($first: Int!) {\n    contracts(first: $first) {\n      edges {\n        node {\n          id\n          title\n          status\n          startsOn\n          endsOn\n          canInvoice\n        }\n      }\n    }\n  }\n": typeof types.ContractOptionsDocument,
    "\n  query Contract($id: ID!) {\n    contract(id: $id) {\n      ...ContractDetail\n    }\n  }\n": typeof types.ContractDocument,
    "\n  query PendingDeliveries {\n    pendingDeliveries {\n      sessionId\n      contractId\n      contractTitle\n      organisation {\n        id\n        name\n      }\n      title\n      startsAt\n      endsAt\n      minutes\n    }\n  }\n": typeof types.PendingDeliveriesDocument,
    "\n  query Invoices($contractId: ID, $statuses: [InvoiceStatus!], $first: Int!, $after: String) {\n    invoices(contractId: $contractId, statuses: $statuses, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...InvoiceFields\n        }\n      }\n    }\n  }\n": typeof types.InvoicesDocument,
    "\n  query FundingReport($year: Int) {\n    fundingReport(year: $year) {\n      contracts {\n        id\n        title\n        status\n        value\n        organisation {\n          id\n          name\n        }\n        figures {\n          ...ContractFiguresFields\n        }\n      }\n      budgetLines {\n        ...FundingSummaryFields\n      }\n      organisations {\n        ...FundingSummaryFields\n      }\n      districts {\n        district {\n          id\n          name\n          nameEn\n        }\n        category\n        spent\n        unmet\n      }\n    }\n  }\n": typeof types.FundingReportDocument,
    "\n  query FundingOrganisationOptions($search: String) {\n    organisations(first: 50, search: $search, verification: VERIFIED) {\n      edges {\n        node {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n": typeof types.FundingOrganisationOptionsDocument,
    "\n  query AuthorisableMatches {\n    matchBoard(statuses: [REQUESTED, ACCEPTED, IN_PROGRESS], first: 100) {\n      edges {\n        node {\n          id\n          status\n          category\n          offerTitle\n          providerOrganisation {\n            id\n          }\n          child {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.AuthorisableMatchesDocument,
    "\n  mutation CreateBudgetLine($input: BudgetLineInput!) {\n    createBudgetLine(input: $input) {\n      ...BudgetLineFields\n    }\n  }\n": typeof types.CreateBudgetLineDocument,
    "\n  mutation CreateContract($input: ContractInput!) {\n    createContract(input: $input) {\n      ...ContractRow\n    }\n  }\n": typeof types.CreateContractDocument,
    "\n  mutation SignContract($id: ID!) {\n    signContract(id: $id) {\n      ...ContractRow\n    }\n  }\n": typeof types.SignContractDocument,
    "\n  mutation EndContract($id: ID!, $terminate: Boolean!, $reason: String) {\n    endContract(id: $id, terminate: $terminate, reason: $reason) {\n      ...ContractRow\n    }\n  }\n": typeof types.EndContractDocument,
    "\n  mutation AuthoriseMatch($input: AuthorisationInput!) {\n    authoriseMatch(input: $input) {\n      ...AuthorisationFields\n    }\n  }\n": typeof types.AuthoriseMatchDocument,
    "\n  mutation VerifyDelivery($sessionId: ID!, $accept: Boolean!, $reason: String) {\n    verifyDelivery(sessionId: $sessionId, accept: $accept, reason: $reason) {\n      ...DeliveryFields\n    }\n  }\n": typeof types.VerifyDeliveryDocument,
    "\n  mutation SubmitInvoice($contractId: ID!, $periodFrom: Date!, $periodTo: Date!) {\n    submitInvoice(contractId: $contractId, periodFrom: $periodFrom, periodTo: $periodTo) {\n      ...InvoiceFields\n    }\n  }\n": typeof types.SubmitInvoiceDocument,
    "\n  mutation DecideInvoice($id: ID!, $decision: InvoiceDecision!, $reason: String) {\n    decideInvoice(id: $id, decision: $decision, reason: $reason) {\n      ...InvoiceFields\n    }\n  }\n": typeof types.DecideInvoiceDocument,
    "\n  mutation RecordPayment($input: PaymentInput!) {\n    recordPayment(input: $input) {\n      id\n      invoiceId\n      amount\n      idempotencyKey\n      reference\n      paidOn\n    }\n  }\n": typeof types.RecordPaymentDocument,
    "\n  fragment ScoreFactorFields on ScoreFactor {\n    factor\n    value\n    points\n    max\n  }\n": typeof types.ScoreFactorFieldsFragmentDoc,
    "\n  fragment SessionFields on ServiceSession {\n    id\n    matchId\n    title\n    startsAt\n    endsAt\n    minutes\n    attendance\n    note\n    hours\n    hoursNote\n    approvedBy\n    approvedAt\n    loggedBy\n  }\n": typeof types.SessionFieldsFragmentDoc,
    "\n  fragment MatchRow on Match {\n    id\n    status\n    category\n    entity\n    offerId\n    offerTitle\n    providerOrganisation {\n      id\n      name\n    }\n    providerVolunteerName\n    reason\n    note\n    score\n    pairing {\n      timesPerMonth\n      weeks\n    }\n    createdAt\n    updatedAt\n  }\n": typeof types.MatchRowFragmentDoc,
    "\n  fragment MatchEventFields on MatchEvent {\n    from\n    to\n    reason\n    note\n    at\n    actor\n  }\n": typeof types.MatchEventFieldsFragmentDoc,
    "\n  fragment InboxMatch on Match {\n    ...MatchRow\n    history {\n      ...MatchEventFields\n    }\n    bookings {\n      id\n      status\n      startsAt\n      position\n    }\n    sessions {\n      ...SessionFields\n    }\n  }\n": typeof types.InboxMatchFragmentDoc,
    "\n  fragment MatchDetail on Match {\n    ...MatchRow\n    factors {\n      ...ScoreFactorFields\n    }\n    consentOverride\n    child {\n      id\n      name\n    }\n    need {\n      id\n      category\n      description\n      status\n      language\n      place\n      windows {\n        day\n        start\n        end\n      }\n    }\n    history {\n      ...MatchEventFields\n    }\n    bookings {\n      id\n      status\n      startsAt\n      position\n    }\n    sessions {\n      ...SessionFields\n    }\n  }\n": typeof types.MatchDetailFragmentDoc,
    "\n  query MatchCandidates($needId: ID!) {\n    matchCandidates(needId: $needId) {\n      maxKm\n      distanceFrom\n      need {\n        ...NeedFields\n        matches {\n          ...MatchRow\n        }\n      }\n      candidates {\n        entity\n        id\n        title\n        organisationId\n        organisationName\n        startsAt\n        endsAt\n        distanceKm\n        languages\n        seatsLeft\n        score\n        factors {\n          ...ScoreFactorFields\n        }\n        openMatchId\n      }\n    }\n  }\n": typeof types.MatchCandidatesDocument,
    "\n  query Match($id: ID!) {\n    match(id: $id) {\n      ...MatchDetail\n    }\n  }\n": typeof types.MatchDocument,
    "\n  query MatchBoard($areaId: ID, $statuses: [MatchStatus!], $first: Int!, $after: String) {\n    matchBoard(areaId: $areaId, statuses: $statuses, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...MatchRow\n          child {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.MatchBoardDocument,
    "\n  query MatchInbox($statuses: [MatchStatus!], $first: Int!, $after: String) {\n    matchInbox(statuses: $statuses, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...InboxMatch\n        }\n      }\n    }\n  }\n": typeof types.MatchInboxDocument,
    "\n  query MatchChildProfile($matchId: ID!) {\n    matchChildProfile(matchId: $matchId) {\n      matchId\n      name\n      gender\n      age\n      languages\n      disability\n      communityName\n      needNote\n      windows {\n        day\n        start\n        end\n      }\n      guardianRelation\n      guardianPhone\n      basis\n    }\n  }\n": typeof types.MatchChildProfileDocument,
    "\n  query PendingHours($first: Int!, $after: String) {\n    pendingHours(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...SessionFields\n        }\n      }\n    }\n  }\n": typeof types.PendingHoursDocument,
    "\n  query MyHours($first: Int!, $after: String) {\n    myHours(first: $first, after: $after) {\n      approvedMinutes\n      pendingMinutes\n      sessions {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            ...SessionFields\n          }\n        }\n      }\n    }\n  }\n": typeof types.MyHoursDocument,
    "\n  fragment NotificationFields on Notification {\n    id\n    kind\n    title\n    body\n    matchId\n    createdAt\n    read\n  }\n": typeof types.NotificationFieldsFragmentDoc,
    "\n  query Notifications($unreadOnly: Boolean, $first: Int!) {\n    notifications(unreadOnly: $unreadOnly, first: $first) {\n      unread\n      totalCount\n      edges {\n        cursor\n        node {\n          ...NotificationFields\n        }\n      }\n    }\n  }\n": typeof types.NotificationsDocument,
    "\n  mutation ProposeMatch($needId: ID!, $input: ProposeMatchInput!) {\n    proposeMatch(needId: $needId, input: $input) {\n      ...MatchRow\n      need {\n        id\n        status\n      }\n    }\n  }\n": typeof types.ProposeMatchDocument,
    "\n  mutation ProposeMatchesForArea($areaId: ID!) {\n    proposeMatchesForArea(areaId: $areaId) {\n      needs\n      proposed\n      noCandidate\n      failed\n      tookMs\n      matches {\n        ...MatchRow\n      }\n    }\n  }\n": typeof types.ProposeMatchesForAreaDocument,
    "\n  mutation SendMatchRequests($ids: [ID!]!) {\n    sendMatchRequests(ids: $ids) {\n      ...MatchRow\n      need {\n        id\n        status\n      }\n    }\n  }\n": typeof types.SendMatchRequestsDocument,
    "\n  mutation RespondToMatch($id: ID!, $accept: Boolean!, $reason: OutcomeReason, $note: String) {\n    respondToMatch(id: $id, accept: $accept, reason: $reason, note: $note) {\n      ...InboxMatch\n    }\n  }\n": typeof types.RespondToMatchDocument,
    "\n  mutation LogSession($matchId: ID!, $input: SessionInput!) {\n    logSession(matchId: $matchId, input: $input) {\n      ...SessionFields\n    }\n  }\n": typeof types.LogSessionDocument,
    "\n  mutation CloseMatch($id: ID!, $status: MatchStatus!, $reason: OutcomeReason, $note: String) {\n    closeMatch(id: $id, status: $status, reason: $reason, note: $note) {\n      ...MatchRow\n      history {\n        ...MatchEventFields\n      }\n      need {\n        id\n        status\n      }\n    }\n  }\n": typeof types.CloseMatchDocument,
    "\n  mutation OverrideMatchConsent($id: ID!, $reason: String!) {\n    overrideMatchConsent(id: $id, reason: $reason) {\n      id\n      consentOverride\n      updatedAt\n    }\n  }\n": typeof types.OverrideMatchConsentDocument,
    "\n  mutation ReviewHours($ids: [ID!]!, $approve: Boolean!, $note: String) {\n    reviewHours(ids: $ids, approve: $approve, note: $note) {\n      ...SessionFields\n    }\n  }\n": typeof types.ReviewHoursDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids)\n  }\n": typeof types.MarkNotificationsReadDocument,
    "\n  subscription NotificationAdded {\n    notificationAdded {\n      ...NotificationFields\n    }\n  }\n": typeof types.NotificationAddedDocument,
    "\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead\n  }\n": typeof types.MarkAllNotificationsReadDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  query AuditEvents($first: Int!, $after: String, $action: String) {\n    auditEvents(first: $first, after: $after, action: $action) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          at\n          actor\n          action\n          target\n          ip\n          userAgent\n          detail\n        }\n      }\n    }\n  }\n": typeof types.AuditEventsDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        id\n      }\n      expiresAt\n    }\n  }\n": typeof types.SignInDocument,
    "\n  query DirectorySearch($input: SearchInput!, $first: Int!, $after: String) {\n    search(input: $input, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          entity\n          id\n          title\n          summary\n          organisationId\n          organisationName\n          categories\n          areas {\n            ...AreaName\n          }\n          languages\n          minAge\n          maxAge\n          startsAt\n          endsAt\n          distanceKm\n          vetted\n        }\n      }\n    }\n  }\n": typeof types.DirectorySearchDocument,
    "\n  query AreaGeoChildren($parentId: ID!) {\n    areas(parentId: $parentId, level: STREET) {\n      id\n      name\n      nameEn\n      level\n      latitude\n      longitude\n    }\n  }\n": typeof types.AreaGeoChildrenDocument,
    "\n  mutation CreateEvent($organisationId: ID!, $input: EventInput!) {\n    createEvent(organisationId: $organisationId, input: $input) {\n      ...EventFields\n    }\n  }\n": typeof types.CreateEventDocument,
    "\n  mutation UpdateEvent($id: ID!, $input: EventInput!) {\n    updateEvent(id: $id, input: $input) {\n      ...EventFields\n    }\n  }\n": typeof types.UpdateEventDocument,
    "\n  query Events($organisationId: ID!, $first: Int!, $after: String) {\n    events(organisationId: $organisationId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...EventFields\n        }\n      }\n    }\n  }\n": typeof types.EventsDocument,
    "\n  mutation SetEventStatus($id: ID!, $status: EventStatus!) {\n    setEventStatus(id: $id, status: $status) {\n      ...EventFields\n    }\n  }\n": typeof types.SetEventStatusDocument,
    "\n  query MyOrganisations {\n    myOrganisations {\n      ...OrganisationProfile\n    }\n  }\n": typeof types.MyOrganisationsDocument,
    "\n  mutation UpdateOrganisation($id: ID!, $input: OrganisationProfileInput!) {\n    updateOrganisation(id: $id, input: $input) {\n      ...OrganisationProfile\n    }\n  }\n": typeof types.UpdateOrganisationDocument,
    "\n  mutation CreateService($organisationId: ID!, $input: ServiceInput!) {\n    createService(organisationId: $organisationId, input: $input) {\n      ...ServiceFields\n    }\n  }\n": typeof types.CreateServiceDocument,
    "\n  mutation UpdateService($id: ID!, $input: ServiceInput!) {\n    updateService(id: $id, input: $input) {\n      ...ServiceFields\n    }\n  }\n": typeof types.UpdateServiceDocument,
    "\n  query Services($organisationId: ID!, $first: Int!, $after: String) {\n    services(organisationId: $organisationId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...ServiceRow\n        }\n      }\n    }\n  }\n": typeof types.ServicesDocument,
    "\n  fragment ServiceRow on Service {\n    id\n    name\n    categories\n    minAge\n    maxAge\n    schedule {\n      day\n      start\n      end\n    }\n    capacity\n    status\n    canEdit\n  }\n": typeof types.ServiceRowFragmentDoc,
    "\n  query Service($id: ID!) {\n    service(id: $id) {\n      ...ServiceFields\n    }\n  }\n": typeof types.ServiceDocument,
    "\n  mutation SetServiceStatus($id: ID!, $status: ServiceStatus!) {\n    setServiceStatus(id: $id, status: $status) {\n      ...ServiceFields\n    }\n  }\n": typeof types.SetServiceStatusDocument,
    "\n  mutation PublishSlot($input: SlotInput!) {\n    publishSlot(input: $input) {\n      ...SlotFields\n    }\n  }\n": typeof types.PublishSlotDocument,
    "\n  mutation PublishSlotSeries($input: SlotSeriesInput!) {\n    publishSlotSeries(input: $input) {\n      ...SlotFields\n    }\n  }\n": typeof types.PublishSlotSeriesDocument,
    "\n  query Slots($venueId: ID!, $from: Time, $to: Time, $first: Int!) {\n    slots(venueId: $venueId, from: $from, to: $to, first: $first) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...SlotCard\n        }\n      }\n    }\n  }\n": typeof types.SlotsDocument,
    "\n  fragment SlotCard on Slot {\n    id\n    seriesId\n    title\n    startsAt\n    endsAt\n    capacity\n    minAge\n    maxAge\n    status\n    canEdit\n  }\n": typeof types.SlotCardFragmentDoc,
    "\n  mutation CancelSlot($id: ID!) {\n    cancelSlot(id: $id) {\n      ...SlotFields\n    }\n  }\n": typeof types.CancelSlotDocument,
    "\n  query Volunteer($id: ID!) {\n    volunteer(id: $id) {\n      ...VolunteerFields\n    }\n  }\n": typeof types.VolunteerDocument,
    "\n  mutation RecordVetting($input: VettingInput!) {\n    recordVetting(input: $input) {\n      ...VettingItemFields\n      volunteer {\n        id\n        vetted\n        vettingExpiresOn\n      }\n    }\n  }\n": typeof types.RecordVettingDocument,
    "\n  mutation ApproveVetting($id: ID!) {\n    approveVetting(id: $id) {\n      ...VettingItemFields\n      volunteer {\n        id\n        vetted\n        vettingExpiresOn\n      }\n    }\n  }\n": typeof types.ApproveVettingDocument,
    "\n  mutation RejectVetting($id: ID!, $note: String!) {\n    rejectVetting(id: $id, note: $note) {\n      ...VettingItemFields\n      volunteer {\n        id\n        vetted\n        vettingExpiresOn\n      }\n    }\n  }\n": typeof types.RejectVettingDocument,
    "\n  query Volunteers($organisationId: ID!, $first: Int!, $after: String) {\n    volunteers(organisationId: $organisationId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          displayName\n          phone\n          skills\n          languages\n          homeArea {\n            ...AreaName\n          }\n          hoursPerMonth\n          vetted\n          vettingExpiresOn\n        }\n      }\n    }\n  }\n": typeof types.VolunteersDocument,
    "\n  query ExpiringVetting($organisationId: ID!) {\n    expiringVetting(organisationId: $organisationId, withinDays: 30) {\n      ...VettingItemFields\n      volunteer {\n        id\n        displayName\n      }\n    }\n  }\n": typeof types.ExpiringVettingDocument,
    "\n  query OrganisationsAdmin($first: Int!, $after: String, $search: String, $kind: OrganisationKind, $verification: VerificationStatus) {\n    organisations(first: $first, after: $after, search: $search, kind: $kind, verification: $verification) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...OrganisationProfile\n        }\n      }\n    }\n  }\n": typeof types.OrganisationsAdminDocument,
    "\n  mutation CreateOrganisation($input: OrganisationInput!) {\n    createOrganisation(input: $input) {\n      ...OrganisationProfile\n    }\n  }\n": typeof types.CreateOrganisationDocument,
    "\n  mutation VerifyOrganisation($id: ID!, $status: VerificationStatus!, $note: String) {\n    verifyOrganisation(id: $id, status: $status, note: $note) {\n      ...OrganisationProfile\n    }\n  }\n": typeof types.VerifyOrganisationDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...UserFields\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  query User($id: ID!) {\n    user(id: $id) {\n      ...UserFields\n    }\n  }\n": typeof types.UserDocument,
    "\n  mutation GrantRole($input: GrantRoleInput!) {\n    grantRole(input: $input) {\n      ...GrantFields\n    }\n  }\n": typeof types.GrantRoleDocument,
    "\n  mutation RevokeRole($grantId: ID!) {\n    revokeRole(grantId: $grantId) {\n      id\n      revokedAt\n    }\n  }\n": typeof types.RevokeRoleDocument,
    "\n  mutation SetUserDisabled($userId: ID!, $disabled: Boolean!) {\n    setUserDisabled(userId: $userId, disabled: $disabled) {\n      ...UserFields\n    }\n  }\n": typeof types.SetUserDisabledDocument,
    "\n  query Users($first: Int!, $after: String, $search: String) {\n    users(first: $first, after: $after, search: $search) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...UserFields\n        }\n      }\n    }\n  }\n": typeof types.UsersDocument,
    "\n  query ServingOrganisations($search: String) {\n    organisations(first: 50, search: $search, verification: VERIFIED) {\n      edges {\n        node {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n": typeof types.ServingOrganisationsDocument,
    "\n  query MyVolunteerProfile {\n    myVolunteerProfile {\n      ...VolunteerFields\n    }\n  }\n": typeof types.MyVolunteerProfileDocument,
    "\n  mutation UpdateMyVolunteerProfile($input: VolunteerProfileInput!) {\n    updateMyVolunteerProfile(input: $input) {\n      ...VolunteerFields\n    }\n  }\n": typeof types.UpdateMyVolunteerProfileDocument,
    "\n  mutation SignUpVolunteer($input: VolunteerSignUpInput!) {\n    signUpVolunteer(input: $input) {\n      user {\n        id\n      }\n      expiresAt\n    }\n  }\n": typeof types.SignUpVolunteerDocument,
};
const documents: Documents = {
    "\n  query Me {\n    me {\n      ...UserFields\n    }\n  }\n": types.MeDocument,
    "\n  query GrantableRoles {\n    grantableRoles\n  }\n": types.GrantableRolesDocument,
    "\n  query OrganisationOptions($search: String) {\n    organisations(first: 50, search: $search) {\n      edges {\n        node {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n": types.OrganisationOptionsDocument,
    "\n  query AreaChildren($parentId: ID) {\n    areas(parentId: $parentId) {\n      id\n      name\n      nameEn\n      level\n      parent {\n        id\n        name\n        nameEn\n        level\n      }\n    }\n  }\n": types.AreaChildrenDocument,
    "\n  fragment AreaFields on Area {\n    id\n    name\n    nameEn\n    level\n    latitude\n    longitude\n    canSetPoint\n  }\n": types.AreaFieldsFragmentDoc,
    "\n  query AreaTree($parentId: ID) {\n    areas(parentId: $parentId) {\n      ...AreaFields\n      parent {\n        ...AreaFields\n      }\n    }\n  }\n": types.AreaTreeDocument,
    "\n  mutation ImportAreas($csv: String!) {\n    importAreas(csv: $csv) {\n      created\n      updated\n    }\n  }\n": types.ImportAreasDocument,
    "\n  mutation SetAreaPoint($areaId: ID!, $latitude: Float, $longitude: Float) {\n    setAreaPoint(areaId: $areaId, latitude: $latitude, longitude: $longitude) {\n      ...AreaFields\n    }\n  }\n": types.SetAreaPointDocument,
    "\n  fragment LedgerFields on LedgerEntry {\n    reasons\n    risk\n    enteredOn\n    leftOn\n    leftReason\n    nextVisitDue\n    overdue\n  }\n": types.LedgerFieldsFragmentDoc,
    "\n  fragment LedgerEventFields on LedgerEvent {\n    at\n    event\n    actor\n    detail\n  }\n": types.LedgerEventFieldsFragmentDoc,
    "\n  fragment VisitFields on Visit {\n    id\n    visitedOn\n    visitor\n    form\n    findings\n    followUp\n    nextVisitOn\n    status\n    reviewedBy\n    reviewedAt\n    reviewNote\n  }\n": types.VisitFieldsFragmentDoc,
    "\n  fragment NeedFields on Need {\n    id\n    category\n    description\n    urgency\n    windows {\n      day\n      start\n      end\n    }\n    language\n    place\n    status\n    createdAt\n    updatedAt\n    history {\n      status\n      note\n      at\n      actor\n    }\n  }\n": types.NeedFieldsFragmentDoc,
    "\n  query Ledger($areaId: ID, $overdue: Boolean, $first: Int!, $after: String) {\n    ledger(areaId: $areaId, overdue: $overdue, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...LedgerFields\n          child {\n            id\n            name\n            community {\n              ...AreaName\n            }\n            street {\n              ...AreaName\n            }\n          }\n        }\n      }\n    }\n  }\n": types.LedgerDocument,
    "\n  query OverdueVisitsCount {\n    ledger(overdue: true, first: 1) {\n      totalCount\n    }\n  }\n": types.OverdueVisitsCountDocument,
    "\n  query PendingVisits {\n    pendingVisits {\n      ...VisitFields\n      child {\n        id\n        name\n        community {\n          ...AreaName\n        }\n      }\n    }\n  }\n": types.PendingVisitsDocument,
    "\n  mutation EnterLedger($childId: ID!, $reasons: [LedgerReason!]!, $risk: Level!) {\n    enterLedger(childId: $childId, reasons: $reasons, risk: $risk) {\n      ...LedgerFields\n      child {\n        id\n      }\n    }\n  }\n": types.EnterLedgerDocument,
    "\n  mutation ChangeLedger($childId: ID!, $reasons: [LedgerReason!]!, $risk: Level!, $note: String!) {\n    changeLedger(childId: $childId, reasons: $reasons, risk: $risk, note: $note) {\n      ...LedgerFields\n      child {\n        id\n      }\n    }\n  }\n": types.ChangeLedgerDocument,
    "\n  mutation LeaveLedger($childId: ID!, $reason: String!) {\n    leaveLedger(childId: $childId, reason: $reason) {\n      ...LedgerFields\n      child {\n        id\n      }\n    }\n  }\n": types.LeaveLedgerDocument,
    "\n  mutation RecordVisit($childId: ID!, $input: VisitInput!) {\n    recordVisit(childId: $childId, input: $input) {\n      ...VisitFields\n      child {\n        id\n      }\n    }\n  }\n": types.RecordVisitDocument,
    "\n  mutation ResubmitVisit($id: ID!, $input: VisitInput!) {\n    resubmitVisit(id: $id, input: $input) {\n      ...VisitFields\n      child {\n        id\n      }\n    }\n  }\n": types.ResubmitVisitDocument,
    "\n  mutation AcceptVisit($id: ID!, $note: String) {\n    acceptVisit(id: $id, note: $note) {\n      ...VisitFields\n      child {\n        id\n      }\n    }\n  }\n": types.AcceptVisitDocument,
    "\n  mutation ReturnVisit($id: ID!, $note: String!) {\n    returnVisit(id: $id, note: $note) {\n      ...VisitFields\n      child {\n        id\n      }\n    }\n  }\n": types.ReturnVisitDocument,
    "\n  mutation CreateNeed($childId: ID!, $input: NeedInput!) {\n    createNeed(childId: $childId, input: $input) {\n      ...NeedFields\n    }\n  }\n": types.CreateNeedDocument,
    "\n  mutation UpdateNeed($id: ID!, $input: NeedInput!) {\n    updateNeed(id: $id, input: $input) {\n      ...NeedFields\n    }\n  }\n": types.UpdateNeedDocument,
    "\n  mutation SetNeedStatus($id: ID!, $status: NeedStatus!, $note: String) {\n    setNeedStatus(id: $id, status: $status, note: $note) {\n      ...NeedFields\n    }\n  }\n": types.SetNeedStatusDocument,
    "\n  fragment ImportLineFields on ImportLine {\n    line\n    outcome\n    reason\n    name\n  }\n": types.ImportLineFieldsFragmentDoc,
    "\n  fragment ChildImportFields on ChildImport {\n    id\n    source\n    fileName\n    rows\n    created\n    updated\n    conflicts\n    invalid\n    importedBy\n    importedAt\n  }\n": types.ChildImportFieldsFragmentDoc,
    "\n  mutation PreviewChildImport($source: ImportSource!, $file: Upload!) {\n    previewChildImport(source: $source, file: $file) {\n      rows\n      new\n      matched\n      conflicts\n      invalid\n      lines {\n        ...ImportLineFields\n      }\n    }\n  }\n": types.PreviewChildImportDocument,
    "\n  mutation ApplyChildImport($source: ImportSource!, $file: Upload!) {\n    applyChildImport(source: $source, file: $file) {\n      ...ChildImportFields\n    }\n  }\n": types.ApplyChildImportDocument,
    "\n  query ChildImports($first: Int) {\n    childImports(first: $first) {\n      ...ChildImportFields\n    }\n  }\n": types.ChildImportsDocument,
    "\n  query ReviewWorkload($areaId: ID) {\n    reviewWorkload(areaId: $areaId) {\n      worker\n      overdue\n      dueSoon\n    }\n  }\n": types.ReviewWorkloadDocument,
    "\n  query ChildOverview($areaId: ID) {\n    childOverview(areaId: $areaId) {\n      area {\n        ...AreaName\n      }\n      active\n      eligible\n      onLedger\n      visitsOverdue\n      reviewsDue\n    }\n  }\n": types.ChildOverviewDocument,
    "\n  fragment EligibilityFields on Eligibility {\n    eligible\n    reasons\n    turnsSixteenOn\n  }\n": types.EligibilityFieldsFragmentDoc,
    "\n  fragment ChildRow on Child {\n    id\n    name\n    gender\n    age\n    community {\n      ...AreaName\n    }\n    street {\n      ...AreaName\n    }\n    active\n    eligibility {\n      ...EligibilityFields\n    }\n    lastReviewedOn\n    reviewDueOn\n    reviewOverdue\n    registeredBy\n  }\n": types.ChildRowFragmentDoc,
    "\n  fragment GuardianFields on Guardian {\n    id\n    name\n    relation\n    phone\n    primary\n  }\n": types.GuardianFieldsFragmentDoc,
    "\n  fragment ConsentFields on Consent {\n    id\n    purpose\n    granted\n    guardian {\n      id\n      name\n      relation\n    }\n    method\n    givenOn\n    recordedBy\n    recordedAt\n    withdrawnAt\n  }\n": types.ConsentFieldsFragmentDoc,
    "\n  fragment ChildFile on Child {\n    ...ChildRow\n    reviews {\n      reviewedOn\n      reviewer\n      note\n    }\n    birthDate\n    idNumber\n    noIdReason\n    hukou {\n      province\n      city\n      county\n    }\n    movedWith\n    district {\n      ...AreaName\n    }\n    address\n    arrivedOn\n    school\n    languages\n    disability\n    guardians {\n      ...GuardianFields\n    }\n    consents {\n      ...ConsentFields\n    }\n    services: consentTo(purpose: SERVICES)\n    shareWithProvider: consentTo(purpose: SHARE_WITH_PROVIDER)\n    statistics: consentTo(purpose: STATISTICS)\n    ledger {\n      ...LedgerFields\n      history {\n        ...LedgerEventFields\n      }\n    }\n    visits {\n      ...VisitFields\n    }\n    needs {\n      ...NeedFields\n    }\n    serviceHistory: services(first: 50) {\n      totalCount\n      edges {\n        node {\n          ...MatchRow\n        }\n      }\n    }\n    createdAt\n    updatedAt\n  }\n": types.ChildFileFragmentDoc,
    "\n  query ChildFile($id: ID!) {\n    child(id: $id) {\n      ...ChildFile\n    }\n  }\n": types.ChildFileDocument,
    "\n  query Children($areaId: ID, $idNumber: String, $reviewDue: Boolean, $includeInactive: Boolean, $first: Int!, $after: String) {\n    children(areaId: $areaId, idNumber: $idNumber, reviewDue: $reviewDue, includeInactive: $includeInactive, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...ChildRow\n        }\n      }\n    }\n  }\n": types.ChildrenDocument,
    "\n  query ReviewDueCount {\n    children(reviewDue: true, first: 1) {\n      totalCount\n    }\n  }\n": types.ReviewDueCountDocument,
    "\n  query CheckEligibility($input: EligibilityInput!) {\n    checkEligibility(input: $input) {\n      ...EligibilityFields\n    }\n  }\n": types.CheckEligibilityDocument,
    "\n  mutation RegisterChild($input: ChildInput!, $confirmNotDuplicate: Boolean) {\n    registerChild(input: $input, confirmNotDuplicate: $confirmNotDuplicate) {\n      ...ChildFile\n    }\n  }\n": types.RegisterChildDocument,
    "\n  mutation UpdateChild($id: ID!, $input: ChildInput!) {\n    updateChild(id: $id, input: $input) {\n      ...ChildFile\n    }\n  }\n": types.UpdateChildDocument,
    "\n  mutation ReviewChild($id: ID!, $note: String) {\n    reviewChild(id: $id, note: $note) {\n      id\n      lastReviewedOn\n      reviews {\n        reviewedOn\n        reviewer\n        note\n      }\n      reviewDueOn\n      reviewOverdue\n      updatedAt\n    }\n  }\n": types.ReviewChildDocument,
    "\n  mutation RecordConsent($childId: ID!, $input: ConsentInput!) {\n    recordConsent(childId: $childId, input: $input) {\n      ...ConsentFields\n    }\n  }\n": types.RecordConsentDocument,
    "\n  query ChildViews($childId: ID!, $first: Int!, $after: String) {\n    childViews(childId: $childId, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          at\n          actor\n          parts\n          ip\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ChildViewsDocument,
    "\n  fragment AreaName on Area {\n    id\n    name\n    nameEn\n    level\n  }\n": types.AreaNameFragmentDoc,
    "\n  fragment OrganisationProfile on Organisation {\n    id\n    name\n    kind\n    area {\n      ...AreaName\n    }\n    registrationNumber\n    contactName\n    contactPhone\n    description\n    address\n    latitude\n    longitude\n    areasServed {\n      ...AreaName\n    }\n    verification\n    verificationNote\n    verifiedAt\n    canEdit\n    canVerify\n  }\n": types.OrganisationProfileFragmentDoc,
    "\n  fragment ServiceFields on Service {\n    id\n    name\n    description\n    categories\n    minAge\n    maxAge\n    areasServed {\n      ...AreaName\n    }\n    schedule {\n      day\n      start\n      end\n    }\n    capacity\n    languages\n    funding\n    status\n    locations {\n      id\n      name\n      address\n      area {\n        ...AreaName\n      }\n      latitude\n      longitude\n    }\n    updatedAt\n    canEdit\n  }\n": types.ServiceFieldsFragmentDoc,
    "\n  fragment VettingItemFields on VettingItem {\n    id\n    kind\n    status\n    completedOn\n    expiresOn\n    note\n    recordedBy\n    approvedBy\n    approvedAt\n    expiresSoon\n    expired\n  }\n": types.VettingItemFieldsFragmentDoc,
    "\n  fragment VolunteerFields on Volunteer {\n    id\n    displayName\n    phone\n    bio\n    skills\n    languages\n    homeArea {\n      ...AreaName\n      parent {\n        ...AreaName\n      }\n    }\n    availability {\n      day\n      start\n      end\n    }\n    hoursPerMonth\n    organisations {\n      id\n      name\n      kind\n    }\n    vetting {\n      ...VettingItemFields\n    }\n    vetted\n    vettingExpiresOn\n    canManageVetting\n  }\n": types.VolunteerFieldsFragmentDoc,
    "\n  fragment SlotFields on Slot {\n    id\n    seriesId\n    title\n    description\n    categories\n    startsAt\n    endsAt\n    capacity\n    minAge\n    maxAge\n    childrenPerAdult\n    bookingCutoff\n    status\n    canEdit\n  }\n": types.SlotFieldsFragmentDoc,
    "\n  fragment EventFields on Event {\n    id\n    title\n    description\n    categories\n    startsAt\n    endsAt\n    place\n    area {\n      ...AreaName\n    }\n    latitude\n    longitude\n    capacity\n    minAge\n    maxAge\n    registrationOpens\n    registrationCloses\n    status\n    canEdit\n  }\n": types.EventFieldsFragmentDoc,
    "\n  query Districts {\n    areas(level: DISTRICT) {\n      ...AreaName\n      latitude\n      longitude\n    }\n  }\n": types.DistrictsDocument,
    "\n  fragment GrantFields on RoleGrant {\n    id\n    role\n    grantedAt\n    grantedBy\n    area {\n      id\n      name\n      nameEn\n      level\n    }\n    organisation {\n      id\n      name\n      kind\n    }\n  }\n": types.GrantFieldsFragmentDoc,
    "\n  fragment UserFields on User {\n    id\n    username\n    displayName\n    disabled\n    lockedUntil\n    createdAt\n    lastSignInAt\n    grants {\n      ...GrantFields\n    }\n  }\n": types.UserFieldsFragmentDoc,
    "\n  fragment BudgetLineFields on BudgetLine {\n    id\n    name\n    funder {\n      id\n      name\n      nameEn\n      level\n    }\n    fiscalYear\n    source\n    amount\n    purpose\n    available\n    createdAt\n  }\n": types.BudgetLineFieldsFragmentDoc,
    "\n  fragment ContractFiguresFields on ContractFigures {\n    delivered\n    invoiced\n    accepted\n    paid\n    remaining\n    children\n    minutes\n    sessions\n    costPerChild\n    costPerHour\n    progress\n    expected\n    underDelivering\n  }\n": types.ContractFiguresFieldsFragmentDoc,
    "\n  fragment ContractRow on Contract {\n    id\n    title\n    budgetLineId\n    organisation {\n      id\n      name\n    }\n    categories\n    unit\n    unitPrice\n    quantity\n    value\n    startsOn\n    endsOn\n    status\n    signedAt\n    canManage\n    canInvoice\n    figures {\n      ...ContractFiguresFields\n    }\n  }\n": types.ContractRowFragmentDoc,
    "\n  fragment AuthorisationFields on Authorisation {\n    id\n    matchId\n    units\n    usedUnits\n    startsOn\n    endsOn\n  }\n": types.AuthorisationFieldsFragmentDoc,
    "\n  fragment DeliveryFields on Delivery {\n    id\n    sessionId\n    title\n    status\n    reason\n    units\n    amount\n    minutes\n    deliveredAt\n    invoiceId\n    verifiedBy\n    verifiedAt\n  }\n": types.DeliveryFieldsFragmentDoc,
    "\n  fragment ContractDetail on Contract {\n    ...ContractRow\n    areas {\n      id\n      name\n      nameEn\n    }\n    targets\n    authorisations {\n      ...AuthorisationFields\n    }\n    deliveries {\n      ...DeliveryFields\n    }\n  }\n": types.ContractDetailFragmentDoc,
    "\n  fragment InvoiceFields on Invoice {\n    id\n    contractId\n    contractTitle\n    organisation {\n      id\n      name\n    }\n    periodFrom\n    periodTo\n    amount\n    paid\n    status\n    reason\n    submittedAt\n    decidedAt\n    canDecide\n    canPay\n  }\n": types.InvoiceFieldsFragmentDoc,
    "\n  fragment FundingSummaryFields on FundingSummary {\n    key\n    name\n    budget\n    committed\n    delivered\n    invoiced\n    paid\n    remaining\n    children\n    minutes\n    costPerChild\n    costPerHour\n  }\n": types.FundingSummaryFieldsFragmentDoc,
    "\n  query BudgetLines($year: Int) {\n    budgetLines(year: $year) {\n      ...BudgetLineFields\n    }\n  }\n": types.BudgetLinesDocument,
    "\n  query Contracts($budgetLineId: ID, $first: Int!, $after: String) {\n    contracts(budgetLineId: $budgetLineId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...ContractRow\n        }\n      }\n    }\n  }\n": types.ContractsDocument,
    "\n  query ContractOptions($first: Int!) {\n    contracts(first: $first) {\n      edges {\n        node {\n          id\n          title\n          status\n          startsOn\n          endsOn\n          canInvoice\n        }\n      }\n    }\n  }\n": types.ContractOptionsDocument,
    "\n  query Contract($id: ID!) {\n    contract(id: $id) {\n      ...ContractDetail\n    }\n  }\n": types.ContractDocument,
    "\n  query PendingDeliveries {\n    pendingDeliveries {\n      sessionId\n      contractId\n      contractTitle\n      organisation {\n        id\n        name\n      }\n      title\n      startsAt\n      endsAt\n      minutes\n    }\n  }\n": types.PendingDeliveriesDocument,
    "\n  query Invoices($contractId: ID, $statuses: [InvoiceStatus!], $first: Int!, $after: String) {\n    invoices(contractId: $contractId, statuses: $statuses, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...InvoiceFields\n        }\n      }\n    }\n  }\n": types.InvoicesDocument,
    "\n  query FundingReport($year: Int) {\n    fundingReport(year: $year) {\n      contracts {\n        id\n        title\n        status\n        value\n        organisation {\n          id\n          name\n        }\n        figures {\n          ...ContractFiguresFields\n        }\n      }\n      budgetLines {\n        ...FundingSummaryFields\n      }\n      organisations {\n        ...FundingSummaryFields\n      }\n      districts {\n        district {\n          id\n          name\n          nameEn\n        }\n        category\n        spent\n        unmet\n      }\n    }\n  }\n": types.FundingReportDocument,
    "\n  query FundingOrganisationOptions($search: String) {\n    organisations(first: 50, search: $search, verification: VERIFIED) {\n      edges {\n        node {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n": types.FundingOrganisationOptionsDocument,
    "\n  query AuthorisableMatches {\n    matchBoard(statuses: [REQUESTED, ACCEPTED, IN_PROGRESS], first: 100) {\n      edges {\n        node {\n          id\n          status\n          category\n          offerTitle\n          providerOrganisation {\n            id\n          }\n          child {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.AuthorisableMatchesDocument,
    "\n  mutation CreateBudgetLine($input: BudgetLineInput!) {\n    createBudgetLine(input: $input) {\n      ...BudgetLineFields\n    }\n  }\n": types.CreateBudgetLineDocument,
    "\n  mutation CreateContract($input: ContractInput!) {\n    createContract(input: $input) {\n      ...ContractRow\n    }\n  }\n": types.CreateContractDocument,
    "\n  mutation SignContract($id: ID!) {\n    signContract(id: $id) {\n      ...ContractRow\n    }\n  }\n": types.SignContractDocument,
    "\n  mutation EndContract($id: ID!, $terminate: Boolean!, $reason: String) {\n    endContract(id: $id, terminate: $terminate, reason: $reason) {\n      ...ContractRow\n    }\n  }\n": types.EndContractDocument,
    "\n  mutation AuthoriseMatch($input: AuthorisationInput!) {\n    authoriseMatch(input: $input) {\n      ...AuthorisationFields\n    }\n  }\n": types.AuthoriseMatchDocument,
    "\n  mutation VerifyDelivery($sessionId: ID!, $accept: Boolean!, $reason: String) {\n    verifyDelivery(sessionId: $sessionId, accept: $accept, reason: $reason) {\n      ...DeliveryFields\n    }\n  }\n": types.VerifyDeliveryDocument,
    "\n  mutation SubmitInvoice($contractId: ID!, $periodFrom: Date!, $periodTo: Date!) {\n    submitInvoice(contractId: $contractId, periodFrom: $periodFrom, periodTo: $periodTo) {\n      ...InvoiceFields\n    }\n  }\n": types.SubmitInvoiceDocument,
    "\n  mutation DecideInvoice($id: ID!, $decision: InvoiceDecision!, $reason: String) {\n    decideInvoice(id: $id, decision: $decision, reason: $reason) {\n      ...InvoiceFields\n    }\n  }\n": types.DecideInvoiceDocument,
    "\n  mutation RecordPayment($input: PaymentInput!) {\n    recordPayment(input: $input) {\n      id\n      invoiceId\n      amount\n      idempotencyKey\n      reference\n      paidOn\n    }\n  }\n": types.RecordPaymentDocument,
    "\n  fragment ScoreFactorFields on ScoreFactor {\n    factor\n    value\n    points\n    max\n  }\n": types.ScoreFactorFieldsFragmentDoc,
    "\n  fragment SessionFields on ServiceSession {\n    id\n    matchId\n    title\n    startsAt\n    endsAt\n    minutes\n    attendance\n    note\n    hours\n    hoursNote\n    approvedBy\n    approvedAt\n    loggedBy\n  }\n": types.SessionFieldsFragmentDoc,
    "\n  fragment MatchRow on Match {\n    id\n    status\n    category\n    entity\n    offerId\n    offerTitle\n    providerOrganisation {\n      id\n      name\n    }\n    providerVolunteerName\n    reason\n    note\n    score\n    pairing {\n      timesPerMonth\n      weeks\n    }\n    createdAt\n    updatedAt\n  }\n": types.MatchRowFragmentDoc,
    "\n  fragment MatchEventFields on MatchEvent {\n    from\n    to\n    reason\n    note\n    at\n    actor\n  }\n": types.MatchEventFieldsFragmentDoc,
    "\n  fragment InboxMatch on Match {\n    ...MatchRow\n    history {\n      ...MatchEventFields\n    }\n    bookings {\n      id\n      status\n      startsAt\n      position\n    }\n    sessions {\n      ...SessionFields\n    }\n  }\n": types.InboxMatchFragmentDoc,
    "\n  fragment MatchDetail on Match {\n    ...MatchRow\n    factors {\n      ...ScoreFactorFields\n    }\n    consentOverride\n    child {\n      id\n      name\n    }\n    need {\n      id\n      category\n      description\n      status\n      language\n      place\n      windows {\n        day\n        start\n        end\n      }\n    }\n    history {\n      ...MatchEventFields\n    }\n    bookings {\n      id\n      status\n      startsAt\n      position\n    }\n    sessions {\n      ...SessionFields\n    }\n  }\n": types.MatchDetailFragmentDoc,
    "\n  query MatchCandidates($needId: ID!) {\n    matchCandidates(needId: $needId) {\n      maxKm\n      distanceFrom\n      need {\n        ...NeedFields\n        matches {\n          ...MatchRow\n        }\n      }\n      candidates {\n        entity\n        id\n        title\n        organisationId\n        organisationName\n        startsAt\n        endsAt\n        distanceKm\n        languages\n        seatsLeft\n        score\n        factors {\n          ...ScoreFactorFields\n        }\n        openMatchId\n      }\n    }\n  }\n": types.MatchCandidatesDocument,
    "\n  query Match($id: ID!) {\n    match(id: $id) {\n      ...MatchDetail\n    }\n  }\n": types.MatchDocument,
    "\n  query MatchBoard($areaId: ID, $statuses: [MatchStatus!], $first: Int!, $after: String) {\n    matchBoard(areaId: $areaId, statuses: $statuses, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...MatchRow\n          child {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.MatchBoardDocument,
    "\n  query MatchInbox($statuses: [MatchStatus!], $first: Int!, $after: String) {\n    matchInbox(statuses: $statuses, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...InboxMatch\n        }\n      }\n    }\n  }\n": types.MatchInboxDocument,
    "\n  query MatchChildProfile($matchId: ID!) {\n    matchChildProfile(matchId: $matchId) {\n      matchId\n      name\n      gender\n      age\n      languages\n      disability\n      communityName\n      needNote\n      windows {\n        day\n        start\n        end\n      }\n      guardianRelation\n      guardianPhone\n      basis\n    }\n  }\n": types.MatchChildProfileDocument,
    "\n  query PendingHours($first: Int!, $after: String) {\n    pendingHours(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...SessionFields\n        }\n      }\n    }\n  }\n": types.PendingHoursDocument,
    "\n  query MyHours($first: Int!, $after: String) {\n    myHours(first: $first, after: $after) {\n      approvedMinutes\n      pendingMinutes\n      sessions {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            ...SessionFields\n          }\n        }\n      }\n    }\n  }\n": types.MyHoursDocument,
    "\n  fragment NotificationFields on Notification {\n    id\n    kind\n    title\n    body\n    matchId\n    createdAt\n    read\n  }\n": types.NotificationFieldsFragmentDoc,
    "\n  query Notifications($unreadOnly: Boolean, $first: Int!) {\n    notifications(unreadOnly: $unreadOnly, first: $first) {\n      unread\n      totalCount\n      edges {\n        cursor\n        node {\n          ...NotificationFields\n        }\n      }\n    }\n  }\n": types.NotificationsDocument,
    "\n  mutation ProposeMatch($needId: ID!, $input: ProposeMatchInput!) {\n    proposeMatch(needId: $needId, input: $input) {\n      ...MatchRow\n      need {\n        id\n        status\n      }\n    }\n  }\n": types.ProposeMatchDocument,
    "\n  mutation ProposeMatchesForArea($areaId: ID!) {\n    proposeMatchesForArea(areaId: $areaId) {\n      needs\n      proposed\n      noCandidate\n      failed\n      tookMs\n      matches {\n        ...MatchRow\n      }\n    }\n  }\n": types.ProposeMatchesForAreaDocument,
    "\n  mutation SendMatchRequests($ids: [ID!]!) {\n    sendMatchRequests(ids: $ids) {\n      ...MatchRow\n      need {\n        id\n        status\n      }\n    }\n  }\n": types.SendMatchRequestsDocument,
    "\n  mutation RespondToMatch($id: ID!, $accept: Boolean!, $reason: OutcomeReason, $note: String) {\n    respondToMatch(id: $id, accept: $accept, reason: $reason, note: $note) {\n      ...InboxMatch\n    }\n  }\n": types.RespondToMatchDocument,
    "\n  mutation LogSession($matchId: ID!, $input: SessionInput!) {\n    logSession(matchId: $matchId, input: $input) {\n      ...SessionFields\n    }\n  }\n": types.LogSessionDocument,
    "\n  mutation CloseMatch($id: ID!, $status: MatchStatus!, $reason: OutcomeReason, $note: String) {\n    closeMatch(id: $id, status: $status, reason: $reason, note: $note) {\n      ...MatchRow\n      history {\n        ...MatchEventFields\n      }\n      need {\n        id\n        status\n      }\n    }\n  }\n": types.CloseMatchDocument,
    "\n  mutation OverrideMatchConsent($id: ID!, $reason: String!) {\n    overrideMatchConsent(id: $id, reason: $reason) {\n      id\n      consentOverride\n      updatedAt\n    }\n  }\n": types.OverrideMatchConsentDocument,
    "\n  mutation ReviewHours($ids: [ID!]!, $approve: Boolean!, $note: String) {\n    reviewHours(ids: $ids, approve: $approve, note: $note) {\n      ...SessionFields\n    }\n  }\n": types.ReviewHoursDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids)\n  }\n": types.MarkNotificationsReadDocument,
    "\n  subscription NotificationAdded {\n    notificationAdded {\n      ...NotificationFields\n    }\n  }\n": types.NotificationAddedDocument,
    "\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead\n  }\n": types.MarkAllNotificationsReadDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": types.ChangePasswordDocument,
    "\n  query AuditEvents($first: Int!, $after: String, $action: String) {\n    auditEvents(first: $first, after: $after, action: $action) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          at\n          actor\n          action\n          target\n          ip\n          userAgent\n          detail\n        }\n      }\n    }\n  }\n": types.AuditEventsDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        id\n      }\n      expiresAt\n    }\n  }\n": types.SignInDocument,
    "\n  query DirectorySearch($input: SearchInput!, $first: Int!, $after: String) {\n    search(input: $input, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          entity\n          id\n          title\n          summary\n          organisationId\n          organisationName\n          categories\n          areas {\n            ...AreaName\n          }\n          languages\n          minAge\n          maxAge\n          startsAt\n          endsAt\n          distanceKm\n          vetted\n        }\n      }\n    }\n  }\n": types.DirectorySearchDocument,
    "\n  query AreaGeoChildren($parentId: ID!) {\n    areas(parentId: $parentId, level: STREET) {\n      id\n      name\n      nameEn\n      level\n      latitude\n      longitude\n    }\n  }\n": types.AreaGeoChildrenDocument,
    "\n  mutation CreateEvent($organisationId: ID!, $input: EventInput!) {\n    createEvent(organisationId: $organisationId, input: $input) {\n      ...EventFields\n    }\n  }\n": types.CreateEventDocument,
    "\n  mutation UpdateEvent($id: ID!, $input: EventInput!) {\n    updateEvent(id: $id, input: $input) {\n      ...EventFields\n    }\n  }\n": types.UpdateEventDocument,
    "\n  query Events($organisationId: ID!, $first: Int!, $after: String) {\n    events(organisationId: $organisationId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...EventFields\n        }\n      }\n    }\n  }\n": types.EventsDocument,
    "\n  mutation SetEventStatus($id: ID!, $status: EventStatus!) {\n    setEventStatus(id: $id, status: $status) {\n      ...EventFields\n    }\n  }\n": types.SetEventStatusDocument,
    "\n  query MyOrganisations {\n    myOrganisations {\n      ...OrganisationProfile\n    }\n  }\n": types.MyOrganisationsDocument,
    "\n  mutation UpdateOrganisation($id: ID!, $input: OrganisationProfileInput!) {\n    updateOrganisation(id: $id, input: $input) {\n      ...OrganisationProfile\n    }\n  }\n": types.UpdateOrganisationDocument,
    "\n  mutation CreateService($organisationId: ID!, $input: ServiceInput!) {\n    createService(organisationId: $organisationId, input: $input) {\n      ...ServiceFields\n    }\n  }\n": types.CreateServiceDocument,
    "\n  mutation UpdateService($id: ID!, $input: ServiceInput!) {\n    updateService(id: $id, input: $input) {\n      ...ServiceFields\n    }\n  }\n": types.UpdateServiceDocument,
    "\n  query Services($organisationId: ID!, $first: Int!, $after: String) {\n    services(organisationId: $organisationId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...ServiceRow\n        }\n      }\n    }\n  }\n": types.ServicesDocument,
    "\n  fragment ServiceRow on Service {\n    id\n    name\n    categories\n    minAge\n    maxAge\n    schedule {\n      day\n      start\n      end\n    }\n    capacity\n    status\n    canEdit\n  }\n": types.ServiceRowFragmentDoc,
    "\n  query Service($id: ID!) {\n    service(id: $id) {\n      ...ServiceFields\n    }\n  }\n": types.ServiceDocument,
    "\n  mutation SetServiceStatus($id: ID!, $status: ServiceStatus!) {\n    setServiceStatus(id: $id, status: $status) {\n      ...ServiceFields\n    }\n  }\n": types.SetServiceStatusDocument,
    "\n  mutation PublishSlot($input: SlotInput!) {\n    publishSlot(input: $input) {\n      ...SlotFields\n    }\n  }\n": types.PublishSlotDocument,
    "\n  mutation PublishSlotSeries($input: SlotSeriesInput!) {\n    publishSlotSeries(input: $input) {\n      ...SlotFields\n    }\n  }\n": types.PublishSlotSeriesDocument,
    "\n  query Slots($venueId: ID!, $from: Time, $to: Time, $first: Int!) {\n    slots(venueId: $venueId, from: $from, to: $to, first: $first) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...SlotCard\n        }\n      }\n    }\n  }\n": types.SlotsDocument,
    "\n  fragment SlotCard on Slot {\n    id\n    seriesId\n    title\n    startsAt\n    endsAt\n    capacity\n    minAge\n    maxAge\n    status\n    canEdit\n  }\n": types.SlotCardFragmentDoc,
    "\n  mutation CancelSlot($id: ID!) {\n    cancelSlot(id: $id) {\n      ...SlotFields\n    }\n  }\n": types.CancelSlotDocument,
    "\n  query Volunteer($id: ID!) {\n    volunteer(id: $id) {\n      ...VolunteerFields\n    }\n  }\n": types.VolunteerDocument,
    "\n  mutation RecordVetting($input: VettingInput!) {\n    recordVetting(input: $input) {\n      ...VettingItemFields\n      volunteer {\n        id\n        vetted\n        vettingExpiresOn\n      }\n    }\n  }\n": types.RecordVettingDocument,
    "\n  mutation ApproveVetting($id: ID!) {\n    approveVetting(id: $id) {\n      ...VettingItemFields\n      volunteer {\n        id\n        vetted\n        vettingExpiresOn\n      }\n    }\n  }\n": types.ApproveVettingDocument,
    "\n  mutation RejectVetting($id: ID!, $note: String!) {\n    rejectVetting(id: $id, note: $note) {\n      ...VettingItemFields\n      volunteer {\n        id\n        vetted\n        vettingExpiresOn\n      }\n    }\n  }\n": types.RejectVettingDocument,
    "\n  query Volunteers($organisationId: ID!, $first: Int!, $after: String) {\n    volunteers(organisationId: $organisationId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          displayName\n          phone\n          skills\n          languages\n          homeArea {\n            ...AreaName\n          }\n          hoursPerMonth\n          vetted\n          vettingExpiresOn\n        }\n      }\n    }\n  }\n": types.VolunteersDocument,
    "\n  query ExpiringVetting($organisationId: ID!) {\n    expiringVetting(organisationId: $organisationId, withinDays: 30) {\n      ...VettingItemFields\n      volunteer {\n        id\n        displayName\n      }\n    }\n  }\n": types.ExpiringVettingDocument,
    "\n  query OrganisationsAdmin($first: Int!, $after: String, $search: String, $kind: OrganisationKind, $verification: VerificationStatus) {\n    organisations(first: $first, after: $after, search: $search, kind: $kind, verification: $verification) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...OrganisationProfile\n        }\n      }\n    }\n  }\n": types.OrganisationsAdminDocument,
    "\n  mutation CreateOrganisation($input: OrganisationInput!) {\n    createOrganisation(input: $input) {\n      ...OrganisationProfile\n    }\n  }\n": types.CreateOrganisationDocument,
    "\n  mutation VerifyOrganisation($id: ID!, $status: VerificationStatus!, $note: String) {\n    verifyOrganisation(id: $id, status: $status, note: $note) {\n      ...OrganisationProfile\n    }\n  }\n": types.VerifyOrganisationDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...UserFields\n    }\n  }\n": types.CreateUserDocument,
    "\n  query User($id: ID!) {\n    user(id: $id) {\n      ...UserFields\n    }\n  }\n": types.UserDocument,
    "\n  mutation GrantRole($input: GrantRoleInput!) {\n    grantRole(input: $input) {\n      ...GrantFields\n    }\n  }\n": types.GrantRoleDocument,
    "\n  mutation RevokeRole($grantId: ID!) {\n    revokeRole(grantId: $grantId) {\n      id\n      revokedAt\n    }\n  }\n": types.RevokeRoleDocument,
    "\n  mutation SetUserDisabled($userId: ID!, $disabled: Boolean!) {\n    setUserDisabled(userId: $userId, disabled: $disabled) {\n      ...UserFields\n    }\n  }\n": types.SetUserDisabledDocument,
    "\n  query Users($first: Int!, $after: String, $search: String) {\n    users(first: $first, after: $after, search: $search) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...UserFields\n        }\n      }\n    }\n  }\n": types.UsersDocument,
    "\n  query ServingOrganisations($search: String) {\n    organisations(first: 50, search: $search, verification: VERIFIED) {\n      edges {\n        node {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n": types.ServingOrganisationsDocument,
    "\n  query MyVolunteerProfile {\n    myVolunteerProfile {\n      ...VolunteerFields\n    }\n  }\n": types.MyVolunteerProfileDocument,
    "\n  mutation UpdateMyVolunteerProfile($input: VolunteerProfileInput!) {\n    updateMyVolunteerProfile(input: $input) {\n      ...VolunteerFields\n    }\n  }\n": types.UpdateMyVolunteerProfileDocument,
    "\n  mutation SignUpVolunteer($input: VolunteerSignUpInput!) {\n    signUpVolunteer(input: $input) {\n      user {\n        id\n      }\n      expiresAt\n    }\n  }\n": types.SignUpVolunteerDocument,
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
export function graphql(source: "\n  query Me {\n    me {\n      ...UserFields\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      ...UserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GrantableRoles {\n    grantableRoles\n  }\n"): (typeof documents)["\n  query GrantableRoles {\n    grantableRoles\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganisationOptions($search: String) {\n    organisations(first: 50, search: $search) {\n      edges {\n        node {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrganisationOptions($search: String) {\n    organisations(first: 50, search: $search) {\n      edges {\n        node {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AreaChildren($parentId: ID) {\n    areas(parentId: $parentId) {\n      id\n      name\n      nameEn\n      level\n      parent {\n        id\n        name\n        nameEn\n        level\n      }\n    }\n  }\n"): (typeof documents)["\n  query AreaChildren($parentId: ID) {\n    areas(parentId: $parentId) {\n      id\n      name\n      nameEn\n      level\n      parent {\n        id\n        name\n        nameEn\n        level\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AreaFields on Area {\n    id\n    name\n    nameEn\n    level\n    latitude\n    longitude\n    canSetPoint\n  }\n"): (typeof documents)["\n  fragment AreaFields on Area {\n    id\n    name\n    nameEn\n    level\n    latitude\n    longitude\n    canSetPoint\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AreaTree($parentId: ID) {\n    areas(parentId: $parentId) {\n      ...AreaFields\n      parent {\n        ...AreaFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AreaTree($parentId: ID) {\n    areas(parentId: $parentId) {\n      ...AreaFields\n      parent {\n        ...AreaFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportAreas($csv: String!) {\n    importAreas(csv: $csv) {\n      created\n      updated\n    }\n  }\n"): (typeof documents)["\n  mutation ImportAreas($csv: String!) {\n    importAreas(csv: $csv) {\n      created\n      updated\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetAreaPoint($areaId: ID!, $latitude: Float, $longitude: Float) {\n    setAreaPoint(areaId: $areaId, latitude: $latitude, longitude: $longitude) {\n      ...AreaFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetAreaPoint($areaId: ID!, $latitude: Float, $longitude: Float) {\n    setAreaPoint(areaId: $areaId, latitude: $latitude, longitude: $longitude) {\n      ...AreaFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LedgerFields on LedgerEntry {\n    reasons\n    risk\n    enteredOn\n    leftOn\n    leftReason\n    nextVisitDue\n    overdue\n  }\n"): (typeof documents)["\n  fragment LedgerFields on LedgerEntry {\n    reasons\n    risk\n    enteredOn\n    leftOn\n    leftReason\n    nextVisitDue\n    overdue\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LedgerEventFields on LedgerEvent {\n    at\n    event\n    actor\n    detail\n  }\n"): (typeof documents)["\n  fragment LedgerEventFields on LedgerEvent {\n    at\n    event\n    actor\n    detail\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment VisitFields on Visit {\n    id\n    visitedOn\n    visitor\n    form\n    findings\n    followUp\n    nextVisitOn\n    status\n    reviewedBy\n    reviewedAt\n    reviewNote\n  }\n"): (typeof documents)["\n  fragment VisitFields on Visit {\n    id\n    visitedOn\n    visitor\n    form\n    findings\n    followUp\n    nextVisitOn\n    status\n    reviewedBy\n    reviewedAt\n    reviewNote\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NeedFields on Need {\n    id\n    category\n    description\n    urgency\n    windows {\n      day\n      start\n      end\n    }\n    language\n    place\n    status\n    createdAt\n    updatedAt\n    history {\n      status\n      note\n      at\n      actor\n    }\n  }\n"): (typeof documents)["\n  fragment NeedFields on Need {\n    id\n    category\n    description\n    urgency\n    windows {\n      day\n      start\n      end\n    }\n    language\n    place\n    status\n    createdAt\n    updatedAt\n    history {\n      status\n      note\n      at\n      actor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Ledger($areaId: ID, $overdue: Boolean, $first: Int!, $after: String) {\n    ledger(areaId: $areaId, overdue: $overdue, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...LedgerFields\n          child {\n            id\n            name\n            community {\n              ...AreaName\n            }\n            street {\n              ...AreaName\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Ledger($areaId: ID, $overdue: Boolean, $first: Int!, $after: String) {\n    ledger(areaId: $areaId, overdue: $overdue, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...LedgerFields\n          child {\n            id\n            name\n            community {\n              ...AreaName\n            }\n            street {\n              ...AreaName\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverdueVisitsCount {\n    ledger(overdue: true, first: 1) {\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query OverdueVisitsCount {\n    ledger(overdue: true, first: 1) {\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PendingVisits {\n    pendingVisits {\n      ...VisitFields\n      child {\n        id\n        name\n        community {\n          ...AreaName\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PendingVisits {\n    pendingVisits {\n      ...VisitFields\n      child {\n        id\n        name\n        community {\n          ...AreaName\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EnterLedger($childId: ID!, $reasons: [LedgerReason!]!, $risk: Level!) {\n    enterLedger(childId: $childId, reasons: $reasons, risk: $risk) {\n      ...LedgerFields\n      child {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation EnterLedger($childId: ID!, $reasons: [LedgerReason!]!, $risk: Level!) {\n    enterLedger(childId: $childId, reasons: $reasons, risk: $risk) {\n      ...LedgerFields\n      child {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeLedger($childId: ID!, $reasons: [LedgerReason!]!, $risk: Level!, $note: String!) {\n    changeLedger(childId: $childId, reasons: $reasons, risk: $risk, note: $note) {\n      ...LedgerFields\n      child {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ChangeLedger($childId: ID!, $reasons: [LedgerReason!]!, $risk: Level!, $note: String!) {\n    changeLedger(childId: $childId, reasons: $reasons, risk: $risk, note: $note) {\n      ...LedgerFields\n      child {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeaveLedger($childId: ID!, $reason: String!) {\n    leaveLedger(childId: $childId, reason: $reason) {\n      ...LedgerFields\n      child {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation LeaveLedger($childId: ID!, $reason: String!) {\n    leaveLedger(childId: $childId, reason: $reason) {\n      ...LedgerFields\n      child {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordVisit($childId: ID!, $input: VisitInput!) {\n    recordVisit(childId: $childId, input: $input) {\n      ...VisitFields\n      child {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RecordVisit($childId: ID!, $input: VisitInput!) {\n    recordVisit(childId: $childId, input: $input) {\n      ...VisitFields\n      child {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResubmitVisit($id: ID!, $input: VisitInput!) {\n    resubmitVisit(id: $id, input: $input) {\n      ...VisitFields\n      child {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ResubmitVisit($id: ID!, $input: VisitInput!) {\n    resubmitVisit(id: $id, input: $input) {\n      ...VisitFields\n      child {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptVisit($id: ID!, $note: String) {\n    acceptVisit(id: $id, note: $note) {\n      ...VisitFields\n      child {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptVisit($id: ID!, $note: String) {\n    acceptVisit(id: $id, note: $note) {\n      ...VisitFields\n      child {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReturnVisit($id: ID!, $note: String!) {\n    returnVisit(id: $id, note: $note) {\n      ...VisitFields\n      child {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ReturnVisit($id: ID!, $note: String!) {\n    returnVisit(id: $id, note: $note) {\n      ...VisitFields\n      child {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateNeed($childId: ID!, $input: NeedInput!) {\n    createNeed(childId: $childId, input: $input) {\n      ...NeedFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateNeed($childId: ID!, $input: NeedInput!) {\n    createNeed(childId: $childId, input: $input) {\n      ...NeedFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateNeed($id: ID!, $input: NeedInput!) {\n    updateNeed(id: $id, input: $input) {\n      ...NeedFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateNeed($id: ID!, $input: NeedInput!) {\n    updateNeed(id: $id, input: $input) {\n      ...NeedFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetNeedStatus($id: ID!, $status: NeedStatus!, $note: String) {\n    setNeedStatus(id: $id, status: $status, note: $note) {\n      ...NeedFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetNeedStatus($id: ID!, $status: NeedStatus!, $note: String) {\n    setNeedStatus(id: $id, status: $status, note: $note) {\n      ...NeedFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ImportLineFields on ImportLine {\n    line\n    outcome\n    reason\n    name\n  }\n"): (typeof documents)["\n  fragment ImportLineFields on ImportLine {\n    line\n    outcome\n    reason\n    name\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ChildImportFields on ChildImport {\n    id\n    source\n    fileName\n    rows\n    created\n    updated\n    conflicts\n    invalid\n    importedBy\n    importedAt\n  }\n"): (typeof documents)["\n  fragment ChildImportFields on ChildImport {\n    id\n    source\n    fileName\n    rows\n    created\n    updated\n    conflicts\n    invalid\n    importedBy\n    importedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PreviewChildImport($source: ImportSource!, $file: Upload!) {\n    previewChildImport(source: $source, file: $file) {\n      rows\n      new\n      matched\n      conflicts\n      invalid\n      lines {\n        ...ImportLineFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PreviewChildImport($source: ImportSource!, $file: Upload!) {\n    previewChildImport(source: $source, file: $file) {\n      rows\n      new\n      matched\n      conflicts\n      invalid\n      lines {\n        ...ImportLineFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApplyChildImport($source: ImportSource!, $file: Upload!) {\n    applyChildImport(source: $source, file: $file) {\n      ...ChildImportFields\n    }\n  }\n"): (typeof documents)["\n  mutation ApplyChildImport($source: ImportSource!, $file: Upload!) {\n    applyChildImport(source: $source, file: $file) {\n      ...ChildImportFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChildImports($first: Int) {\n    childImports(first: $first) {\n      ...ChildImportFields\n    }\n  }\n"): (typeof documents)["\n  query ChildImports($first: Int) {\n    childImports(first: $first) {\n      ...ChildImportFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewWorkload($areaId: ID) {\n    reviewWorkload(areaId: $areaId) {\n      worker\n      overdue\n      dueSoon\n    }\n  }\n"): (typeof documents)["\n  query ReviewWorkload($areaId: ID) {\n    reviewWorkload(areaId: $areaId) {\n      worker\n      overdue\n      dueSoon\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChildOverview($areaId: ID) {\n    childOverview(areaId: $areaId) {\n      area {\n        ...AreaName\n      }\n      active\n      eligible\n      onLedger\n      visitsOverdue\n      reviewsDue\n    }\n  }\n"): (typeof documents)["\n  query ChildOverview($areaId: ID) {\n    childOverview(areaId: $areaId) {\n      area {\n        ...AreaName\n      }\n      active\n      eligible\n      onLedger\n      visitsOverdue\n      reviewsDue\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EligibilityFields on Eligibility {\n    eligible\n    reasons\n    turnsSixteenOn\n  }\n"): (typeof documents)["\n  fragment EligibilityFields on Eligibility {\n    eligible\n    reasons\n    turnsSixteenOn\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ChildRow on Child {\n    id\n    name\n    gender\n    age\n    community {\n      ...AreaName\n    }\n    street {\n      ...AreaName\n    }\n    active\n    eligibility {\n      ...EligibilityFields\n    }\n    lastReviewedOn\n    reviewDueOn\n    reviewOverdue\n    registeredBy\n  }\n"): (typeof documents)["\n  fragment ChildRow on Child {\n    id\n    name\n    gender\n    age\n    community {\n      ...AreaName\n    }\n    street {\n      ...AreaName\n    }\n    active\n    eligibility {\n      ...EligibilityFields\n    }\n    lastReviewedOn\n    reviewDueOn\n    reviewOverdue\n    registeredBy\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GuardianFields on Guardian {\n    id\n    name\n    relation\n    phone\n    primary\n  }\n"): (typeof documents)["\n  fragment GuardianFields on Guardian {\n    id\n    name\n    relation\n    phone\n    primary\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsentFields on Consent {\n    id\n    purpose\n    granted\n    guardian {\n      id\n      name\n      relation\n    }\n    method\n    givenOn\n    recordedBy\n    recordedAt\n    withdrawnAt\n  }\n"): (typeof documents)["\n  fragment ConsentFields on Consent {\n    id\n    purpose\n    granted\n    guardian {\n      id\n      name\n      relation\n    }\n    method\n    givenOn\n    recordedBy\n    recordedAt\n    withdrawnAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ChildFile on Child {\n    ...ChildRow\n    reviews {\n      reviewedOn\n      reviewer\n      note\n    }\n    birthDate\n    idNumber\n    noIdReason\n    hukou {\n      province\n      city\n      county\n    }\n    movedWith\n    district {\n      ...AreaName\n    }\n    address\n    arrivedOn\n    school\n    languages\n    disability\n    guardians {\n      ...GuardianFields\n    }\n    consents {\n      ...ConsentFields\n    }\n    services: consentTo(purpose: SERVICES)\n    shareWithProvider: consentTo(purpose: SHARE_WITH_PROVIDER)\n    statistics: consentTo(purpose: STATISTICS)\n    ledger {\n      ...LedgerFields\n      history {\n        ...LedgerEventFields\n      }\n    }\n    visits {\n      ...VisitFields\n    }\n    needs {\n      ...NeedFields\n    }\n    serviceHistory: services(first: 50) {\n      totalCount\n      edges {\n        node {\n          ...MatchRow\n        }\n      }\n    }\n    createdAt\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment ChildFile on Child {\n    ...ChildRow\n    reviews {\n      reviewedOn\n      reviewer\n      note\n    }\n    birthDate\n    idNumber\n    noIdReason\n    hukou {\n      province\n      city\n      county\n    }\n    movedWith\n    district {\n      ...AreaName\n    }\n    address\n    arrivedOn\n    school\n    languages\n    disability\n    guardians {\n      ...GuardianFields\n    }\n    consents {\n      ...ConsentFields\n    }\n    services: consentTo(purpose: SERVICES)\n    shareWithProvider: consentTo(purpose: SHARE_WITH_PROVIDER)\n    statistics: consentTo(purpose: STATISTICS)\n    ledger {\n      ...LedgerFields\n      history {\n        ...LedgerEventFields\n      }\n    }\n    visits {\n      ...VisitFields\n    }\n    needs {\n      ...NeedFields\n    }\n    serviceHistory: services(first: 50) {\n      totalCount\n      edges {\n        node {\n          ...MatchRow\n        }\n      }\n    }\n    createdAt\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChildFile($id: ID!) {\n    child(id: $id) {\n      ...ChildFile\n    }\n  }\n"): (typeof documents)["\n  query ChildFile($id: ID!) {\n    child(id: $id) {\n      ...ChildFile\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Children($areaId: ID, $idNumber: String, $reviewDue: Boolean, $includeInactive: Boolean, $first: Int!, $after: String) {\n    children(areaId: $areaId, idNumber: $idNumber, reviewDue: $reviewDue, includeInactive: $includeInactive, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...ChildRow\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Children($areaId: ID, $idNumber: String, $reviewDue: Boolean, $includeInactive: Boolean, $first: Int!, $after: String) {\n    children(areaId: $areaId, idNumber: $idNumber, reviewDue: $reviewDue, includeInactive: $includeInactive, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...ChildRow\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewDueCount {\n    children(reviewDue: true, first: 1) {\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query ReviewDueCount {\n    children(reviewDue: true, first: 1) {\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CheckEligibility($input: EligibilityInput!) {\n    checkEligibility(input: $input) {\n      ...EligibilityFields\n    }\n  }\n"): (typeof documents)["\n  query CheckEligibility($input: EligibilityInput!) {\n    checkEligibility(input: $input) {\n      ...EligibilityFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterChild($input: ChildInput!, $confirmNotDuplicate: Boolean) {\n    registerChild(input: $input, confirmNotDuplicate: $confirmNotDuplicate) {\n      ...ChildFile\n    }\n  }\n"): (typeof documents)["\n  mutation RegisterChild($input: ChildInput!, $confirmNotDuplicate: Boolean) {\n    registerChild(input: $input, confirmNotDuplicate: $confirmNotDuplicate) {\n      ...ChildFile\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateChild($id: ID!, $input: ChildInput!) {\n    updateChild(id: $id, input: $input) {\n      ...ChildFile\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateChild($id: ID!, $input: ChildInput!) {\n    updateChild(id: $id, input: $input) {\n      ...ChildFile\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviewChild($id: ID!, $note: String) {\n    reviewChild(id: $id, note: $note) {\n      id\n      lastReviewedOn\n      reviews {\n        reviewedOn\n        reviewer\n        note\n      }\n      reviewDueOn\n      reviewOverdue\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation ReviewChild($id: ID!, $note: String) {\n    reviewChild(id: $id, note: $note) {\n      id\n      lastReviewedOn\n      reviews {\n        reviewedOn\n        reviewer\n        note\n      }\n      reviewDueOn\n      reviewOverdue\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordConsent($childId: ID!, $input: ConsentInput!) {\n    recordConsent(childId: $childId, input: $input) {\n      ...ConsentFields\n    }\n  }\n"): (typeof documents)["\n  mutation RecordConsent($childId: ID!, $input: ConsentInput!) {\n    recordConsent(childId: $childId, input: $input) {\n      ...ConsentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChildViews($childId: ID!, $first: Int!, $after: String) {\n    childViews(childId: $childId, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          at\n          actor\n          parts\n          ip\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query ChildViews($childId: ID!, $first: Int!, $after: String) {\n    childViews(childId: $childId, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          at\n          actor\n          parts\n          ip\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AreaName on Area {\n    id\n    name\n    nameEn\n    level\n  }\n"): (typeof documents)["\n  fragment AreaName on Area {\n    id\n    name\n    nameEn\n    level\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrganisationProfile on Organisation {\n    id\n    name\n    kind\n    area {\n      ...AreaName\n    }\n    registrationNumber\n    contactName\n    contactPhone\n    description\n    address\n    latitude\n    longitude\n    areasServed {\n      ...AreaName\n    }\n    verification\n    verificationNote\n    verifiedAt\n    canEdit\n    canVerify\n  }\n"): (typeof documents)["\n  fragment OrganisationProfile on Organisation {\n    id\n    name\n    kind\n    area {\n      ...AreaName\n    }\n    registrationNumber\n    contactName\n    contactPhone\n    description\n    address\n    latitude\n    longitude\n    areasServed {\n      ...AreaName\n    }\n    verification\n    verificationNote\n    verifiedAt\n    canEdit\n    canVerify\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ServiceFields on Service {\n    id\n    name\n    description\n    categories\n    minAge\n    maxAge\n    areasServed {\n      ...AreaName\n    }\n    schedule {\n      day\n      start\n      end\n    }\n    capacity\n    languages\n    funding\n    status\n    locations {\n      id\n      name\n      address\n      area {\n        ...AreaName\n      }\n      latitude\n      longitude\n    }\n    updatedAt\n    canEdit\n  }\n"): (typeof documents)["\n  fragment ServiceFields on Service {\n    id\n    name\n    description\n    categories\n    minAge\n    maxAge\n    areasServed {\n      ...AreaName\n    }\n    schedule {\n      day\n      start\n      end\n    }\n    capacity\n    languages\n    funding\n    status\n    locations {\n      id\n      name\n      address\n      area {\n        ...AreaName\n      }\n      latitude\n      longitude\n    }\n    updatedAt\n    canEdit\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment VettingItemFields on VettingItem {\n    id\n    kind\n    status\n    completedOn\n    expiresOn\n    note\n    recordedBy\n    approvedBy\n    approvedAt\n    expiresSoon\n    expired\n  }\n"): (typeof documents)["\n  fragment VettingItemFields on VettingItem {\n    id\n    kind\n    status\n    completedOn\n    expiresOn\n    note\n    recordedBy\n    approvedBy\n    approvedAt\n    expiresSoon\n    expired\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment VolunteerFields on Volunteer {\n    id\n    displayName\n    phone\n    bio\n    skills\n    languages\n    homeArea {\n      ...AreaName\n      parent {\n        ...AreaName\n      }\n    }\n    availability {\n      day\n      start\n      end\n    }\n    hoursPerMonth\n    organisations {\n      id\n      name\n      kind\n    }\n    vetting {\n      ...VettingItemFields\n    }\n    vetted\n    vettingExpiresOn\n    canManageVetting\n  }\n"): (typeof documents)["\n  fragment VolunteerFields on Volunteer {\n    id\n    displayName\n    phone\n    bio\n    skills\n    languages\n    homeArea {\n      ...AreaName\n      parent {\n        ...AreaName\n      }\n    }\n    availability {\n      day\n      start\n      end\n    }\n    hoursPerMonth\n    organisations {\n      id\n      name\n      kind\n    }\n    vetting {\n      ...VettingItemFields\n    }\n    vetted\n    vettingExpiresOn\n    canManageVetting\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SlotFields on Slot {\n    id\n    seriesId\n    title\n    description\n    categories\n    startsAt\n    endsAt\n    capacity\n    minAge\n    maxAge\n    childrenPerAdult\n    bookingCutoff\n    status\n    canEdit\n  }\n"): (typeof documents)["\n  fragment SlotFields on Slot {\n    id\n    seriesId\n    title\n    description\n    categories\n    startsAt\n    endsAt\n    capacity\n    minAge\n    maxAge\n    childrenPerAdult\n    bookingCutoff\n    status\n    canEdit\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EventFields on Event {\n    id\n    title\n    description\n    categories\n    startsAt\n    endsAt\n    place\n    area {\n      ...AreaName\n    }\n    latitude\n    longitude\n    capacity\n    minAge\n    maxAge\n    registrationOpens\n    registrationCloses\n    status\n    canEdit\n  }\n"): (typeof documents)["\n  fragment EventFields on Event {\n    id\n    title\n    description\n    categories\n    startsAt\n    endsAt\n    place\n    area {\n      ...AreaName\n    }\n    latitude\n    longitude\n    capacity\n    minAge\n    maxAge\n    registrationOpens\n    registrationCloses\n    status\n    canEdit\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Districts {\n    areas(level: DISTRICT) {\n      ...AreaName\n      latitude\n      longitude\n    }\n  }\n"): (typeof documents)["\n  query Districts {\n    areas(level: DISTRICT) {\n      ...AreaName\n      latitude\n      longitude\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GrantFields on RoleGrant {\n    id\n    role\n    grantedAt\n    grantedBy\n    area {\n      id\n      name\n      nameEn\n      level\n    }\n    organisation {\n      id\n      name\n      kind\n    }\n  }\n"): (typeof documents)["\n  fragment GrantFields on RoleGrant {\n    id\n    role\n    grantedAt\n    grantedBy\n    area {\n      id\n      name\n      nameEn\n      level\n    }\n    organisation {\n      id\n      name\n      kind\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserFields on User {\n    id\n    username\n    displayName\n    disabled\n    lockedUntil\n    createdAt\n    lastSignInAt\n    grants {\n      ...GrantFields\n    }\n  }\n"): (typeof documents)["\n  fragment UserFields on User {\n    id\n    username\n    displayName\n    disabled\n    lockedUntil\n    createdAt\n    lastSignInAt\n    grants {\n      ...GrantFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BudgetLineFields on BudgetLine {\n    id\n    name\n    funder {\n      id\n      name\n      nameEn\n      level\n    }\n    fiscalYear\n    source\n    amount\n    purpose\n    available\n    createdAt\n  }\n"): (typeof documents)["\n  fragment BudgetLineFields on BudgetLine {\n    id\n    name\n    funder {\n      id\n      name\n      nameEn\n      level\n    }\n    fiscalYear\n    source\n    amount\n    purpose\n    available\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ContractFiguresFields on ContractFigures {\n    delivered\n    invoiced\n    accepted\n    paid\n    remaining\n    children\n    minutes\n    sessions\n    costPerChild\n    costPerHour\n    progress\n    expected\n    underDelivering\n  }\n"): (typeof documents)["\n  fragment ContractFiguresFields on ContractFigures {\n    delivered\n    invoiced\n    accepted\n    paid\n    remaining\n    children\n    minutes\n    sessions\n    costPerChild\n    costPerHour\n    progress\n    expected\n    underDelivering\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ContractRow on Contract {\n    id\n    title\n    budgetLineId\n    organisation {\n      id\n      name\n    }\n    categories\n    unit\n    unitPrice\n    quantity\n    value\n    startsOn\n    endsOn\n    status\n    signedAt\n    canManage\n    canInvoice\n    figures {\n      ...ContractFiguresFields\n    }\n  }\n"): (typeof documents)["\n  fragment ContractRow on Contract {\n    id\n    title\n    budgetLineId\n    organisation {\n      id\n      name\n    }\n    categories\n    unit\n    unitPrice\n    quantity\n    value\n    startsOn\n    endsOn\n    status\n    signedAt\n    canManage\n    canInvoice\n    figures {\n      ...ContractFiguresFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AuthorisationFields on Authorisation {\n    id\n    matchId\n    units\n    usedUnits\n    startsOn\n    endsOn\n  }\n"): (typeof documents)["\n  fragment AuthorisationFields on Authorisation {\n    id\n    matchId\n    units\n    usedUnits\n    startsOn\n    endsOn\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DeliveryFields on Delivery {\n    id\n    sessionId\n    title\n    status\n    reason\n    units\n    amount\n    minutes\n    deliveredAt\n    invoiceId\n    verifiedBy\n    verifiedAt\n  }\n"): (typeof documents)["\n  fragment DeliveryFields on Delivery {\n    id\n    sessionId\n    title\n    status\n    reason\n    units\n    amount\n    minutes\n    deliveredAt\n    invoiceId\n    verifiedBy\n    verifiedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ContractDetail on Contract {\n    ...ContractRow\n    areas {\n      id\n      name\n      nameEn\n    }\n    targets\n    authorisations {\n      ...AuthorisationFields\n    }\n    deliveries {\n      ...DeliveryFields\n    }\n  }\n"): (typeof documents)["\n  fragment ContractDetail on Contract {\n    ...ContractRow\n    areas {\n      id\n      name\n      nameEn\n    }\n    targets\n    authorisations {\n      ...AuthorisationFields\n    }\n    deliveries {\n      ...DeliveryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InvoiceFields on Invoice {\n    id\n    contractId\n    contractTitle\n    organisation {\n      id\n      name\n    }\n    periodFrom\n    periodTo\n    amount\n    paid\n    status\n    reason\n    submittedAt\n    decidedAt\n    canDecide\n    canPay\n  }\n"): (typeof documents)["\n  fragment InvoiceFields on Invoice {\n    id\n    contractId\n    contractTitle\n    organisation {\n      id\n      name\n    }\n    periodFrom\n    periodTo\n    amount\n    paid\n    status\n    reason\n    submittedAt\n    decidedAt\n    canDecide\n    canPay\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FundingSummaryFields on FundingSummary {\n    key\n    name\n    budget\n    committed\n    delivered\n    invoiced\n    paid\n    remaining\n    children\n    minutes\n    costPerChild\n    costPerHour\n  }\n"): (typeof documents)["\n  fragment FundingSummaryFields on FundingSummary {\n    key\n    name\n    budget\n    committed\n    delivered\n    invoiced\n    paid\n    remaining\n    children\n    minutes\n    costPerChild\n    costPerHour\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BudgetLines($year: Int) {\n    budgetLines(year: $year) {\n      ...BudgetLineFields\n    }\n  }\n"): (typeof documents)["\n  query BudgetLines($year: Int) {\n    budgetLines(year: $year) {\n      ...BudgetLineFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Contracts($budgetLineId: ID, $first: Int!, $after: String) {\n    contracts(budgetLineId: $budgetLineId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...ContractRow\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Contracts($budgetLineId: ID, $first: Int!, $after: String) {\n    contracts(budgetLineId: $budgetLineId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...ContractRow\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ContractOptions($first: Int!) {\n    contracts(first: $first) {\n      edges {\n        node {\n          id\n          title\n          status\n          startsOn\n          endsOn\n          canInvoice\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ContractOptions($first: Int!) {\n    contracts(first: $first) {\n      edges {\n        node {\n          id\n          title\n          status\n          startsOn\n          endsOn\n          canInvoice\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Contract($id: ID!) {\n    contract(id: $id) {\n      ...ContractDetail\n    }\n  }\n"): (typeof documents)["\n  query Contract($id: ID!) {\n    contract(id: $id) {\n      ...ContractDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PendingDeliveries {\n    pendingDeliveries {\n      sessionId\n      contractId\n      contractTitle\n      organisation {\n        id\n        name\n      }\n      title\n      startsAt\n      endsAt\n      minutes\n    }\n  }\n"): (typeof documents)["\n  query PendingDeliveries {\n    pendingDeliveries {\n      sessionId\n      contractId\n      contractTitle\n      organisation {\n        id\n        name\n      }\n      title\n      startsAt\n      endsAt\n      minutes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Invoices($contractId: ID, $statuses: [InvoiceStatus!], $first: Int!, $after: String) {\n    invoices(contractId: $contractId, statuses: $statuses, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...InvoiceFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Invoices($contractId: ID, $statuses: [InvoiceStatus!], $first: Int!, $after: String) {\n    invoices(contractId: $contractId, statuses: $statuses, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...InvoiceFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FundingReport($year: Int) {\n    fundingReport(year: $year) {\n      contracts {\n        id\n        title\n        status\n        value\n        organisation {\n          id\n          name\n        }\n        figures {\n          ...ContractFiguresFields\n        }\n      }\n      budgetLines {\n        ...FundingSummaryFields\n      }\n      organisations {\n        ...FundingSummaryFields\n      }\n      districts {\n        district {\n          id\n          name\n          nameEn\n        }\n        category\n        spent\n        unmet\n      }\n    }\n  }\n"): (typeof documents)["\n  query FundingReport($year: Int) {\n    fundingReport(year: $year) {\n      contracts {\n        id\n        title\n        status\n        value\n        organisation {\n          id\n          name\n        }\n        figures {\n          ...ContractFiguresFields\n        }\n      }\n      budgetLines {\n        ...FundingSummaryFields\n      }\n      organisations {\n        ...FundingSummaryFields\n      }\n      districts {\n        district {\n          id\n          name\n          nameEn\n        }\n        category\n        spent\n        unmet\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FundingOrganisationOptions($search: String) {\n    organisations(first: 50, search: $search, verification: VERIFIED) {\n      edges {\n        node {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FundingOrganisationOptions($search: String) {\n    organisations(first: 50, search: $search, verification: VERIFIED) {\n      edges {\n        node {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthorisableMatches {\n    matchBoard(statuses: [REQUESTED, ACCEPTED, IN_PROGRESS], first: 100) {\n      edges {\n        node {\n          id\n          status\n          category\n          offerTitle\n          providerOrganisation {\n            id\n          }\n          child {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuthorisableMatches {\n    matchBoard(statuses: [REQUESTED, ACCEPTED, IN_PROGRESS], first: 100) {\n      edges {\n        node {\n          id\n          status\n          category\n          offerTitle\n          providerOrganisation {\n            id\n          }\n          child {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateBudgetLine($input: BudgetLineInput!) {\n    createBudgetLine(input: $input) {\n      ...BudgetLineFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateBudgetLine($input: BudgetLineInput!) {\n    createBudgetLine(input: $input) {\n      ...BudgetLineFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateContract($input: ContractInput!) {\n    createContract(input: $input) {\n      ...ContractRow\n    }\n  }\n"): (typeof documents)["\n  mutation CreateContract($input: ContractInput!) {\n    createContract(input: $input) {\n      ...ContractRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignContract($id: ID!) {\n    signContract(id: $id) {\n      ...ContractRow\n    }\n  }\n"): (typeof documents)["\n  mutation SignContract($id: ID!) {\n    signContract(id: $id) {\n      ...ContractRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndContract($id: ID!, $terminate: Boolean!, $reason: String) {\n    endContract(id: $id, terminate: $terminate, reason: $reason) {\n      ...ContractRow\n    }\n  }\n"): (typeof documents)["\n  mutation EndContract($id: ID!, $terminate: Boolean!, $reason: String) {\n    endContract(id: $id, terminate: $terminate, reason: $reason) {\n      ...ContractRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthoriseMatch($input: AuthorisationInput!) {\n    authoriseMatch(input: $input) {\n      ...AuthorisationFields\n    }\n  }\n"): (typeof documents)["\n  mutation AuthoriseMatch($input: AuthorisationInput!) {\n    authoriseMatch(input: $input) {\n      ...AuthorisationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyDelivery($sessionId: ID!, $accept: Boolean!, $reason: String) {\n    verifyDelivery(sessionId: $sessionId, accept: $accept, reason: $reason) {\n      ...DeliveryFields\n    }\n  }\n"): (typeof documents)["\n  mutation VerifyDelivery($sessionId: ID!, $accept: Boolean!, $reason: String) {\n    verifyDelivery(sessionId: $sessionId, accept: $accept, reason: $reason) {\n      ...DeliveryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitInvoice($contractId: ID!, $periodFrom: Date!, $periodTo: Date!) {\n    submitInvoice(contractId: $contractId, periodFrom: $periodFrom, periodTo: $periodTo) {\n      ...InvoiceFields\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitInvoice($contractId: ID!, $periodFrom: Date!, $periodTo: Date!) {\n    submitInvoice(contractId: $contractId, periodFrom: $periodFrom, periodTo: $periodTo) {\n      ...InvoiceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecideInvoice($id: ID!, $decision: InvoiceDecision!, $reason: String) {\n    decideInvoice(id: $id, decision: $decision, reason: $reason) {\n      ...InvoiceFields\n    }\n  }\n"): (typeof documents)["\n  mutation DecideInvoice($id: ID!, $decision: InvoiceDecision!, $reason: String) {\n    decideInvoice(id: $id, decision: $decision, reason: $reason) {\n      ...InvoiceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordPayment($input: PaymentInput!) {\n    recordPayment(input: $input) {\n      id\n      invoiceId\n      amount\n      idempotencyKey\n      reference\n      paidOn\n    }\n  }\n"): (typeof documents)["\n  mutation RecordPayment($input: PaymentInput!) {\n    recordPayment(input: $input) {\n      id\n      invoiceId\n      amount\n      idempotencyKey\n      reference\n      paidOn\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ScoreFactorFields on ScoreFactor {\n    factor\n    value\n    points\n    max\n  }\n"): (typeof documents)["\n  fragment ScoreFactorFields on ScoreFactor {\n    factor\n    value\n    points\n    max\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionFields on ServiceSession {\n    id\n    matchId\n    title\n    startsAt\n    endsAt\n    minutes\n    attendance\n    note\n    hours\n    hoursNote\n    approvedBy\n    approvedAt\n    loggedBy\n  }\n"): (typeof documents)["\n  fragment SessionFields on ServiceSession {\n    id\n    matchId\n    title\n    startsAt\n    endsAt\n    minutes\n    attendance\n    note\n    hours\n    hoursNote\n    approvedBy\n    approvedAt\n    loggedBy\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MatchRow on Match {\n    id\n    status\n    category\n    entity\n    offerId\n    offerTitle\n    providerOrganisation {\n      id\n      name\n    }\n    providerVolunteerName\n    reason\n    note\n    score\n    pairing {\n      timesPerMonth\n      weeks\n    }\n    createdAt\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment MatchRow on Match {\n    id\n    status\n    category\n    entity\n    offerId\n    offerTitle\n    providerOrganisation {\n      id\n      name\n    }\n    providerVolunteerName\n    reason\n    note\n    score\n    pairing {\n      timesPerMonth\n      weeks\n    }\n    createdAt\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MatchEventFields on MatchEvent {\n    from\n    to\n    reason\n    note\n    at\n    actor\n  }\n"): (typeof documents)["\n  fragment MatchEventFields on MatchEvent {\n    from\n    to\n    reason\n    note\n    at\n    actor\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InboxMatch on Match {\n    ...MatchRow\n    history {\n      ...MatchEventFields\n    }\n    bookings {\n      id\n      status\n      startsAt\n      position\n    }\n    sessions {\n      ...SessionFields\n    }\n  }\n"): (typeof documents)["\n  fragment InboxMatch on Match {\n    ...MatchRow\n    history {\n      ...MatchEventFields\n    }\n    bookings {\n      id\n      status\n      startsAt\n      position\n    }\n    sessions {\n      ...SessionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MatchDetail on Match {\n    ...MatchRow\n    factors {\n      ...ScoreFactorFields\n    }\n    consentOverride\n    child {\n      id\n      name\n    }\n    need {\n      id\n      category\n      description\n      status\n      language\n      place\n      windows {\n        day\n        start\n        end\n      }\n    }\n    history {\n      ...MatchEventFields\n    }\n    bookings {\n      id\n      status\n      startsAt\n      position\n    }\n    sessions {\n      ...SessionFields\n    }\n  }\n"): (typeof documents)["\n  fragment MatchDetail on Match {\n    ...MatchRow\n    factors {\n      ...ScoreFactorFields\n    }\n    consentOverride\n    child {\n      id\n      name\n    }\n    need {\n      id\n      category\n      description\n      status\n      language\n      place\n      windows {\n        day\n        start\n        end\n      }\n    }\n    history {\n      ...MatchEventFields\n    }\n    bookings {\n      id\n      status\n      startsAt\n      position\n    }\n    sessions {\n      ...SessionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MatchCandidates($needId: ID!) {\n    matchCandidates(needId: $needId) {\n      maxKm\n      distanceFrom\n      need {\n        ...NeedFields\n        matches {\n          ...MatchRow\n        }\n      }\n      candidates {\n        entity\n        id\n        title\n        organisationId\n        organisationName\n        startsAt\n        endsAt\n        distanceKm\n        languages\n        seatsLeft\n        score\n        factors {\n          ...ScoreFactorFields\n        }\n        openMatchId\n      }\n    }\n  }\n"): (typeof documents)["\n  query MatchCandidates($needId: ID!) {\n    matchCandidates(needId: $needId) {\n      maxKm\n      distanceFrom\n      need {\n        ...NeedFields\n        matches {\n          ...MatchRow\n        }\n      }\n      candidates {\n        entity\n        id\n        title\n        organisationId\n        organisationName\n        startsAt\n        endsAt\n        distanceKm\n        languages\n        seatsLeft\n        score\n        factors {\n          ...ScoreFactorFields\n        }\n        openMatchId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Match($id: ID!) {\n    match(id: $id) {\n      ...MatchDetail\n    }\n  }\n"): (typeof documents)["\n  query Match($id: ID!) {\n    match(id: $id) {\n      ...MatchDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MatchBoard($areaId: ID, $statuses: [MatchStatus!], $first: Int!, $after: String) {\n    matchBoard(areaId: $areaId, statuses: $statuses, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...MatchRow\n          child {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MatchBoard($areaId: ID, $statuses: [MatchStatus!], $first: Int!, $after: String) {\n    matchBoard(areaId: $areaId, statuses: $statuses, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...MatchRow\n          child {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MatchInbox($statuses: [MatchStatus!], $first: Int!, $after: String) {\n    matchInbox(statuses: $statuses, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...InboxMatch\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MatchInbox($statuses: [MatchStatus!], $first: Int!, $after: String) {\n    matchInbox(statuses: $statuses, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...InboxMatch\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MatchChildProfile($matchId: ID!) {\n    matchChildProfile(matchId: $matchId) {\n      matchId\n      name\n      gender\n      age\n      languages\n      disability\n      communityName\n      needNote\n      windows {\n        day\n        start\n        end\n      }\n      guardianRelation\n      guardianPhone\n      basis\n    }\n  }\n"): (typeof documents)["\n  query MatchChildProfile($matchId: ID!) {\n    matchChildProfile(matchId: $matchId) {\n      matchId\n      name\n      gender\n      age\n      languages\n      disability\n      communityName\n      needNote\n      windows {\n        day\n        start\n        end\n      }\n      guardianRelation\n      guardianPhone\n      basis\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PendingHours($first: Int!, $after: String) {\n    pendingHours(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...SessionFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PendingHours($first: Int!, $after: String) {\n    pendingHours(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...SessionFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyHours($first: Int!, $after: String) {\n    myHours(first: $first, after: $after) {\n      approvedMinutes\n      pendingMinutes\n      sessions {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            ...SessionFields\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyHours($first: Int!, $after: String) {\n    myHours(first: $first, after: $after) {\n      approvedMinutes\n      pendingMinutes\n      sessions {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            ...SessionFields\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NotificationFields on Notification {\n    id\n    kind\n    title\n    body\n    matchId\n    createdAt\n    read\n  }\n"): (typeof documents)["\n  fragment NotificationFields on Notification {\n    id\n    kind\n    title\n    body\n    matchId\n    createdAt\n    read\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Notifications($unreadOnly: Boolean, $first: Int!) {\n    notifications(unreadOnly: $unreadOnly, first: $first) {\n      unread\n      totalCount\n      edges {\n        cursor\n        node {\n          ...NotificationFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Notifications($unreadOnly: Boolean, $first: Int!) {\n    notifications(unreadOnly: $unreadOnly, first: $first) {\n      unread\n      totalCount\n      edges {\n        cursor\n        node {\n          ...NotificationFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProposeMatch($needId: ID!, $input: ProposeMatchInput!) {\n    proposeMatch(needId: $needId, input: $input) {\n      ...MatchRow\n      need {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ProposeMatch($needId: ID!, $input: ProposeMatchInput!) {\n    proposeMatch(needId: $needId, input: $input) {\n      ...MatchRow\n      need {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProposeMatchesForArea($areaId: ID!) {\n    proposeMatchesForArea(areaId: $areaId) {\n      needs\n      proposed\n      noCandidate\n      failed\n      tookMs\n      matches {\n        ...MatchRow\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ProposeMatchesForArea($areaId: ID!) {\n    proposeMatchesForArea(areaId: $areaId) {\n      needs\n      proposed\n      noCandidate\n      failed\n      tookMs\n      matches {\n        ...MatchRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendMatchRequests($ids: [ID!]!) {\n    sendMatchRequests(ids: $ids) {\n      ...MatchRow\n      need {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SendMatchRequests($ids: [ID!]!) {\n    sendMatchRequests(ids: $ids) {\n      ...MatchRow\n      need {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RespondToMatch($id: ID!, $accept: Boolean!, $reason: OutcomeReason, $note: String) {\n    respondToMatch(id: $id, accept: $accept, reason: $reason, note: $note) {\n      ...InboxMatch\n    }\n  }\n"): (typeof documents)["\n  mutation RespondToMatch($id: ID!, $accept: Boolean!, $reason: OutcomeReason, $note: String) {\n    respondToMatch(id: $id, accept: $accept, reason: $reason, note: $note) {\n      ...InboxMatch\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogSession($matchId: ID!, $input: SessionInput!) {\n    logSession(matchId: $matchId, input: $input) {\n      ...SessionFields\n    }\n  }\n"): (typeof documents)["\n  mutation LogSession($matchId: ID!, $input: SessionInput!) {\n    logSession(matchId: $matchId, input: $input) {\n      ...SessionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseMatch($id: ID!, $status: MatchStatus!, $reason: OutcomeReason, $note: String) {\n    closeMatch(id: $id, status: $status, reason: $reason, note: $note) {\n      ...MatchRow\n      history {\n        ...MatchEventFields\n      }\n      need {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CloseMatch($id: ID!, $status: MatchStatus!, $reason: OutcomeReason, $note: String) {\n    closeMatch(id: $id, status: $status, reason: $reason, note: $note) {\n      ...MatchRow\n      history {\n        ...MatchEventFields\n      }\n      need {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OverrideMatchConsent($id: ID!, $reason: String!) {\n    overrideMatchConsent(id: $id, reason: $reason) {\n      id\n      consentOverride\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation OverrideMatchConsent($id: ID!, $reason: String!) {\n    overrideMatchConsent(id: $id, reason: $reason) {\n      id\n      consentOverride\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviewHours($ids: [ID!]!, $approve: Boolean!, $note: String) {\n    reviewHours(ids: $ids, approve: $approve, note: $note) {\n      ...SessionFields\n    }\n  }\n"): (typeof documents)["\n  mutation ReviewHours($ids: [ID!]!, $approve: Boolean!, $note: String) {\n    reviewHours(ids: $ids, approve: $approve, note: $note) {\n      ...SessionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids)\n  }\n"): (typeof documents)["\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationAdded {\n    notificationAdded {\n      ...NotificationFields\n    }\n  }\n"): (typeof documents)["\n  subscription NotificationAdded {\n    notificationAdded {\n      ...NotificationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead\n  }\n"): (typeof documents)["\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"): (typeof documents)["\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditEvents($first: Int!, $after: String, $action: String) {\n    auditEvents(first: $first, after: $after, action: $action) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          at\n          actor\n          action\n          target\n          ip\n          userAgent\n          detail\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditEvents($first: Int!, $after: String, $action: String) {\n    auditEvents(first: $first, after: $after, action: $action) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          at\n          actor\n          action\n          target\n          ip\n          userAgent\n          detail\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        id\n      }\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        id\n      }\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DirectorySearch($input: SearchInput!, $first: Int!, $after: String) {\n    search(input: $input, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          entity\n          id\n          title\n          summary\n          organisationId\n          organisationName\n          categories\n          areas {\n            ...AreaName\n          }\n          languages\n          minAge\n          maxAge\n          startsAt\n          endsAt\n          distanceKm\n          vetted\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DirectorySearch($input: SearchInput!, $first: Int!, $after: String) {\n    search(input: $input, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          entity\n          id\n          title\n          summary\n          organisationId\n          organisationName\n          categories\n          areas {\n            ...AreaName\n          }\n          languages\n          minAge\n          maxAge\n          startsAt\n          endsAt\n          distanceKm\n          vetted\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AreaGeoChildren($parentId: ID!) {\n    areas(parentId: $parentId, level: STREET) {\n      id\n      name\n      nameEn\n      level\n      latitude\n      longitude\n    }\n  }\n"): (typeof documents)["\n  query AreaGeoChildren($parentId: ID!) {\n    areas(parentId: $parentId, level: STREET) {\n      id\n      name\n      nameEn\n      level\n      latitude\n      longitude\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateEvent($organisationId: ID!, $input: EventInput!) {\n    createEvent(organisationId: $organisationId, input: $input) {\n      ...EventFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateEvent($organisationId: ID!, $input: EventInput!) {\n    createEvent(organisationId: $organisationId, input: $input) {\n      ...EventFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateEvent($id: ID!, $input: EventInput!) {\n    updateEvent(id: $id, input: $input) {\n      ...EventFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateEvent($id: ID!, $input: EventInput!) {\n    updateEvent(id: $id, input: $input) {\n      ...EventFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Events($organisationId: ID!, $first: Int!, $after: String) {\n    events(organisationId: $organisationId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...EventFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Events($organisationId: ID!, $first: Int!, $after: String) {\n    events(organisationId: $organisationId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...EventFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetEventStatus($id: ID!, $status: EventStatus!) {\n    setEventStatus(id: $id, status: $status) {\n      ...EventFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetEventStatus($id: ID!, $status: EventStatus!) {\n    setEventStatus(id: $id, status: $status) {\n      ...EventFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyOrganisations {\n    myOrganisations {\n      ...OrganisationProfile\n    }\n  }\n"): (typeof documents)["\n  query MyOrganisations {\n    myOrganisations {\n      ...OrganisationProfile\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateOrganisation($id: ID!, $input: OrganisationProfileInput!) {\n    updateOrganisation(id: $id, input: $input) {\n      ...OrganisationProfile\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateOrganisation($id: ID!, $input: OrganisationProfileInput!) {\n    updateOrganisation(id: $id, input: $input) {\n      ...OrganisationProfile\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateService($organisationId: ID!, $input: ServiceInput!) {\n    createService(organisationId: $organisationId, input: $input) {\n      ...ServiceFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateService($organisationId: ID!, $input: ServiceInput!) {\n    createService(organisationId: $organisationId, input: $input) {\n      ...ServiceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateService($id: ID!, $input: ServiceInput!) {\n    updateService(id: $id, input: $input) {\n      ...ServiceFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateService($id: ID!, $input: ServiceInput!) {\n    updateService(id: $id, input: $input) {\n      ...ServiceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Services($organisationId: ID!, $first: Int!, $after: String) {\n    services(organisationId: $organisationId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...ServiceRow\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Services($organisationId: ID!, $first: Int!, $after: String) {\n    services(organisationId: $organisationId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...ServiceRow\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ServiceRow on Service {\n    id\n    name\n    categories\n    minAge\n    maxAge\n    schedule {\n      day\n      start\n      end\n    }\n    capacity\n    status\n    canEdit\n  }\n"): (typeof documents)["\n  fragment ServiceRow on Service {\n    id\n    name\n    categories\n    minAge\n    maxAge\n    schedule {\n      day\n      start\n      end\n    }\n    capacity\n    status\n    canEdit\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Service($id: ID!) {\n    service(id: $id) {\n      ...ServiceFields\n    }\n  }\n"): (typeof documents)["\n  query Service($id: ID!) {\n    service(id: $id) {\n      ...ServiceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetServiceStatus($id: ID!, $status: ServiceStatus!) {\n    setServiceStatus(id: $id, status: $status) {\n      ...ServiceFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetServiceStatus($id: ID!, $status: ServiceStatus!) {\n    setServiceStatus(id: $id, status: $status) {\n      ...ServiceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishSlot($input: SlotInput!) {\n    publishSlot(input: $input) {\n      ...SlotFields\n    }\n  }\n"): (typeof documents)["\n  mutation PublishSlot($input: SlotInput!) {\n    publishSlot(input: $input) {\n      ...SlotFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishSlotSeries($input: SlotSeriesInput!) {\n    publishSlotSeries(input: $input) {\n      ...SlotFields\n    }\n  }\n"): (typeof documents)["\n  mutation PublishSlotSeries($input: SlotSeriesInput!) {\n    publishSlotSeries(input: $input) {\n      ...SlotFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Slots($venueId: ID!, $from: Time, $to: Time, $first: Int!) {\n    slots(venueId: $venueId, from: $from, to: $to, first: $first) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...SlotCard\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Slots($venueId: ID!, $from: Time, $to: Time, $first: Int!) {\n    slots(venueId: $venueId, from: $from, to: $to, first: $first) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...SlotCard\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SlotCard on Slot {\n    id\n    seriesId\n    title\n    startsAt\n    endsAt\n    capacity\n    minAge\n    maxAge\n    status\n    canEdit\n  }\n"): (typeof documents)["\n  fragment SlotCard on Slot {\n    id\n    seriesId\n    title\n    startsAt\n    endsAt\n    capacity\n    minAge\n    maxAge\n    status\n    canEdit\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelSlot($id: ID!) {\n    cancelSlot(id: $id) {\n      ...SlotFields\n    }\n  }\n"): (typeof documents)["\n  mutation CancelSlot($id: ID!) {\n    cancelSlot(id: $id) {\n      ...SlotFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Volunteer($id: ID!) {\n    volunteer(id: $id) {\n      ...VolunteerFields\n    }\n  }\n"): (typeof documents)["\n  query Volunteer($id: ID!) {\n    volunteer(id: $id) {\n      ...VolunteerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordVetting($input: VettingInput!) {\n    recordVetting(input: $input) {\n      ...VettingItemFields\n      volunteer {\n        id\n        vetted\n        vettingExpiresOn\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RecordVetting($input: VettingInput!) {\n    recordVetting(input: $input) {\n      ...VettingItemFields\n      volunteer {\n        id\n        vetted\n        vettingExpiresOn\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveVetting($id: ID!) {\n    approveVetting(id: $id) {\n      ...VettingItemFields\n      volunteer {\n        id\n        vetted\n        vettingExpiresOn\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ApproveVetting($id: ID!) {\n    approveVetting(id: $id) {\n      ...VettingItemFields\n      volunteer {\n        id\n        vetted\n        vettingExpiresOn\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectVetting($id: ID!, $note: String!) {\n    rejectVetting(id: $id, note: $note) {\n      ...VettingItemFields\n      volunteer {\n        id\n        vetted\n        vettingExpiresOn\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RejectVetting($id: ID!, $note: String!) {\n    rejectVetting(id: $id, note: $note) {\n      ...VettingItemFields\n      volunteer {\n        id\n        vetted\n        vettingExpiresOn\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Volunteers($organisationId: ID!, $first: Int!, $after: String) {\n    volunteers(organisationId: $organisationId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          displayName\n          phone\n          skills\n          languages\n          homeArea {\n            ...AreaName\n          }\n          hoursPerMonth\n          vetted\n          vettingExpiresOn\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Volunteers($organisationId: ID!, $first: Int!, $after: String) {\n    volunteers(organisationId: $organisationId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          displayName\n          phone\n          skills\n          languages\n          homeArea {\n            ...AreaName\n          }\n          hoursPerMonth\n          vetted\n          vettingExpiresOn\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExpiringVetting($organisationId: ID!) {\n    expiringVetting(organisationId: $organisationId, withinDays: 30) {\n      ...VettingItemFields\n      volunteer {\n        id\n        displayName\n      }\n    }\n  }\n"): (typeof documents)["\n  query ExpiringVetting($organisationId: ID!) {\n    expiringVetting(organisationId: $organisationId, withinDays: 30) {\n      ...VettingItemFields\n      volunteer {\n        id\n        displayName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganisationsAdmin($first: Int!, $after: String, $search: String, $kind: OrganisationKind, $verification: VerificationStatus) {\n    organisations(first: $first, after: $after, search: $search, kind: $kind, verification: $verification) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...OrganisationProfile\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrganisationsAdmin($first: Int!, $after: String, $search: String, $kind: OrganisationKind, $verification: VerificationStatus) {\n    organisations(first: $first, after: $after, search: $search, kind: $kind, verification: $verification) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...OrganisationProfile\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOrganisation($input: OrganisationInput!) {\n    createOrganisation(input: $input) {\n      ...OrganisationProfile\n    }\n  }\n"): (typeof documents)["\n  mutation CreateOrganisation($input: OrganisationInput!) {\n    createOrganisation(input: $input) {\n      ...OrganisationProfile\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyOrganisation($id: ID!, $status: VerificationStatus!, $note: String) {\n    verifyOrganisation(id: $id, status: $status, note: $note) {\n      ...OrganisationProfile\n    }\n  }\n"): (typeof documents)["\n  mutation VerifyOrganisation($id: ID!, $status: VerificationStatus!, $note: String) {\n    verifyOrganisation(id: $id, status: $status, note: $note) {\n      ...OrganisationProfile\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...UserFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...UserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query User($id: ID!) {\n    user(id: $id) {\n      ...UserFields\n    }\n  }\n"): (typeof documents)["\n  query User($id: ID!) {\n    user(id: $id) {\n      ...UserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GrantRole($input: GrantRoleInput!) {\n    grantRole(input: $input) {\n      ...GrantFields\n    }\n  }\n"): (typeof documents)["\n  mutation GrantRole($input: GrantRoleInput!) {\n    grantRole(input: $input) {\n      ...GrantFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeRole($grantId: ID!) {\n    revokeRole(grantId: $grantId) {\n      id\n      revokedAt\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeRole($grantId: ID!) {\n    revokeRole(grantId: $grantId) {\n      id\n      revokedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetUserDisabled($userId: ID!, $disabled: Boolean!) {\n    setUserDisabled(userId: $userId, disabled: $disabled) {\n      ...UserFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetUserDisabled($userId: ID!, $disabled: Boolean!) {\n    setUserDisabled(userId: $userId, disabled: $disabled) {\n      ...UserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users($first: Int!, $after: String, $search: String) {\n    users(first: $first, after: $after, search: $search) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...UserFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Users($first: Int!, $after: String, $search: String) {\n    users(first: $first, after: $after, search: $search) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...UserFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServingOrganisations($search: String) {\n    organisations(first: 50, search: $search, verification: VERIFIED) {\n      edges {\n        node {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ServingOrganisations($search: String) {\n    organisations(first: 50, search: $search, verification: VERIFIED) {\n      edges {\n        node {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyVolunteerProfile {\n    myVolunteerProfile {\n      ...VolunteerFields\n    }\n  }\n"): (typeof documents)["\n  query MyVolunteerProfile {\n    myVolunteerProfile {\n      ...VolunteerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMyVolunteerProfile($input: VolunteerProfileInput!) {\n    updateMyVolunteerProfile(input: $input) {\n      ...VolunteerFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMyVolunteerProfile($input: VolunteerProfileInput!) {\n    updateMyVolunteerProfile(input: $input) {\n      ...VolunteerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUpVolunteer($input: VolunteerSignUpInput!) {\n    signUpVolunteer(input: $input) {\n      user {\n        id\n      }\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation SignUpVolunteer($input: VolunteerSignUpInput!) {\n    signUpVolunteer(input: $input) {\n      user {\n        id\n      }\n      expiresAt\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
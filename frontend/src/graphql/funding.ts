import { graphql } from '../gql';

// Funded service purchases: budget lines, contracts and their figures,
// authorised matches, verified deliveries, invoices, payments and the
// funding-to-outcome report. Money is the Fen scalar: whole fen, never floats.

export const BudgetLineFieldsFragment = graphql(`
  fragment BudgetLineFields on BudgetLine {
    id
    name
    funder {
      id
      name
      nameEn
      level
    }
    fiscalYear
    source
    amount
    purpose
    available
    createdAt
  }
`);

export const ContractFiguresFieldsFragment = graphql(`
  fragment ContractFiguresFields on ContractFigures {
    delivered
    invoiced
    accepted
    paid
    remaining
    children
    minutes
    sessions
    costPerChild
    costPerHour
    progress
    expected
    underDelivering
  }
`);

export const ContractRowFragment = graphql(`
  fragment ContractRow on Contract {
    id
    title
    budgetLineId
    organisation {
      id
      name
    }
    categories
    unit
    unitPrice
    quantity
    value
    startsOn
    endsOn
    status
    signedAt
    canManage
    canInvoice
    figures {
      ...ContractFiguresFields
    }
  }
`);

export const AuthorisationFieldsFragment = graphql(`
  fragment AuthorisationFields on Authorisation {
    id
    matchId
    units
    usedUnits
    startsOn
    endsOn
  }
`);

export const DeliveryFieldsFragment = graphql(`
  fragment DeliveryFields on Delivery {
    id
    sessionId
    title
    status
    reason
    units
    amount
    minutes
    deliveredAt
    invoiceId
    verifiedBy
    verifiedAt
  }
`);

export const ContractDetailFragment = graphql(`
  fragment ContractDetail on Contract {
    ...ContractRow
    areas {
      id
      name
      nameEn
    }
    targets
    authorisations {
      ...AuthorisationFields
    }
    deliveries {
      ...DeliveryFields
    }
  }
`);

export const InvoiceFieldsFragment = graphql(`
  fragment InvoiceFields on Invoice {
    id
    contractId
    contractTitle
    organisation {
      id
      name
    }
    periodFrom
    periodTo
    amount
    paid
    status
    reason
    submittedAt
    decidedAt
    canDecide
    canPay
  }
`);

export const FundingSummaryFieldsFragment = graphql(`
  fragment FundingSummaryFields on FundingSummary {
    key
    name
    budget
    committed
    delivered
    invoiced
    paid
    remaining
    children
    minutes
    costPerChild
    costPerHour
  }
`);

export const BudgetLinesQuery = graphql(`
  query BudgetLines($year: Int) {
    budgetLines(year: $year) {
      ...BudgetLineFields
    }
  }
`);

export const ContractsQuery = graphql(`
  query Contracts($budgetLineId: ID, $first: Int!, $after: String) {
    contracts(budgetLineId: $budgetLineId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...ContractRow
        }
      }
    }
  }
`);

// What the invoice form offers: few fields, so a page of all of an
// organisation's contracts stays within the API's complexity limit.
export const ContractOptionsQuery = graphql(`
  query ContractOptions($first: Int!) {
    contracts(first: $first) {
      edges {
        node {
          id
          title
          status
          startsOn
          endsOn
          canInvoice
        }
      }
    }
  }
`);

export const ContractQuery = graphql(`
  query Contract($id: ID!) {
    contract(id: $id) {
      ...ContractDetail
    }
  }
`);

export const PendingDeliveriesQuery = graphql(`
  query PendingDeliveries {
    pendingDeliveries {
      sessionId
      contractId
      contractTitle
      organisation {
        id
        name
      }
      title
      startsAt
      endsAt
      minutes
    }
  }
`);

export const InvoicesQuery = graphql(`
  query Invoices($contractId: ID, $statuses: [InvoiceStatus!], $first: Int!, $after: String) {
    invoices(contractId: $contractId, statuses: $statuses, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...InvoiceFields
        }
      }
    }
  }
`);

export const FundingReportQuery = graphql(`
  query FundingReport($year: Int) {
    fundingReport(year: $year) {
      contracts {
        id
        title
        status
        value
        organisation {
          id
          name
        }
        figures {
          ...ContractFiguresFields
        }
      }
      budgetLines {
        ...FundingSummaryFields
      }
      organisations {
        ...FundingSummaryFields
      }
      districts {
        district {
          id
          name
          nameEn
        }
        category
        spent
        unmet
      }
    }
  }
`);

// Only verified organisations can be contracted; the server checks the same.
export const FundingOrganisationOptionsQuery = graphql(`
  query FundingOrganisationOptions($search: String) {
    organisations(first: 50, search: $search, verification: VERIFIED) {
      edges {
        node {
          id
          name
          kind
        }
      }
    }
  }
`);

// Matches that can still be authorised: sent, accepted or in service. The
// page keeps those whose provider is the contract's organisation.
export const AuthorisableMatchesQuery = graphql(`
  query AuthorisableMatches {
    matchBoard(statuses: [REQUESTED, ACCEPTED, IN_PROGRESS], first: 100) {
      edges {
        node {
          id
          status
          category
          offerTitle
          providerOrganisation {
            id
          }
          child {
            id
            name
          }
        }
      }
    }
  }
`);

export const CreateBudgetLineMutation = graphql(`
  mutation CreateBudgetLine($input: BudgetLineInput!) {
    createBudgetLine(input: $input) {
      ...BudgetLineFields
    }
  }
`);

export const CreateContractMutation = graphql(`
  mutation CreateContract($input: ContractInput!) {
    createContract(input: $input) {
      ...ContractRow
    }
  }
`);

export const SignContractMutation = graphql(`
  mutation SignContract($id: ID!) {
    signContract(id: $id) {
      ...ContractRow
    }
  }
`);

export const EndContractMutation = graphql(`
  mutation EndContract($id: ID!, $terminate: Boolean!, $reason: String) {
    endContract(id: $id, terminate: $terminate, reason: $reason) {
      ...ContractRow
    }
  }
`);

export const AuthoriseMatchMutation = graphql(`
  mutation AuthoriseMatch($input: AuthorisationInput!) {
    authoriseMatch(input: $input) {
      ...AuthorisationFields
    }
  }
`);

export const VerifyDeliveryMutation = graphql(`
  mutation VerifyDelivery($sessionId: ID!, $accept: Boolean!, $reason: String) {
    verifyDelivery(sessionId: $sessionId, accept: $accept, reason: $reason) {
      ...DeliveryFields
    }
  }
`);

export const SubmitInvoiceMutation = graphql(`
  mutation SubmitInvoice($contractId: ID!, $periodFrom: Date!, $periodTo: Date!) {
    submitInvoice(contractId: $contractId, periodFrom: $periodFrom, periodTo: $periodTo) {
      ...InvoiceFields
    }
  }
`);

export const DecideInvoiceMutation = graphql(`
  mutation DecideInvoice($id: ID!, $decision: InvoiceDecision!, $reason: String) {
    decideInvoice(id: $id, decision: $decision, reason: $reason) {
      ...InvoiceFields
    }
  }
`);

export const RecordPaymentMutation = graphql(`
  mutation RecordPayment($input: PaymentInput!) {
    recordPayment(input: $input) {
      id
      invoiceId
      amount
      idempotencyKey
      reference
      paidOn
    }
  }
`);

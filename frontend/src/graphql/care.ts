import { graphql } from '../gql';

// The key-care ledger, visits, needs, list imports and the area overview.
// What belongs to one child is read with the child's file (ChildFile), never
// by a separate `child` query per tab: every read of the file is audited.

export const LedgerFieldsFragment = graphql(`
  fragment LedgerFields on LedgerEntry {
    reasons
    risk
    enteredOn
    leftOn
    leftReason
    nextVisitDue
    overdue
  }
`);

export const LedgerEventFieldsFragment = graphql(`
  fragment LedgerEventFields on LedgerEvent {
    at
    event
    actor
    detail
  }
`);

export const VisitFieldsFragment = graphql(`
  fragment VisitFields on Visit {
    id
    visitedOn
    visitor
    form
    findings
    followUp
    nextVisitOn
    status
    reviewedBy
    reviewedAt
    reviewNote
  }
`);

export const NeedFieldsFragment = graphql(`
  fragment NeedFields on Need {
    id
    category
    description
    urgency
    windows {
      day
      start
      end
    }
    language
    place
    status
    createdAt
    updatedAt
    history {
      status
      note
      at
      actor
    }
  }
`);

// Ledger rows: the child as lists carry it (no ID number, address or guardians).
export const LedgerQuery = graphql(`
  query Ledger($areaId: ID, $overdue: Boolean, $first: Int!, $after: String) {
    ledger(areaId: $areaId, overdue: $overdue, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...LedgerFields
          child {
            id
            name
            community {
              ...AreaName
            }
            street {
              ...AreaName
            }
          }
        }
      }
    }
  }
`);

export const OverdueVisitsCountQuery = graphql(`
  query OverdueVisitsCount {
    ledger(overdue: true, first: 1) {
      totalCount
    }
  }
`);

export const PendingVisitsQuery = graphql(`
  query PendingVisits {
    pendingVisits {
      ...VisitFields
      child {
        id
        name
        community {
          ...AreaName
        }
      }
    }
  }
`);

// Ledger and visit changes return the child's id so the cached file (which
// holds Child) is read again and shows the new state.
export const EnterLedgerMutation = graphql(`
  mutation EnterLedger($childId: ID!, $reasons: [LedgerReason!]!, $risk: Level!) {
    enterLedger(childId: $childId, reasons: $reasons, risk: $risk) {
      ...LedgerFields
      child {
        id
      }
    }
  }
`);

export const ChangeLedgerMutation = graphql(`
  mutation ChangeLedger($childId: ID!, $reasons: [LedgerReason!]!, $risk: Level!, $note: String!) {
    changeLedger(childId: $childId, reasons: $reasons, risk: $risk, note: $note) {
      ...LedgerFields
      child {
        id
      }
    }
  }
`);

export const LeaveLedgerMutation = graphql(`
  mutation LeaveLedger($childId: ID!, $reason: String!) {
    leaveLedger(childId: $childId, reason: $reason) {
      ...LedgerFields
      child {
        id
      }
    }
  }
`);

export const RecordVisitMutation = graphql(`
  mutation RecordVisit($childId: ID!, $input: VisitInput!) {
    recordVisit(childId: $childId, input: $input) {
      ...VisitFields
      child {
        id
      }
    }
  }
`);

export const ResubmitVisitMutation = graphql(`
  mutation ResubmitVisit($id: ID!, $input: VisitInput!) {
    resubmitVisit(id: $id, input: $input) {
      ...VisitFields
      child {
        id
      }
    }
  }
`);

export const AcceptVisitMutation = graphql(`
  mutation AcceptVisit($id: ID!, $note: String) {
    acceptVisit(id: $id, note: $note) {
      ...VisitFields
      child {
        id
      }
    }
  }
`);

export const ReturnVisitMutation = graphql(`
  mutation ReturnVisit($id: ID!, $note: String!) {
    returnVisit(id: $id, note: $note) {
      ...VisitFields
      child {
        id
      }
    }
  }
`);

export const CreateNeedMutation = graphql(`
  mutation CreateNeed($childId: ID!, $input: NeedInput!) {
    createNeed(childId: $childId, input: $input) {
      ...NeedFields
    }
  }
`);

export const UpdateNeedMutation = graphql(`
  mutation UpdateNeed($id: ID!, $input: NeedInput!) {
    updateNeed(id: $id, input: $input) {
      ...NeedFields
    }
  }
`);

export const SetNeedStatusMutation = graphql(`
  mutation SetNeedStatus($id: ID!, $status: NeedStatus!, $note: String) {
    setNeedStatus(id: $id, status: $status, note: $note) {
      ...NeedFields
    }
  }
`);

export const ImportLineFieldsFragment = graphql(`
  fragment ImportLineFields on ImportLine {
    line
    outcome
    reason
    name
  }
`);

export const ChildImportFieldsFragment = graphql(`
  fragment ChildImportFields on ChildImport {
    id
    source
    fileName
    rows
    created
    updated
    conflicts
    invalid
    importedBy
    importedAt
  }
`);

// A preview writes no child; it is a mutation because it carries a file,
// which urql sends as a GraphQL multipart request when a variable is a File.
export const PreviewChildImportMutation = graphql(`
  mutation PreviewChildImport($source: ImportSource!, $file: Upload!) {
    previewChildImport(source: $source, file: $file) {
      rows
      new
      matched
      conflicts
      invalid
      lines {
        ...ImportLineFields
      }
    }
  }
`);

export const ApplyChildImportMutation = graphql(`
  mutation ApplyChildImport($source: ImportSource!, $file: Upload!) {
    applyChildImport(source: $source, file: $file) {
      ...ChildImportFields
    }
  }
`);

export const ChildImportsQuery = graphql(`
  query ChildImports($first: Int) {
    childImports(first: $first) {
      ...ChildImportFields
    }
  }
`);

export const ReviewWorkloadQuery = graphql(`
  query ReviewWorkload($areaId: ID) {
    reviewWorkload(areaId: $areaId) {
      worker
      overdue
      dueSoon
    }
  }
`);

export const ChildOverviewQuery = graphql(`
  query ChildOverview($areaId: ID) {
    childOverview(areaId: $areaId) {
      area {
        ...AreaName
      }
      active
      eligible
      onLedger
      visitsOverdue
      reviewsDue
    }
  }
`);

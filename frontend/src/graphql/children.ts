import { graphql } from '../gql';

// Selections of the children's files (demand side). Lists never carry ID
// numbers, addresses or guardians; the file does, and every read of it is audited.

export const EligibilityFieldsFragment = graphql(`
  fragment EligibilityFields on Eligibility {
    eligible
    reasons
    turnsSixteenOn
  }
`);

export const ChildRowFragment = graphql(`
  fragment ChildRow on Child {
    id
    name
    gender
    age
    community {
      ...AreaName
    }
    street {
      ...AreaName
    }
    active
    eligibility {
      ...EligibilityFields
    }
    lastReviewedOn
    reviewDueOn
    reviewOverdue
    registeredBy
  }
`);

export const GuardianFieldsFragment = graphql(`
  fragment GuardianFields on Guardian {
    id
    name
    relation
    phone
    primary
  }
`);

export const ConsentFieldsFragment = graphql(`
  fragment ConsentFields on Consent {
    id
    purpose
    granted
    guardian {
      id
      name
      relation
    }
    method
    givenOn
    recordedBy
    recordedAt
    withdrawnAt
  }
`);

export const ChildFileFragment = graphql(`
  fragment ChildFile on Child {
    ...ChildRow
    reviews {
      reviewedOn
      reviewer
      note
    }
    birthDate
    idNumber
    noIdReason
    hukou {
      province
      city
      county
    }
    movedWith
    district {
      ...AreaName
    }
    address
    arrivedOn
    school
    languages
    disability
    guardians {
      ...GuardianFields
    }
    consents {
      ...ConsentFields
    }
    services: consentTo(purpose: SERVICES)
    shareWithProvider: consentTo(purpose: SHARE_WITH_PROVIDER)
    statistics: consentTo(purpose: STATISTICS)
    ledger {
      ...LedgerFields
      history {
        ...LedgerEventFields
      }
    }
    visits {
      ...VisitFields
    }
    needs {
      ...NeedFields
    }
    serviceHistory: services(first: 50) {
      totalCount
      edges {
        node {
          ...MatchRow
        }
      }
    }
    createdAt
    updatedAt
  }
`);

// The file page and the edit page share this query, so opening the editor
// from the file is answered from the cache and not read (and audited) again.
export const ChildFileQuery = graphql(`
  query ChildFile($id: ID!) {
    child(id: $id) {
      ...ChildFile
    }
  }
`);

export const ChildrenQuery = graphql(`
  query Children($areaId: ID, $idNumber: String, $reviewDue: Boolean, $includeInactive: Boolean, $first: Int!, $after: String) {
    children(areaId: $areaId, idNumber: $idNumber, reviewDue: $reviewDue, includeInactive: $includeInactive, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...ChildRow
        }
      }
    }
  }
`);

export const ReviewDueCountQuery = graphql(`
  query ReviewDueCount {
    children(reviewDue: true, first: 1) {
      totalCount
    }
  }
`);

export const CheckEligibilityQuery = graphql(`
  query CheckEligibility($input: EligibilityInput!) {
    checkEligibility(input: $input) {
      ...EligibilityFields
    }
  }
`);

export const RegisterChildMutation = graphql(`
  mutation RegisterChild($input: ChildInput!, $confirmNotDuplicate: Boolean) {
    registerChild(input: $input, confirmNotDuplicate: $confirmNotDuplicate) {
      ...ChildFile
    }
  }
`);

export const UpdateChildMutation = graphql(`
  mutation UpdateChild($id: ID!, $input: ChildInput!) {
    updateChild(id: $id, input: $input) {
      ...ChildFile
    }
  }
`);

export const ReviewChildMutation = graphql(`
  mutation ReviewChild($id: ID!, $note: String) {
    reviewChild(id: $id, note: $note) {
      id
      lastReviewedOn
      reviews {
        reviewedOn
        reviewer
        note
      }
      reviewDueOn
      reviewOverdue
      updatedAt
    }
  }
`);

export const RecordConsentMutation = graphql(`
  mutation RecordConsent($childId: ID!, $input: ConsentInput!) {
    recordConsent(childId: $childId, input: $input) {
      ...ConsentFields
    }
  }
`);

export const ChildViewsQuery = graphql(`
  query ChildViews($childId: ID!, $first: Int!, $after: String) {
    childViews(childId: $childId, first: $first, after: $after) {
      edges {
        cursor
        node {
          at
          actor
          parts
          ip
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

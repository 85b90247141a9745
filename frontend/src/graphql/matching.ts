import { graphql } from '../gql';

// Matching and the closed loop: candidates for a need, the staff board, the
// providers' inbox, delivered sessions, volunteer hours and notifications.
// Staff see the need and the child of a match; providers see neither, and
// read the child's minimal profile only through matchChildProfile (audited).

export const ScoreFactorFieldsFragment = graphql(`
  fragment ScoreFactorFields on ScoreFactor {
    factor
    value
    points
    max
  }
`);

export const SessionFieldsFragment = graphql(`
  fragment SessionFields on ServiceSession {
    id
    matchId
    title
    startsAt
    endsAt
    minutes
    attendance
    note
    hours
    hoursNote
    approvedBy
    approvedAt
    loggedBy
  }
`);

// What every list of matches shows, for staff and providers alike.
export const MatchRowFragment = graphql(`
  fragment MatchRow on Match {
    id
    status
    category
    entity
    offerId
    offerTitle
    providerOrganisation {
      id
      name
    }
    providerVolunteerName
    reason
    note
    score
    pairing {
      timesPerMonth
      weeks
    }
    createdAt
    updatedAt
  }
`);

export const MatchEventFieldsFragment = graphql(`
  fragment MatchEventFields on MatchEvent {
    from
    to
    reason
    note
    at
    actor
  }
`);

// A match as a provider works on it: no need, no child.
export const InboxMatchFragment = graphql(`
  fragment InboxMatch on Match {
    ...MatchRow
    history {
      ...MatchEventFields
    }
    bookings {
      id
      status
      startsAt
      position
    }
    sessions {
      ...SessionFields
    }
  }
`);

export const MatchDetailFragment = graphql(`
  fragment MatchDetail on Match {
    ...MatchRow
    factors {
      ...ScoreFactorFields
    }
    consentOverride
    child {
      id
      name
    }
    need {
      id
      category
      description
      status
      language
      place
      windows {
        day
        start
        end
      }
    }
    history {
      ...MatchEventFields
    }
    bookings {
      id
      status
      startsAt
      position
    }
    sessions {
      ...SessionFields
    }
  }
`);

export const MatchCandidatesQuery = graphql(`
  query MatchCandidates($needId: ID!) {
    matchCandidates(needId: $needId) {
      maxKm
      distanceFrom
      need {
        ...NeedFields
        matches {
          ...MatchRow
        }
      }
      candidates {
        entity
        id
        title
        organisationId
        organisationName
        startsAt
        endsAt
        distanceKm
        languages
        seatsLeft
        score
        factors {
          ...ScoreFactorFields
        }
        openMatchId
      }
    }
  }
`);

export const MatchQuery = graphql(`
  query Match($id: ID!) {
    match(id: $id) {
      ...MatchDetail
    }
  }
`);

export const MatchBoardQuery = graphql(`
  query MatchBoard($areaId: ID, $statuses: [MatchStatus!], $first: Int!, $after: String) {
    matchBoard(areaId: $areaId, statuses: $statuses, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...MatchRow
          child {
            id
            name
          }
        }
      }
    }
  }
`);

export const MatchInboxQuery = graphql(`
  query MatchInbox($statuses: [MatchStatus!], $first: Int!, $after: String) {
    matchInbox(statuses: $statuses, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...InboxMatch
        }
      }
    }
  }
`);

// Asked only when the provider opens it: every answer is recorded in the child's access log.
export const MatchChildProfileQuery = graphql(`
  query MatchChildProfile($matchId: ID!) {
    matchChildProfile(matchId: $matchId) {
      matchId
      name
      gender
      age
      languages
      disability
      communityName
      needNote
      windows {
        day
        start
        end
      }
      guardianRelation
      guardianPhone
      basis
    }
  }
`);

export const PendingHoursQuery = graphql(`
  query PendingHours($first: Int!, $after: String) {
    pendingHours(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...SessionFields
        }
      }
    }
  }
`);

export const MyHoursQuery = graphql(`
  query MyHours($first: Int!, $after: String) {
    myHours(first: $first, after: $after) {
      approvedMinutes
      pendingMinutes
      sessions {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          cursor
          node {
            ...SessionFields
          }
        }
      }
    }
  }
`);

export const NotificationFieldsFragment = graphql(`
  fragment NotificationFields on Notification {
    id
    kind
    title
    body
    matchId
    createdAt
    read
  }
`);

export const NotificationsQuery = graphql(`
  query Notifications($unreadOnly: Boolean, $first: Int!) {
    notifications(unreadOnly: $unreadOnly, first: $first) {
      unread
      totalCount
      edges {
        cursor
        node {
          ...NotificationFields
        }
      }
    }
  }
`);

// Changes of a match return the need's id and status, so a child's file
// (which holds its needs) is read again and shows where the need now stands.
export const ProposeMatchMutation = graphql(`
  mutation ProposeMatch($needId: ID!, $input: ProposeMatchInput!) {
    proposeMatch(needId: $needId, input: $input) {
      ...MatchRow
      need {
        id
        status
      }
    }
  }
`);

export const ProposeMatchesForAreaMutation = graphql(`
  mutation ProposeMatchesForArea($areaId: ID!) {
    proposeMatchesForArea(areaId: $areaId) {
      needs
      proposed
      noCandidate
      failed
      tookMs
      matches {
        ...MatchRow
      }
    }
  }
`);

export const SendMatchRequestsMutation = graphql(`
  mutation SendMatchRequests($ids: [ID!]!) {
    sendMatchRequests(ids: $ids) {
      ...MatchRow
      need {
        id
        status
      }
    }
  }
`);

export const RespondToMatchMutation = graphql(`
  mutation RespondToMatch($id: ID!, $accept: Boolean!, $reason: OutcomeReason, $note: String) {
    respondToMatch(id: $id, accept: $accept, reason: $reason, note: $note) {
      ...InboxMatch
    }
  }
`);

export const LogSessionMutation = graphql(`
  mutation LogSession($matchId: ID!, $input: SessionInput!) {
    logSession(matchId: $matchId, input: $input) {
      ...SessionFields
    }
  }
`);

export const CloseMatchMutation = graphql(`
  mutation CloseMatch($id: ID!, $status: MatchStatus!, $reason: OutcomeReason, $note: String) {
    closeMatch(id: $id, status: $status, reason: $reason, note: $note) {
      ...MatchRow
      history {
        ...MatchEventFields
      }
      need {
        id
        status
      }
    }
  }
`);

export const OverrideMatchConsentMutation = graphql(`
  mutation OverrideMatchConsent($id: ID!, $reason: String!) {
    overrideMatchConsent(id: $id, reason: $reason) {
      id
      consentOverride
      updatedAt
    }
  }
`);

export const ReviewHoursMutation = graphql(`
  mutation ReviewHours($ids: [ID!]!, $approve: Boolean!, $note: String) {
    reviewHours(ids: $ids, approve: $approve, note: $note) {
      ...SessionFields
    }
  }
`);

export const MarkNotificationsReadMutation = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]!) {
    markNotificationsRead(ids: $ids)
  }
`);

export const NotificationAddedSubscription = graphql(`
  subscription NotificationAdded {
    notificationAdded {
      ...NotificationFields
    }
  }
`);

export const MarkAllNotificationsReadMutation = graphql(`
  mutation MarkAllNotificationsRead {
    markAllNotificationsRead
  }
`);

import { graphql } from '../gql';

export const GrantFieldsFragment = graphql(`
  fragment GrantFields on RoleGrant {
    id
    role
    grantedAt
    grantedBy
    area {
      id
      name
      nameEn
      level
    }
    organisation {
      id
      name
      kind
    }
  }
`);

export const UserFieldsFragment = graphql(`
  fragment UserFields on User {
    id
    username
    displayName
    disabled
    lockedUntil
    createdAt
    lastSignInAt
    grants {
      ...GrantFields
    }
  }
`);

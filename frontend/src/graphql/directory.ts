import { graphql } from '../gql';

// Shared selections of the directory (supply side): what the pages show of
// organisations, services, volunteers, vetting, slots and events.

export const AreaNameFragment = graphql(`
  fragment AreaName on Area {
    id
    name
    nameEn
    level
  }
`);

export const OrganisationProfileFragment = graphql(`
  fragment OrganisationProfile on Organisation {
    id
    name
    kind
    area {
      ...AreaName
    }
    registrationNumber
    contactName
    contactPhone
    description
    address
    latitude
    longitude
    areasServed {
      ...AreaName
    }
    verification
    verificationNote
    verifiedAt
    canEdit
    canVerify
  }
`);

export const ServiceFieldsFragment = graphql(`
  fragment ServiceFields on Service {
    id
    name
    description
    categories
    minAge
    maxAge
    areasServed {
      ...AreaName
    }
    schedule {
      day
      start
      end
    }
    capacity
    languages
    funding
    status
    locations {
      id
      name
      address
      area {
        ...AreaName
      }
      latitude
      longitude
    }
    updatedAt
    canEdit
  }
`);

export const VettingItemFieldsFragment = graphql(`
  fragment VettingItemFields on VettingItem {
    id
    kind
    status
    completedOn
    expiresOn
    note
    recordedBy
    approvedBy
    approvedAt
    expiresSoon
    expired
  }
`);

export const VolunteerFieldsFragment = graphql(`
  fragment VolunteerFields on Volunteer {
    id
    displayName
    phone
    bio
    skills
    languages
    homeArea {
      ...AreaName
      parent {
        ...AreaName
      }
    }
    availability {
      day
      start
      end
    }
    hoursPerMonth
    organisations {
      id
      name
      kind
    }
    vetting {
      ...VettingItemFields
    }
    vetted
    vettingExpiresOn
    canManageVetting
  }
`);

export const SlotFieldsFragment = graphql(`
  fragment SlotFields on Slot {
    id
    seriesId
    title
    description
    categories
    startsAt
    endsAt
    capacity
    minAge
    maxAge
    childrenPerAdult
    bookingCutoff
    status
    canEdit
  }
`);

export const EventFieldsFragment = graphql(`
  fragment EventFields on Event {
    id
    title
    description
    categories
    startsAt
    endsAt
    place
    area {
      ...AreaName
    }
    latitude
    longitude
    capacity
    minAge
    maxAge
    registrationOpens
    registrationCloses
    status
    canEdit
  }
`);

export const DistrictsQuery = graphql(`
  query Districts {
    areas(level: DISTRICT) {
      ...AreaName
      latitude
      longitude
    }
  }
`);

import { graphql } from '../gql';

export const AreaChildrenQuery = graphql(`
  query AreaChildren($parentId: ID) {
    areas(parentId: $parentId) {
      id
      name
      nameEn
      level
      parent {
        id
        name
        nameEn
        level
      }
    }
  }
`);

export const AreaFields = graphql(`
  fragment AreaFields on Area {
    id
    name
    nameEn
    level
    latitude
    longitude
    canSetPoint
  }
`);

// The areas page's tree: each area with its point and whether the viewer may
// move it. The city is not listed itself but comes as the districts' parent,
// so the parent carries the same fields.
export const AreaTreeQuery = graphql(`
  query AreaTree($parentId: ID) {
    areas(parentId: $parentId) {
      ...AreaFields
      parent {
        ...AreaFields
      }
    }
  }
`);

export const ImportAreasMutation = graphql(`
  mutation ImportAreas($csv: String!) {
    importAreas(csv: $csv) {
      created
      updated
    }
  }
`);

export const SetAreaPointMutation = graphql(`
  mutation SetAreaPoint($areaId: ID!, $latitude: Float, $longitude: Float) {
    setAreaPoint(areaId: $areaId, latitude: $latitude, longitude: $longitude) {
      ...AreaFields
    }
  }
`);

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

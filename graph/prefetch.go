package graph

import (
	"context"
	"slices"

	"github.com/99designs/gqlgen/graphql"

	"flowcare/internal/flowcare"
)

// servicePageAsks is what a query asks of the services on a page, as far as
// the associations that primeServicePage reads go.
type servicePageAsks struct {
	organisation, orgArea, orgAreasServed bool
	areasServed, locationAreas            bool
	// areaParents: some area asked for is asked for its parent too.
	areaParents bool
}

// askedOfServices looks ahead from a ServiceConnection field at what its
// nodes ask for. Fragments count whatever their type condition: reading an
// association no field then uses costs a row, not a statement.
func askedOfServices(ctx context.Context) servicePageAsks {
	var asks servicePageAsks
	fc, oc := graphql.GetFieldContext(ctx), graphql.GetOperationContext(ctx)
	if fc == nil || oc == nil {
		return asks
	}
	under := func(sel []graphql.CollectedField, name string) []graphql.CollectedField {
		var out []graphql.CollectedField
		for _, f := range sel {
			if f.Name == name {
				out = append(out, graphql.CollectFields(oc, f.Selections, nil)...)
			}
		}
		return out
	}
	// parentOf notes whether an area field asks for its parent.
	parentOf := func(area graphql.CollectedField) {
		for _, f := range graphql.CollectFields(oc, area.Selections, nil) {
			asks.areaParents = asks.areaParents || f.Name == "parent"
		}
	}
	node := under(under(graphql.CollectFields(oc, fc.Field.Selections, nil), "edges"), "node")
	for _, f := range node {
		switch f.Name {
		case "areasServed":
			asks.areasServed = true
			parentOf(f)
		case "locations":
			for _, l := range graphql.CollectFields(oc, f.Selections, nil) {
				if l.Name == "area" {
					asks.locationAreas = true
					parentOf(l)
				}
			}
		case "organisation":
			asks.organisation = true
			for _, o := range graphql.CollectFields(oc, f.Selections, nil) {
				switch o.Name {
				case "area", "contactPhone", "canEdit", "canVerify":
					// The permission fields read the organisation's area too.
					asks.orgArea = true
					if o.Name == "area" {
						parentOf(o)
					}
				case "areasServed":
					asks.orgAreasServed = true
					parentOf(o)
				}
			}
		}
	}
	return asks
}

// primeServicePage fills the request's loaders with what the fields asked of
// a page of services will load, one statement per table: the locations came
// with the page, then the organisations are read, then every area any of them
// names, with the areas above them when a parent is asked for. Left to themselves the fields load in rounds, each batched by
// timing: the areas served and the locations' areas would be two statements,
// three under load, where this is one.
//
// It relies on ListServices returning each service with its locations. A read
// that fails primes nothing more; the fields then load for themselves and
// report the failure where it happens, as they did before.
func primeServicePage(ctx context.Context, res *Resolver, svs []*flowcare.Service) {
	if len(svs) == 0 {
		return
	}
	asks := askedOfServices(ctx)
	ld := loaders(ctx)
	var orgIDs, areaIDs []string
	for _, sv := range svs {
		ld.Locations.Prime(sv.ID, sv.Locations)
		orgIDs = append(orgIDs, sv.OrganisationID)
		if asks.areasServed {
			areaIDs = append(areaIDs, sv.AreasServed...)
		}
		if asks.locationAreas {
			for _, l := range sv.Locations {
				areaIDs = append(areaIDs, l.AreaID)
			}
		}
	}
	if asks.organisation {
		os, err := res.Reference.OrganisationsByIDs(ctx, distinct(orgIDs))
		if err != nil {
			return
		}
		for _, o := range os {
			ld.Organisations.Prime(o.ID, o)
			if asks.orgArea {
				areaIDs = append(areaIDs, o.AreaID)
			}
			if asks.orgAreasServed {
				areaIDs = append(areaIDs, o.AreasServed...)
			}
		}
	}
	if len(areaIDs) == 0 {
		return
	}
	read := res.Reference.AreasByIDs
	if asks.areaParents {
		read = res.Reference.AreasWithAncestors
	}
	as, err := read(ctx, distinct(areaIDs))
	if err != nil {
		return
	}
	for _, a := range as {
		ld.Areas.Prime(a.ID, a)
	}
}

func distinct(ids []string) []string {
	ids = slices.Clone(ids)
	slices.Sort(ids)
	return slices.Compact(ids)
}

// Package benchfig is how benchmarks report the figures `make bench` puts in
// its table: one tab-separated line per figure on standard output, which
// dev/benchtable.sh collects from the benchmarks' logs.
package benchfig

import (
	"fmt"
	"os"
	"strings"
)

// Figure is one measured figure beside its goal and the baseline measured in
// the same run (what the same work costs without flowcare's layer, or before
// the change that the figure is about).
type Figure struct {
	// Name says what was measured and at what size, e.g. "match, 1,000,000 offers: p99".
	Name string
	Goal string
	// Value and Baseline are formatted with their units.
	Value    string
	Baseline string
	// Met is whether Value meets Goal.
	Met bool
}

// Print writes the figure's line.
func Print(f Figure) {
	clean := func(s string) string { return strings.NewReplacer("\t", " ", "\n", " ").Replace(s) }
	met := "no"
	if f.Met {
		met = "yes"
	}
	fmt.Fprintf(os.Stdout, "figure\t%s\t%s\t%s\t%s\t%s\n", clean(f.Name), clean(f.Goal), clean(f.Value), clean(f.Baseline), met)
}

// CityURL is the database of the city-size data set when `make bench` runs
// against it (FLOWCARE_BENCH_DATABASE_URL), and "" otherwise; benchmarks then
// build the data they need themselves, at the size they state.
func CityURL() string { return os.Getenv("FLOWCARE_BENCH_DATABASE_URL") }

// CityPrefix is the Elasticsearch index prefix of the city-size data set.
func CityPrefix() string { return os.Getenv("FLOWCARE_BENCH_SEARCH_PREFIX") }

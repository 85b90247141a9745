package flowcare_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestImportRules enforces the layering of DESIGN.md: the domain package
// imports nothing of the project; adapters import the domain, never each
// other; use cases reach no adapter; resolvers reach no adapter. The secrets
// package is a leaf library (encryption at rest) that the PostgreSQL adapter uses.
func TestImportRules(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", `{{.ImportPath}}:{{join .Imports " "}}`, "flowcare/...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	adapters := []string{"flowcare/internal/postgres", "flowcare/search"}
	const secrets = "flowcare/internal/secrets"
	isFeature := func(p string) bool {
		return strings.HasPrefix(p, "flowcare/internal/") && p != "flowcare/internal/flowcare" && p != secrets &&
			!strings.HasPrefix(p, "flowcare/internal/postgres")
	}
	checked := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		pkg, imps, _ := strings.Cut(line, ":")
		checked++
		for _, imp := range strings.Fields(imps) {
			if !strings.HasPrefix(imp, "flowcare/") {
				continue
			}
			var bad string
			switch {
			case pkg == "flowcare/internal/flowcare" || pkg == secrets:
				bad = "the domain package and the secrets library import nothing of the project"
			case strings.HasPrefix(pkg, "flowcare/internal/postgres") && (imp == "flowcare/search" || isFeature(imp) || strings.HasPrefix(imp, "flowcare/graph")):
				bad = "the PostgreSQL adapter imports only the domain (and migrations)"
			case pkg == "flowcare/search" && (strings.HasPrefix(imp, "flowcare/internal/postgres") || isFeature(imp)):
				bad = "the search adapter imports only the domain"
			case isFeature(pkg) && (contains(adapters, imp) || strings.HasPrefix(imp, "flowcare/graph") || imp == "flowcare/server"):
				bad = "use cases depend on the domain's interfaces, not on adapters"
			case isFeature(pkg) && isFeature(imp):
				bad = "one feature package does not import another"
			case strings.HasPrefix(pkg, "flowcare/graph") && (contains(adapters, imp) || strings.HasPrefix(imp, "flowcare/internal/postgres")):
				bad = "resolvers call use cases, never adapters"
			}
			if bad != "" {
				t.Errorf("%s imports %s: %s", pkg, imp, bad)
			}
		}
	}
	if checked < 8 {
		t.Fatalf("only %d packages listed; the rule checked nothing useful", checked)
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}

// Package policycmptest helps Go tests assert what policy documents cover:
//
//	doc, _ := policycmp.IngestFile("plan.txt", policycmp.Options{})
//	doc.Classify(taxonomy.NewDict(taxonomy.Default(), taxonomy.DictOptions{}))
//	policycmptest.AssertCovers(t, doc, "pharma.procurement", "insurance.payment")
package policycmptest

import (
	"strings"
	"testing"

	"github.com/policycmp/policycmp"
)

// AssertCovers reports an error on t for every theme the document does not
// cover, naming the themes it does cover. It returns whether all are covered.
func AssertCovers(t testing.TB, doc *policycmp.Document, themes ...string) bool {
	t.Helper()
	cov := policycmp.NewCoverage(doc)
	ok := true
	for _, th := range themes {
		if !cov.Has(doc.ID, th) {
			t.Errorf("%s does not cover theme %s; it covers %s", doc.ID, th, strings.Join(cov.Themes(doc.ID), ", "))
			ok = false
		}
	}
	return ok
}

// AssertNotCovers reports an error for every theme the document covers.
func AssertNotCovers(t testing.TB, doc *policycmp.Document, themes ...string) bool {
	t.Helper()
	cov := policycmp.NewCoverage(doc)
	ok := true
	for _, th := range themes {
		if tasks := cov.Tasks(doc.ID, th); len(tasks) > 0 {
			t.Errorf("%s covers theme %s in %s", doc.ID, th, strings.Join(tasks, ", "))
			ok = false
		}
	}
	return ok
}

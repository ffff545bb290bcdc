// Package policycmptest helps Go tests assert what policy documents cover:
//
//	doc := policycmptest.Load(t, "testdata/plan.txt") // ingested and classified
//	policycmptest.AssertCovers(t, doc, "pharma.procurement", "insurance.payment")
package policycmptest

import (
	"strings"
	"testing"

	"github.com/policycmp/policycmp"
	"github.com/policycmp/policycmp/taxonomy"
)

// Load ingests the file at path and classifies its tasks against the
// default taxonomy; it stops the test with a clear message when the file
// cannot be read.
func Load(t testing.TB, path string) *policycmp.Document {
	t.Helper()
	doc, err := policycmp.IngestFile(path, policycmp.Options{})
	if err != nil {
		t.Fatalf("policycmptest: %v", err)
	}
	doc.Classify(taxonomy.NewDict(taxonomy.Default(), taxonomy.DictOptions{}))
	return doc
}

// AssertCovers reports an error on t for every theme the document does not
// cover, naming the themes it does cover. It returns whether all are
// covered. A theme ID the default taxonomy does not know, and a document
// whose tasks were never classified, are reported as such.
func AssertCovers(t testing.TB, doc *policycmp.Document, themes ...string) bool {
	t.Helper()
	if !checkable(t, doc, themes) {
		return false
	}
	cov := policycmp.NewCoverage(doc)
	ok := true
	for _, th := range themes {
		if !cov.Has(doc.ID, th) {
			covered := cov.Themes(doc.ID)
			what := strings.Join(covered, ", ")
			if len(covered) == 0 {
				what = "no theme"
			}
			t.Errorf("%s does not cover theme %s; it covers %s", doc.ID, th, what)
			ok = false
		}
	}
	return ok
}

// AssertNotCovers reports an error for every theme the document covers.
func AssertNotCovers(t testing.TB, doc *policycmp.Document, themes ...string) bool {
	t.Helper()
	if !checkable(t, doc, themes) {
		return false
	}
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

// checkable reports misspelled theme IDs and unclassified documents, which
// would otherwise read as "does not cover".
func checkable(t testing.TB, doc *policycmp.Document, themes []string) bool {
	t.Helper()
	ok := true
	tax := taxonomy.Default()
	for _, th := range themes {
		if _, known := tax.Theme(th); !known {
			t.Errorf("policycmptest: %q is not a theme of the default taxonomy (run 'policycmp taxonomy' for the IDs)", th)
			ok = false
		}
	}
	classified := false
	for _, task := range doc.Tasks {
		if len(task.Themes) > 0 {
			classified = true
			break
		}
	}
	if len(doc.Tasks) > 0 && !classified {
		t.Errorf("policycmptest: %s has not been classified: use policycmptest.Load, or call doc.Classify first", doc.ID)
		ok = false
	}
	return ok
}

package policycmp_test

import (
	"os"
	"path/filepath"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/policycmp/policycmp"
	"github.com/policycmp/policycmp/seeds"
)

// uncovered returns the byte offsets of the letters and digits of d.Raw
// that are in no task, section, table or removal a warning lists: text
// that ingest lost without saying so. Spaces and punctuation are not
// counted (they are squeezed and folded).
func uncovered(d *policycmp.Document) []int {
	cov := make([]bool, len(d.Raw)+1)
	mark := func(s, e int) {
		for i := max(s, 0); i < min(e, len(d.Raw)); i++ {
			cov[i] = true
		}
	}
	for _, t := range d.Tasks {
		mark(t.Start, t.End)
		for _, c := range t.Clauses {
			mark(c.Start, c.End)
		}
	}
	for _, s := range d.Sections {
		mark(s.Start, s.End)
	}
	for _, t := range d.Tables {
		mark(t.Start, t.End)
	}
	for _, w := range d.Warnings {
		for _, sp := range w.Spans {
			mark(sp[0], sp[1])
		}
	}
	var out []int
	for i, r := range d.Raw {
		if (unicode.IsLetter(r) || unicode.IsDigit(r)) && !cov[i] {
			out = append(out, i)
		}
	}
	return out
}

func assertCovered(t *testing.T, d *policycmp.Document) {
	t.Helper()
	miss := uncovered(d)
	if len(miss) == 0 {
		return
	}
	at := miss[0]
	end := min(len(d.Raw), at+60)
	for end < len(d.Raw) && !utf8.RuneStart(d.Raw[end]) {
		end++
	}
	assert.Empty(t, miss, "%s: %d letters or digits in no task, section, table or warning, first at %d: %q", d.Source, len(miss), at, d.Raw[at:end])
}

// Every character of the input is in the model or in a removal a warning
// lists with its span: on the seeds, and on the real documents when
// ../shared is beside the checkout.
func TestNothingLostSilently(t *testing.T) {
	for _, n := range seeds.Names() {
		data, err := seeds.Read(n)
		require.NoError(t, err)
		d, err := policycmp.Ingest(n, data, policycmp.Options{})
		require.NoError(t, err)
		assertCovered(t, d)
	}
	files, _ := filepath.Glob("../shared/real/*.txt")
	if len(files) == 0 {
		t.Log("no ../shared/real beside the checkout: only the seeds are checked")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		d, err := policycmp.Ingest(filepath.Base(f), data, policycmp.Options{})
		require.NoError(t, err)
		assertCovered(t, d)
	}
}

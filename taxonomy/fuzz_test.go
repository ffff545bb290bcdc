package taxonomy_test

import (
	"strings"
	"testing"

	"github.com/policycmp/policycmp/taxonomy"
)

// FuzzLoad: any JSON or YAML gives a taxonomy or an error, never a panic
// (YAML alias bombs are bounded).
func FuzzLoad(f *testing.F) {
	for _, s := range []string{"themes:\n- id: a.b\n  domain: a\n  terms: [医保]\n", `{"themes":[{"id":"a.b","domain":"a","terms":["re:医保\\p{Han}"]}]}`,
		"a: &a [*a, *a]\n", "themes: [", "re:"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tax, err := taxonomy.Load(strings.NewReader(s))
		if err == nil && len(tax.Themes) == 0 {
			t.Fatalf("a valid taxonomy without themes")
		}
	})
}

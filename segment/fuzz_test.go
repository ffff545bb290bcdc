package segment_test

import (
	"strings"
	"testing"

	"github.com/policycmp/policycmp/segment"
)

// FuzzConcepts: the concepts of any text, valid UTF-8 or not, are forms
// found in it, in order and without overlap, and each (concept, form)
// once.
func FuzzConcepts(f *testing.F) {
	f.Add("完善医保付费总额控制,推进县域医共体建设")
	f.Add("\xff总额\xfe控制")
	f.Add("")
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 4000 {
			return
		}
		seen := map[segment.Mention]bool{}
		at := 0
		for _, m := range segment.Concepts(text) {
			if seen[m] {
				t.Fatalf("%v listed twice", m)
			}
			seen[m] = true
			k := strings.Index(text[at:], m.Form)
			if k < 0 {
				if !strings.Contains(text, m.Form) {
					t.Fatalf("form %q is not in the text", m.Form)
				}
				continue // an earlier place of a form named again later
			}
			at += k + len(m.Form)
		}
	})
}

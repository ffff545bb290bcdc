package align_test

import (
	"strings"
	"testing"

	"github.com/policycmp/policycmp/align"
)

// FuzzDiff: a character diff and a word diff always rebuild both texts
// (invalid UTF-8 replaced, very long texts clipped as Diff documents).
func FuzzDiff(f *testing.F) {
	f.Add("推进医联体建设", "推进紧密型医联体建设")
	f.Add("\xff\xfe", "a")
	f.Add("", "完善")
	f.Fuzz(func(t *testing.T, a, b string) {
		if len(a) > 4000 || len(b) > 4000 {
			return
		}
		ga, gb := align.Sides(align.Diff(a, b))
		if ga != strings.ToValidUTF8(a, "\uFFFD") || gb != strings.ToValidUTF8(b, "\uFFFD") {
			t.Fatalf("Diff does not rebuild its texts")
		}
		wa, wb := strings.Fields(a), strings.Fields(b)
		ta, tb := align.Sides(align.DiffTokens(wa, wb))
		if ta != validJoin(wa) || tb != validJoin(wb) {
			t.Fatalf("DiffTokens does not rebuild its words")
		}
	})
}

// validJoin joins words each made valid UTF-8, as DiffTokens codes them.
func validJoin(ws []string) string {
	var b strings.Builder
	for _, w := range ws {
		b.WriteString(strings.ToValidUTF8(w, "\uFFFD"))
	}
	return b.String()
}

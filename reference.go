package policycmp

import (
	"math"
	"strings"
	"sync"

	"golang.org/x/text/unicode/norm"

	"github.com/policycmp/policycmp/align"
	"github.com/policycmp/policycmp/seeds"
)

// referencePairIDF gives every character pair a weight from a fixed
// reference, the embedded seed documents: log(1 + N/df) over their
// sentences (split at 。；!? and line breaks, NFKC-folded). Pair weights
// then do not depend on the documents being compared, so a pair of clauses
// scores the same in any run. Built on first use (about 95 KB of text),
// never written after.
var referencePairIDF = sync.OnceValue(func() func(string) (float64, bool) {
	df := map[string]int{}
	n := 0
	for _, name := range seeds.Names() {
		data, err := seeds.Read(name)
		if err != nil {
			continue
		}
		text := norm.NFKC.String(string(data))
		for _, sent := range strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune("。；;!?！？\n\r", r) }) {
			seen := map[string]bool{}
			for _, p := range align.Bigrams(sent) { // the pairs the aligner weighs
				seen[p] = true
			}
			if len(seen) == 0 {
				continue
			}
			n++
			for k := range seen {
				df[k]++
			}
		}
	}
	idf := make(map[string]float64, len(df))
	for k, c := range df {
		idf[k] = math.Log(1 + float64(n)/float64(c))
	}
	return func(pair string) (float64, bool) {
		v, ok := idf[pair]
		return v, ok
	}
})

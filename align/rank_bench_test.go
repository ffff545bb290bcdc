package align_test

import (
	"context"
	"sync"
	"testing"

	"github.com/policycmp/policycmp"
	"github.com/policycmp/policycmp/align"
	"github.com/policycmp/policycmp/internal/scale"
)

var phraseIndex = sync.OnceValues(func() (*align.Index, error) {
	ctx := context.Background()
	g, err := scale.New(ctx)
	if err != nil {
		return nil, err
	}
	docs := g.Generate(benchDocs, 1)
	parsed := make([]*policycmp.Document, len(docs))
	for i, d := range docs {
		if parsed[i], err = policycmp.IngestContext(ctx, d.Name, []byte(d.Text), policycmp.Options{}); err != nil {
			return nil, err
		}
	}
	ix, _, err := policycmp.NewAligner(nil).PhraseIndex(ctx, parsed)
	return ix, err
})

// BenchmarkRank ranks the candidates of every phrase of benchDocs generated
// documents (92k phrases at 250): the exact, bound-pruned candidate search.
func BenchmarkRank(b *testing.B) {
	ix, err := phraseIndex()
	if err != nil {
		b.Skip(err)
	}
	opts := align.New(align.Options{}).Options()
	for b.Loop() {
		if err := ix.RankAll(context.Background(), policycmp.ModelCandidates, opts.Budget); err != nil {
			b.Fatal(err)
		}
	}
}

const benchDocs = 250

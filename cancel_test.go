package policycmp_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/policycmp/policycmp"
	"github.com/policycmp/policycmp/internal/scale"
)

// A cancelled context stops a long comparison promptly.
func TestCompareCancel(t *testing.T) {
	gen, err := scale.New(context.Background())
	require.NoError(t, err)
	var docs []*policycmp.Document
	for _, g := range gen.Generate(60, 7) {
		d, err := policycmp.IngestString(g.Name, g.Text)
		require.NoError(t, err)
		docs = append(docs, d)
	}
	ctx, cancel := context.WithCancel(context.Background())
	go func() { time.Sleep(20 * time.Millisecond); cancel() }()
	_, err = policycmp.Compare(ctx, docs, policycmp.Config{Aligner: policycmp.NewAligner(nil)})
	assert.ErrorIs(t, err, context.Canceled)
}

func TestCompareRejectsDuplicateIDs(t *testing.T) {
	a, err := policycmp.IngestString("a.txt", "一、任务\n(一)推进医联体建设。")
	require.NoError(t, err)
	_, err = policycmp.Compare(context.Background(), []*policycmp.Document{a, a}, policycmp.Config{})
	assert.ErrorContains(t, err, "duplicate document ID")
}

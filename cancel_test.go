package policycmp_test

import (
	"context"
	"strings"
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

// Ingest stops when its context is cancelled, even inside one large input.
func TestIngestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := policycmp.IngestContext(ctx, "a.txt", []byte("一、任务\n(一)推进医联体建设。"), policycmp.Options{})
	assert.ErrorIs(t, err, context.Canceled)

	big := []byte(strings.Repeat("(一)推进医联体建设,完善分级诊疗。\n", 200000))
	ctx, cancel = context.WithCancel(context.Background())
	go func() { time.Sleep(20 * time.Millisecond); cancel() }()
	start := time.Now()
	_, err = policycmp.IngestContext(ctx, "big.txt", big, policycmp.Options{})
	assert.ErrorIs(t, err, context.Canceled)
	assert.Less(t, time.Since(start), 5*time.Second, "stops well before the whole input is parsed")
}

package policycmp_test

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/policycmp/policycmp"
)

func TestWriteJSONMatchesEncoding(t *testing.T) {
	docs := loadSeeds(t)
	res, err := policycmp.Compare(context.Background(), docs[:2], policycmp.Config{Aligner: policycmp.NewAligner(nil)})
	require.NoError(t, err)
	for _, indent := range []string{"", " "} {
		var streamed bytes.Buffer
		require.NoError(t, policycmp.WriteJSON(&streamed, res, indent, "extra", map[string]int{"n": 1}))
		var got, want map[string]any
		require.NoError(t, json.Unmarshal(streamed.Bytes(), &got), streamed.String()[:200])
		whole, err := json.Marshal(struct {
			*policycmp.Result
			Extra map[string]int `json:"extra"`
		}{res, map[string]int{"n": 1}})
		require.NoError(t, err)
		require.NoError(t, json.Unmarshal(whole, &want))
		assert.Equal(t, want, got, "streamed JSON equals the one-shot encoding (indent %q)", indent)
	}
}

// Empty lists are [] in the JSON, never null.
func TestJSONEmptyListsNotNull(t *testing.T) {
	d, err := policycmp.IngestString("a.txt", "一、")
	require.NoError(t, err)
	res, err := policycmp.Compare(context.Background(), []*policycmp.Document{d}, policycmp.Config{})
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, policycmp.WriteJSON(&buf, res, " ", "", nil))
	assert.NotContains(t, buf.String(), "null")
}

package align

import (
	"encoding/json"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Kinds and relations are bytes that read, print and marshal as their names.
func TestKindAndRelationAsNames(t *testing.T) {
	b, err := json.Marshal(struct {
		K Kind     `json:"kind"`
		R Relation `json:"relation,omitempty"`
		N Relation `json:"none,omitempty"`
	}{Equivalent, Weaker, 0})
	require.NoError(t, err)
	assert.JSONEq(t, `{"kind":"equivalent","relation":"weaker"}`, string(b))

	var v struct {
		K Kind     `json:"kind"`
		R Relation `json:"relation"`
	}
	require.NoError(t, json.Unmarshal([]byte(`{"kind":"related","relation":"adapted"}`), &v))
	assert.Equal(t, Related, v.K)
	assert.Equal(t, Adapted, v.R)
	assert.Error(t, json.Unmarshal([]byte(`{"kind":"same"}`), &v), "a relation's name is no kind")
	k, err := ParseKind("equivalent")
	assert.NoError(t, err)
	assert.Equal(t, Equivalent, k)
	_, err = ParseKind("Equivalent")
	assert.Error(t, err)
	assert.Equal(t, "stronger", Stronger.String())
	assert.Equal(t, "", Relation(0).String())
	assert.Equal(t, "9", Kind(9).String())
	_, err = json.Marshal(Kind(9))
	assert.Error(t, err, "an unknown kind does not marshal")
}

// A link is kept small: there are millions at 1,000 documents.
func TestLinkIsSmall(t *testing.T) {
	assert.LessOrEqual(t, unsafe.Sizeof(Link{}), uintptr(56))
}

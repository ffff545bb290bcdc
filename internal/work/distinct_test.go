package work

import (
	"slices"
	"testing"
)

func TestDistinct(t *testing.T) {
	in := []string{"b", "a", "b", "c", "a", "b"}
	ids, keys := Distinct(len(in), func(i int) string { return in[i] })
	if want := []int32{0, 1, 0, 2, 1, 0}; !slices.Equal(ids, want) {
		t.Errorf("ids = %v, want %v", ids, want)
	}
	if want := []string{"b", "a", "c"}; !slices.Equal(keys, want) {
		t.Errorf("keys = %v, want %v (first appearance)", keys, want)
	}
	if ids, keys := Distinct(0, func(int) string { return "" }); len(ids) != 0 || len(keys) != 0 {
		t.Errorf("no keys: %v %v", ids, keys)
	}
}

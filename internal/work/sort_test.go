package work

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

type keyed struct{ key, index int }

func byKeyThenIndex(a, b keyed) int {
	return cmp.Or(cmp.Compare(a.key, b.key), cmp.Compare(a.index, b.index))
}

func TestSortMatchesSlicesSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 100, MinParallelSort - 1, MinParallelSort, 100_000} {
		for _, keys := range []int{1, 3, 1000, 1 << 30} { // all equal, few distinct, many, nearly all distinct
			s := make([]keyed, n)
			for i := range s {
				s[i] = keyed{rng.IntN(keys), i}
			}
			want := slices.Clone(s)
			slices.SortFunc(want, byKeyThenIndex)
			Sort(s, byKeyThenIndex)
			if !slices.Equal(s, want) {
				t.Fatalf("n=%d keys=%d: order differs from slices.SortFunc", n, keys)
			}
		}
	}
}

func TestSortTiesAreAFunctionOfTheInput(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	s := make([]keyed, 200_000)
	for i := range s {
		s[i] = keyed{rng.IntN(50), i}
	}
	byKey := func(a, b keyed) int { return cmp.Compare(a.key, b.key) }
	a, b := slices.Clone(s), slices.Clone(s)
	Sort(a, byKey)
	Sort(b, byKey)
	if !slices.IsSortedFunc(a, byKey) {
		t.Fatal("not sorted")
	}
	if !slices.Equal(a, b) {
		t.Error("two sorts of the same input order ties differently")
	}
	slices.SortFunc(s, byKeyThenIndex)
	slices.SortFunc(a, byKeyThenIndex)
	if !slices.Equal(a, s) {
		t.Error("not a permutation of the input")
	}
}

func BenchmarkSort(b *testing.B) {
	rng := rand.New(rand.NewPCG(5, 6))
	in := make([]keyed, 1<<20)
	for i := range in {
		in[i] = keyed{rng.IntN(1 << 30), i}
	}
	s := make([]keyed, len(in))
	b.Run("work.Sort", func(b *testing.B) {
		for b.Loop() {
			copy(s, in)
			Sort(s, byKeyThenIndex)
		}
	})
	b.Run("slices.SortFunc", func(b *testing.B) {
		for b.Loop() {
			copy(s, in)
			slices.SortFunc(s, byKeyThenIndex)
		}
	})
}

// SortMerge leaves one element a key, keys ascending, each the merge of all
// the elements of its key, however they were ordered and on however many
// cores the sort ran.
func TestSortMerge(t *testing.T) {
	type kv struct {
		key uint64
		max int
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{0, 1, 7, MinParallelSort * 3} {
		s := make([]kv, n)
		want := map[uint64]int{}
		for i := range s {
			s[i] = kv{uint64(rng.IntN(n/3 + 1)), rng.IntN(1000)}
			want[s[i].key] = max(want[s[i].key], s[i].max)
		}
		got := SortMerge(s, func(x kv) uint64 { return x.key }, func(into *kv, x kv) { into.max = max(into.max, x.max) })
		if len(got) != len(want) {
			t.Fatalf("n=%d: %d keys merged, want %d", n, len(got), len(want))
		}
		for i, x := range got {
			if i > 0 && got[i-1].key >= x.key {
				t.Fatalf("n=%d: keys out of order at %d", n, i)
			}
			if want[x.key] != x.max {
				t.Fatalf("n=%d: key %d merged to %d, want %d", n, x.key, x.max, want[x.key])
			}
		}
	}
}

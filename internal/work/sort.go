package work

import (
	"cmp"
	"runtime"
	"slices"
	"sync"
)

// MinParallelSort is the length from which Sort splits its slice across
// cores; shorter slices are sorted by slices.SortFunc alone.
const MinParallelSort = 1 << 14

// pivotSample is how many evenly spaced elements Sort's pivot is the
// median of: enough that the two sides rarely differ by more than a tenth.
const pivotSample = 31

// Sort sorts s by cmp on up to GOMAXPROCS cores: it partitions s around
// the median of a sample (three ways: below, equal to, above), and sorts
// the two outer parts at the same time, each by slices.SortFunc once no
// core is left to split it further. Like slices.SortFunc it is not
// stable, and its order of equal elements may differ from that one's, but
// it is a function of s alone: the same input gives the same output, so a
// cmp that orders every pair (ties broken by an index) sorts
// deterministically.
func Sort[E any](s []E, cmp func(a, b E) int) {
	sortOn(s, cmp, runtime.GOMAXPROCS(0))
}

func sortOn[E any](s []E, cmp func(a, b E) int, workers int) {
	if workers <= 1 || len(s) < MinParallelSort {
		slices.SortFunc(s, cmp)
		return
	}
	lt, gt := partition3(s, pivotOf(s, cmp), cmp)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		sortOn(s[:lt], cmp, workers/2)
	}()
	sortOn(s[gt:], cmp, workers-workers/2)
	wg.Wait()
}

// pivotOf is the median of pivotSample elements of s spread evenly over it.
func pivotOf[E any](s []E, cmp func(a, b E) int) E {
	sample := make([]E, pivotSample)
	for k := range sample {
		sample[k] = s[k*(len(s)-1)/(pivotSample-1)]
	}
	slices.SortFunc(sample, cmp)
	return sample[pivotSample/2]
}

// partition3 reorders s into the elements below p, those equal to p and
// those above it, and returns where the equal ones start and end.
func partition3[E any](s []E, p E, cmp func(a, b E) int) (lt, gt int) {
	i, gt := 0, len(s)
	for i < gt {
		switch c := cmp(s[i], p); {
		case c < 0:
			s[lt], s[i] = s[i], s[lt]
			lt++
			i++
		case c > 0:
			gt--
			s[i], s[gt] = s[gt], s[i]
		default:
			i++
		}
	}
	return lt, gt
}

// SortMerge sorts s by key (Sort) and merges each run of one key into its
// first element, merge(&first, other) for each other, in place. It returns
// the merged prefix of s: one element a key, keys ascending. merge must
// give the same result in any order (a maximum, an or) for the output to
// be a function of s alone.
func SortMerge[E any](s []E, key func(E) uint64, merge func(into *E, x E)) []E {
	Sort(s, func(a, b E) int { return cmp.Compare(key(a), key(b)) })
	out := s[:0]
	for _, x := range s {
		if n := len(out); n > 0 && key(out[n-1]) == key(x) {
			merge(&out[n-1], x)
			continue
		}
		out = append(out, x)
	}
	return out
}

// Package topk keeps the best k items of a stream in a bounded heap, for
// the candidate search (align) and the strongest pairs of a report.
package topk

// Push adds x to h, a heap of at most k items with the worst at the root,
// and returns h: while h holds fewer than k, x joins it; then x replaces
// the root when it is better. better(a, b) reports whether a ranks above b.
func Push[T any](h []T, k int, x T, better func(a, b T) bool) []T {
	switch {
	case k <= 0:
		return h
	case len(h) < k:
		h = append(h, x)
		for c := len(h) - 1; c > 0; {
			p := (c - 1) / 2
			if !better(h[p], h[c]) { // the parent must rank below its children
				break
			}
			h[c], h[p] = h[p], h[c]
			c = p
		}
	case better(x, h[0]):
		h[0] = x
		for i := 0; ; {
			l := 2*i + 1
			if l >= len(h) {
				break
			}
			m := l
			if r := l + 1; r < len(h) && better(h[l], h[r]) {
				m = r
			}
			if !better(h[i], h[m]) {
				break
			}
			h[i], h[m] = h[m], h[i]
			i = m
		}
	}
	return h
}

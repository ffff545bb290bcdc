package align

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Passage is a stretch of text two units share near-verbatim, found by
// local alignment.
type Passage struct {
	A, B       string // unit IDs
	AStart     int    // byte offsets into the units' texts
	AEnd       int
	BStart     int
	BEnd       int
	Text       string // the passage as it stands in A
	Score      int    // Smith–Waterman score
	Identities int    // characters that match exactly
}

// Scoring of the local alignment, as the Legislative Influence Detector
// scores words: match +3, mismatch −1, gap −2.
const (
	swMatch    = 3
	swMismatch = -1
	swGap      = -2
)

// LocalAlign runs Smith–Waterman on the characters of a and b and returns
// the best-scoring local alignment as rune spans and its identity count.
func LocalAlign(a, b []rune) (aStart, aEnd, bStart, bEnd, score, ident int) {
	n, m := len(a), len(b)
	if n == 0 || m == 0 {
		return
	}
	h := make([][]int32, n+1)
	for i := range h {
		h[i] = make([]int32, m+1)
	}
	bi, bj := 0, 0
	var best int32
	for i := 1; i <= n; i++ {
		for j := 1; j <= m; j++ {
			s := int32(swMismatch)
			if a[i-1] == b[j-1] {
				s = swMatch
			}
			v := max(0, h[i-1][j-1]+s, h[i-1][j]+swGap, h[i][j-1]+swGap)
			h[i][j] = v
			if v > best {
				best, bi, bj = v, i, j
			}
		}
	}
	i, j := bi, bj
	for i > 0 && j > 0 && h[i][j] > 0 {
		s := int32(swMismatch)
		if a[i-1] == b[j-1] {
			s = swMatch
		}
		switch {
		case h[i][j] == h[i-1][j-1]+s:
			if a[i-1] == b[j-1] {
				ident++
			}
			i--
			j--
		case h[i][j] == h[i-1][j]+swGap:
			i--
		default:
			j--
		}
	}
	return i, bi, j, bj, int(best), ident
}

// ReuseOptions tune reuse detection. The zero value uses the defaults.
type ReuseOptions struct {
	// MinChars is the least number of identical characters a passage needs; 0 means 15.
	MinChars int
	// MinIdentity is the least share of identical characters; 0 means 0.8.
	MinIdentity float64
}

// Reuse finds passages that linked units share near-verbatim. It runs the
// local alignment only on linked pairs, so its cost follows the links.
func Reuse(ctx context.Context, byID map[string]Unit, links []Link, opts ReuseOptions) ([]Passage, error) {
	if opts.MinChars == 0 {
		opts.MinChars = 15
	}
	if opts.MinIdentity == 0 {
		opts.MinIdentity = 0.8
	}
	var out []Passage
	for k, l := range links {
		if k%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("align: reuse: %w", err)
			}
		}
		ua, ok1 := byID[l.A]
		ub, ok2 := byID[l.B]
		if !ok1 || !ok2 {
			continue
		}
		ra, rb := []rune(ua.Text), []rune(ub.Text)
		if len(ra) > 2000 || len(rb) > 2000 {
			continue
		}
		as, ae, bs, be, score, ident := LocalAlign(ra, rb)
		length := max(ae-as, be-bs)
		if ident < opts.MinChars || float64(ident) < opts.MinIdentity*float64(length) {
			continue
		}
		p := Passage{A: l.A, B: l.B, Score: score, Identities: ident,
			AStart: byteOff(ra, as), AEnd: byteOff(ra, ae), BStart: byteOff(rb, bs), BEnd: byteOff(rb, be),
			Text: string(ra[as:ae])}
		out = append(out, p)
	}
	slices.SortFunc(out, func(x, y Passage) int {
		if c := strings.Compare(x.A, y.A); c != 0 {
			return c
		}
		return strings.Compare(x.B, y.B)
	})
	return out, nil
}

func byteOff(rs []rune, i int) int {
	n := 0
	for _, r := range rs[:i] {
		n += utf8.RuneLen(r)
	}
	return n
}

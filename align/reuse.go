package align

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/policycmp/policycmp/internal/work"
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
// It keeps two rows of the score matrix, with the start and the identities
// of the best path into each cell, so memory grows with len(b) only.
func LocalAlign(a, b []rune) (aStart, aEnd, bStart, bEnd, score, ident int) {
	n, m := len(a), len(b)
	if n == 0 || m == 0 {
		return
	}
	type cell struct {
		h          int32
		si, sj, id int32 // start of the path, identities on it
	}
	prev, cur := make([]cell, m+1), make([]cell, m+1)
	var best cell
	bi, bj := 0, 0
	for i := 1; i <= n; i++ {
		cur[0] = cell{}
		for j := 1; j <= m; j++ {
			match := a[i-1] == b[j-1]
			s := int32(swMismatch)
			if match {
				s = swMatch
			}
			c := cell{}
			if d := prev[j-1]; d.h+s > 0 {
				c = cell{h: d.h + s, si: d.si, sj: d.sj, id: d.id}
				if d.h == 0 {
					c.si, c.sj, c.id = int32(i-1), int32(j-1), 0
				}
				if match {
					c.id++
				}
			}
			if u := prev[j]; u.h+swGap > c.h {
				c = cell{h: u.h + swGap, si: u.si, sj: u.sj, id: u.id}
			}
			if l := cur[j-1]; l.h+swGap > c.h {
				c = cell{h: l.h + swGap, si: l.si, sj: l.sj, id: l.id}
			}
			cur[j] = c
			if c.h > best.h {
				best, bi, bj = c, i, j
			}
		}
		prev, cur = cur, prev
	}
	if best.h == 0 {
		return 0, 0, 0, 0, 0, 0
	}
	return int(best.si), bi, int(best.sj), bj, int(best.h), int(best.id)
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
	work.Default(&opts.MinChars, 15)
	work.Default(&opts.MinIdentity, 0.8)
	found := make([]*Passage, len(links))
	if err := work.Do(ctx, len(links), 0, func(k int) { found[k] = passage(byID, links[k], opts) }); err != nil {
		return nil, fmt.Errorf("align: reuse: %w", err)
	}
	var out []Passage
	for _, p := range found {
		if p != nil {
			out = append(out, *p)
		}
	}
	slices.SortFunc(out, func(x, y Passage) int {
		if c := strings.Compare(x.A, y.A); c != 0 {
			return c
		}
		return strings.Compare(x.B, y.B)
	})
	return out, nil
}

func passage(byID map[string]Unit, l Link, opts ReuseOptions) *Passage {
	ua, ok1 := byID[l.A]
	ub, ok2 := byID[l.B]
	if !ok1 || !ok2 {
		return nil
	}
	ra, rb := []rune(ua.Text), []rune(ub.Text)
	if len(ra) > 600 || len(rb) > 600 {
		return nil // a sentence that long is a parse failure; its reuse shows in its parts
	}
	var as, ae, bs, be, score, ident int
	if ua.Text == ub.Text { // verbatim: the whole text, no alignment needed
		as, ae, bs, be, score, ident = 0, len(ra), 0, len(rb), swMatch*len(ra), len(ra)
	} else {
		as, ae, bs, be, score, ident = LocalAlign(ra, rb)
	}
	length := max(ae-as, be-bs)
	if ident < opts.MinChars || float64(ident) < opts.MinIdentity*float64(length) {
		return nil
	}
	return &Passage{A: l.A, B: l.B, Score: score, Identities: ident,
		AStart: byteOff(ra, as), AEnd: byteOff(ra, ae), BStart: byteOff(rb, bs), BEnd: byteOff(rb, be),
		Text: string(ra[as:ae])}
}

func byteOff(rs []rune, i int) int {
	n := 0
	for _, r := range rs[:i] {
		n += utf8.RuneLen(r)
	}
	return n
}

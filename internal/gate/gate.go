// Package gate derives, from a regular expression's syntax, cheap tests
// that rule texts out before the regexp engine runs: a literal every match
// holds (Literal), the runes a match can start with (First), and a pair of
// runes every match holds in order (Pair). Each is a necessary condition,
// never a sufficient one: a text it admits still goes to the engine.
package gate

import (
	"regexp"
	"regexp/syntax"
	"slices"
)

// Literal is the longest literal text every match of re contains
// (a literal of its top-level sequence, looked for inside groups), or ""
// when there is none. A text without it has no match, which a substring
// search tells far sooner than the regexp engine does.
func Literal(re *regexp.Regexp) string {
	t, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return ""
	}
	var best string
	var walk func(t *syntax.Regexp)
	walk = func(t *syntax.Regexp) {
		switch t.Op {
		case syntax.OpLiteral:
			if t.Flags&syntax.FoldCase == 0 && len(string(t.Rune)) > len(best) {
				best = string(t.Rune)
			}
		case syntax.OpCapture:
			walk(t.Sub[0])
		case syntax.OpConcat:
			for _, sub := range t.Sub {
				walk(sub)
			}
		case syntax.OpPlus, syntax.OpRepeat:
			if t.Op == syntax.OpPlus || t.Min > 0 {
				walk(t.Sub[0])
			}
		}
	}
	walk(t.Simplify())
	return best
}

// Pair is a necessary condition for a match of a pattern, derived from
// the pattern itself: a pattern that is a sequence whose first part that
// cannot be empty is A, followed by parts that may be empty and then by a
// part C that cannot, matches only where a rune that can end A is followed,
// after runes the parts between can hold, by a rune that can start C. A
// number with its unit (3个, 80%) is rare in a clause, while the regexp
// engine tries every position of every clause; the gate reads each rune
// once. The zero Pair (a pattern of another shape) admits every text.
type Pair struct {
	ok              bool
	last, gap, next Runes
}

// NewPair derives the gate of re.
func NewPair(re *regexp.Regexp) Pair {
	t, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return Pair{}
	}
	t = t.Simplify()
	for t.Op == syntax.OpCapture {
		t = t.Sub[0]
	}
	if t.Op != syntax.OpConcat {
		return Pair{}
	}
	a := slices.IndexFunc(t.Sub, func(s *syntax.Regexp) bool { return !nullable(s) })
	if a < 0 {
		return Pair{}
	}
	var g Pair
	var ok bool
	if g.last, ok = edgeRunes(t.Sub[a], false); !ok {
		return Pair{}
	}
	for _, s := range t.Sub[a+1:] {
		if nullable(s) {
			if !allRunes(s, &g.gap) {
				return Pair{}
			}
			continue
		}
		if g.next, ok = edgeRunes(s, true); !ok {
			return Pair{}
		}
		g.ok = true
		return g
	}
	return Pair{} // nothing after A that must be there
}

// OK reports whether the pattern has a gate (without one, Admits admits
// every text).
func (g *Pair) OK() bool { return g.ok }

// Admits reports whether s may hold a match (always, without a gate).
func (g *Pair) Admits(s string) bool {
	if !g.ok {
		return true
	}
	pending := false // the runes since one that can end A could all lie between
	for _, r := range s {
		if pending && g.next.Has(r) {
			return true
		}
		switch {
		case g.last.Has(r):
			pending = true
		case !g.gap.Has(r):
			pending = false
		}
	}
	return false
}

// First is the set of runes a match of re can start with; ok is false
// when re can match the empty text or holds what the set does not model
// (any character, case folding). A text whose rune at a position is not in
// the set has no match starting there.
func First(re *regexp.Regexp) (set Runes, ok bool) {
	t, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return Runes{}, false
	}
	t = t.Simplify()
	if nullable(t) {
		return Runes{}, false
	}
	return edgeRunes(t, true)
}

// nullable reports whether t can match the empty text (conservatively
// true for what it does not know).
func nullable(t *syntax.Regexp) bool {
	switch t.Op {
	case syntax.OpLiteral:
		return len(t.Rune) == 0
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return false
	case syntax.OpCapture, syntax.OpPlus:
		return nullable(t.Sub[0])
	case syntax.OpRepeat:
		return t.Min == 0 || nullable(t.Sub[0])
	case syntax.OpConcat:
		for _, s := range t.Sub {
			if !nullable(s) {
				return false
			}
		}
		return true
	case syntax.OpAlternate:
		return slices.ContainsFunc(t.Sub, nullable)
	}
	return true
}

// edgeRunes is the set of runes a match of t can start with (first) or end
// with; ok is false where t holds something the gate does not model (any
// character, case folding). Assertions (^, $, \b) hold no rune.
func edgeRunes(t *syntax.Regexp, first bool) (Runes, bool) {
	var out Runes
	var walk func(t *syntax.Regexp) bool
	walk = func(t *syntax.Regexp) bool {
		switch t.Op {
		case syntax.OpLiteral:
			if t.Flags&syntax.FoldCase != 0 {
				return false
			}
			if len(t.Rune) > 0 {
				r := t.Rune[len(t.Rune)-1]
				if first {
					r = t.Rune[0]
				}
				out.add(r, r)
			}
			return true
		case syntax.OpCharClass:
			out.addRanges(t.Rune)
			return true
		case syntax.OpCapture, syntax.OpPlus, syntax.OpStar, syntax.OpQuest, syntax.OpRepeat:
			return walk(t.Sub[0])
		case syntax.OpAlternate:
			for _, s := range t.Sub {
				if !walk(s) {
					return false
				}
			}
			return true
		case syntax.OpConcat:
			subs := slices.Clone(t.Sub)
			if !first {
				slices.Reverse(subs)
			}
			for _, s := range subs {
				if !walk(s) {
					return false
				}
				if !nullable(s) {
					break
				}
			}
			return true
		case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
			return true // zero width: no rune
		}
		return false
	}
	return out, walk(t)
}

// allRunes adds every rune a match of t can hold to set; false where t
// holds something the gate does not model.
func allRunes(t *syntax.Regexp, set *Runes) bool {
	switch t.Op {
	case syntax.OpLiteral:
		if t.Flags&syntax.FoldCase != 0 {
			return false
		}
		for _, r := range t.Rune {
			set.add(r, r)
		}
		return true
	case syntax.OpCharClass:
		set.addRanges(t.Rune)
		return true
	case syntax.OpCapture, syntax.OpPlus, syntax.OpStar, syntax.OpQuest, syntax.OpRepeat, syntax.OpAlternate, syntax.OpConcat:
		for _, s := range t.Sub {
			if !allRunes(s, set) {
				return false
			}
		}
		return true
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true // zero width: no rune
	}
	return false
}

// Runes is a set of runes: a bitmap below 1<<16 (the Basic Multilingual
// Plane, where Chinese text lives) and ranges above.
type Runes struct {
	low  []uint64 // nil until a rune below 1<<16 is added
	high [][2]rune
}

// addRanges adds a character class's ranges (lo, hi pairs, as
// syntax.Regexp.Rune holds them).
func (s *Runes) addRanges(ranges []rune) {
	for i := 0; i+1 < len(ranges); i += 2 {
		s.add(ranges[i], ranges[i+1])
	}
}

func (s *Runes) add(lo, hi rune) {
	for r := lo; r <= hi && r < 1<<16; r++ {
		if s.low == nil {
			s.low = make([]uint64, 1<<16/64)
		}
		s.low[r/64] |= 1 << (r % 64)
	}
	if hi >= 1<<16 {
		s.high = append(s.high, [2]rune{max(lo, 1<<16), hi})
	}
}

// Union adds the runes of o to s.
func (s *Runes) Union(o *Runes) {
	if o.low != nil {
		if s.low == nil {
			s.low = make([]uint64, len(o.low))
		}
		for i, w := range o.low {
			s.low[i] |= w
		}
	}
	s.high = append(s.high, o.high...)
}

// Has reports whether r is in the set.
func (s *Runes) Has(r rune) bool {
	if r >= 0 && r < 1<<16 {
		return s.low != nil && s.low[r/64]&(1<<(r%64)) != 0
	}
	for _, h := range s.high {
		if h[0] <= r && r <= h[1] {
			return true
		}
	}
	return false
}

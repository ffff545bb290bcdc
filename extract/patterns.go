package extract

import (
	_ "embed"
	"fmt"
	"regexp"
	"regexp/syntax"
	"slices"

	tsvrows "github.com/policycmp/policycmp/internal/tsv"
)

//go:embed patterns.tsv
var patternsTSV string

// patternTable is patterns.tsv compiled, by name.
var patternTable = mustPatterns(patternsTSV)

func mustPatterns(tsv string) map[string]*regexp.Regexp {
	m, err := parsePatterns(tsv)
	if err != nil {
		panic("extract: embedded patterns.tsv: " + err.Error()) // embedded data, checked by the tests
	}
	return m
}

// parsePatterns reads NAME<TAB>regexp rows; comments start with #.
func parsePatterns(tsv string) (map[string]*regexp.Regexp, error) {
	m := map[string]*regexp.Regexp{}
	for _, row := range tsvrows.Rows(tsv) {
		n := row.Line
		if len(row.Fields) != 2 || row.Fields[0] == "" {
			return nil, fmt.Errorf("line %d: want NAME<TAB>pattern", n)
		}
		name := row.Fields[0]
		if _, dup := m[name]; dup {
			return nil, fmt.Errorf("line %d: pattern %s named twice", n, name)
		}
		re, err := regexp.Compile(row.Fields[1])
		if err != nil {
			return nil, fmt.Errorf("line %d: %s: %w", n, name, err)
		}
		m[name] = re
	}
	return m, nil
}

// pattern is the compiled pattern of that name in patterns.tsv.
func pattern(name string) *regexp.Regexp {
	re, ok := patternTable[name]
	if !ok {
		panic("extract: patterns.tsv has no pattern " + name) // a programming error, caught by any test
	}
	return re
}

// requiredLiteral is the longest literal text every match of re contains
// (a literal of its top-level sequence, looked for inside groups), or ""
// when there is none. A text without it has no match, which a substring
// search tells far sooner than the regexp engine does.
func requiredLiteral(re *regexp.Regexp) string {
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

// pairGate is a necessary condition for a match of a pattern, derived from
// the pattern itself: a pattern that is a sequence whose first part that
// cannot be empty is A, followed by parts that may be empty and then by a
// part C that cannot, matches only where a rune that can end A is followed,
// after runes the parts between can hold, by a rune that can start C. A
// number with its unit (3个, 80%) is rare in a clause, while the regexp
// engine tries every position of every clause; the gate reads each rune
// once. The zero pairGate (a pattern of another shape) admits every text.
type pairGate struct {
	ok              bool
	last, gap, next runeSet
}

// newPairGate derives the gate of re.
func newPairGate(re *regexp.Regexp) pairGate {
	t, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return pairGate{}
	}
	t = t.Simplify()
	for t.Op == syntax.OpCapture {
		t = t.Sub[0]
	}
	if t.Op != syntax.OpConcat {
		return pairGate{}
	}
	a := slices.IndexFunc(t.Sub, func(s *syntax.Regexp) bool { return !nullable(s) })
	if a < 0 {
		return pairGate{}
	}
	var g pairGate
	var ok bool
	if g.last, ok = edgeRunes(t.Sub[a], false); !ok {
		return pairGate{}
	}
	for _, s := range t.Sub[a+1:] {
		if nullable(s) {
			if !allRunes(s, &g.gap) {
				return pairGate{}
			}
			continue
		}
		if g.next, ok = edgeRunes(s, true); !ok {
			return pairGate{}
		}
		g.ok = true
		return g
	}
	return pairGate{} // nothing after A that must be there
}

// admits reports whether s may hold a match (always, without a gate).
func (g *pairGate) admits(s string) bool {
	if !g.ok {
		return true
	}
	pending := false // the runes since one that can end A could all lie between
	for _, r := range s {
		if pending && g.next.has(r) {
			return true
		}
		switch {
		case g.last.has(r):
			pending = true
		case !g.gap.has(r):
			pending = false
		}
	}
	return false
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
// character, case folding, assertions).
func edgeRunes(t *syntax.Regexp, first bool) (runeSet, bool) {
	var out runeSet
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
			for i := 0; i+1 < len(t.Rune); i += 2 {
				out.add(t.Rune[i], t.Rune[i+1])
			}
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
		case syntax.OpEmptyMatch:
			return true
		}
		return false
	}
	return out, walk(t)
}

// allRunes adds every rune a match of t can hold to set; false where t
// holds something the gate does not model.
func allRunes(t *syntax.Regexp, set *runeSet) bool {
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
		for i := 0; i+1 < len(t.Rune); i += 2 {
			set.add(t.Rune[i], t.Rune[i+1])
		}
		return true
	case syntax.OpCapture, syntax.OpPlus, syntax.OpStar, syntax.OpQuest, syntax.OpRepeat, syntax.OpAlternate, syntax.OpConcat:
		for _, s := range t.Sub {
			if !allRunes(s, set) {
				return false
			}
		}
		return true
	case syntax.OpEmptyMatch:
		return true
	}
	return false
}

// runeSet is a set of runes: a bitmap below 1<<16 (the Basic Multilingual
// Plane, where Chinese text lives) and ranges above.
type runeSet struct {
	low  []uint64 // nil until a rune below 1<<16 is added
	high [][2]rune
}

func (s *runeSet) add(lo, hi rune) {
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

func (s *runeSet) has(r rune) bool {
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

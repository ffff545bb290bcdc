package extract

import (
	_ "embed"
	"fmt"
	"regexp"
	"regexp/syntax"

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

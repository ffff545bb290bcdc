package extract

import (
	_ "embed"
	"fmt"
	"regexp"

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

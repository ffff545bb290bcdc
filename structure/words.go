package structure

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"

	tsvrows "github.com/policycmp/policycmp/internal/tsv"
)

//go:embed words.tsv
var wordsTSV string

// wordLists holds the embedded word lists by name; it is never modified
// after it is built.
type wordLists map[string][]string

var words = sync.OnceValue(func() wordLists {
	w, err := parseWords(wordsTSV)
	if err != nil {
		panic("structure: embedded words.tsv: " + err.Error())
	}
	return w
})

func parseWords(tsv string) (wordLists, error) {
	out := wordLists{}
	for _, row := range tsvrows.Rows(tsv) {
		list := strings.Join(row.Fields[1:], " ")
		if len(row.Fields) < 2 || strings.TrimSpace(list) == "" {
			return nil, fmt.Errorf("line %d: want a name, a tab and words", row.Line)
		}
		out[row.Fields[0]] = strings.Fields(list)
	}
	return out, nil
}

// list returns the words of a list joined, for rune sets.
func (w wordLists) list(name string) string { return strings.Join(w[name], "") }

// Words returns a copy of the embedded word list called name (framing,
// safeguard, closing_lines, not_before_marker), for callers that show or
// extend it.
func Words(name string) []string { return append([]string(nil), words()[name]...) }

package segment

import (
	"cmp"
	_ "embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	tsvrows "github.com/policycmp/policycmp/internal/tsv"
)

//go:embed data/concepts.tsv
var conceptsTSV string

// Mention is a domain concept named in a text: the concept's ID
// (data/concepts.tsv) and the form the text names it by.
type Mention struct {
	ID, Form string
}

// conceptIndex finds the forms of the concepts in text: forms by first
// rune, longest first.
type conceptIndex struct {
	byFirst map[rune][]conceptForm
	list    []Mention // every concept's forms, in file order
}

type conceptForm struct {
	form, id string
}

var concepts = sync.OnceValue(func() *conceptIndex {
	ix, err := parseConcepts(conceptsTSV)
	if err != nil {
		panic(err) // embedded data, checked by the tests
	}
	return ix
})

// parseConcepts reads a concept list: ID<TAB>FORM FORM ... per line.
func parseConcepts(data string) (*conceptIndex, error) {
	ix := &conceptIndex{byFirst: map[rune][]conceptForm{}}
	seen := map[string]string{}
	for _, row := range tsvrows.Rows(data) {
		f := row.Fields
		if len(f) != 2 || f[0] == "" || strings.TrimSpace(f[1]) == "" {
			return nil, fmt.Errorf("segment: data/concepts.tsv: line %d: want ID<TAB>FORM FORM ..., got %s", row.Line, strconv.Quote(strings.Join(f, "\t")))
		}
		id, forms := f[0], f[1]
		for _, f := range strings.Fields(forms) {
			if other, dup := seen[f]; dup {
				return nil, fmt.Errorf("segment: data/concepts.tsv: form %s is listed under %s and %s", f, other, id)
			}
			seen[f] = id
			ix.list = append(ix.list, Mention{id, f})
			r, _ := utf8.DecodeRuneInString(f)
			ix.byFirst[r] = append(ix.byFirst[r], conceptForm{f, id})
		}
	}
	for _, fs := range ix.byFirst {
		slices.SortFunc(fs, func(a, b conceptForm) int {
			if c := cmp.Compare(len(b.form), len(a.form)); c != 0 {
				return c
			}
			return strings.Compare(a.form, b.form)
		})
	}
	return ix, nil
}

// Concepts returns the domain concepts text names, in order of their first
// form in text: the longest form matches at each place, forms do not
// overlap, and a concept named twice is listed once per distinct form.
func Concepts(text string) []Mention {
	return concepts().find(text)
}

// ConceptList returns every form of every built-in concept, in the order
// of the list (segment/data/concepts.tsv).
func ConceptList() []Mention { return slices.Clone(concepts().list) }

func (ix *conceptIndex) find(text string) []Mention {
	var out []Mention
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		matched := 0
		for _, f := range ix.byFirst[r] {
			if strings.HasPrefix(text[i:], f.form) {
				if m := (Mention{f.id, f.form}); !slices.Contains(out, m) {
					out = append(out, m)
				}
				matched = len(f.form)
				break
			}
		}
		if matched > 0 {
			i += matched
		} else {
			i += size
		}
	}
	return out
}

package segment

import (
	"cmp"
	_ "embed"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	tsvrows "github.com/policycmp/policycmp/internal/tsv"
)

// The word lists are embedded data files (data/): the domain terms, the
// variants and their canonical forms, and the stop words. They are parsed
// once, on first use.
var (
	//go:embed data/terms.txt
	termsTxt string
	//go:embed data/variants.tsv
	variantsTSV string
	//go:embed data/stopwords.txt
	stopWordsTxt string
)

// lexicon is the parsed word lists.
type lexicon struct {
	terms    []string          // domain terms, in file order
	termSet  map[string]bool   // the same, as a set
	variants map[string]string // variant → canonical form
	stop     map[string]bool
	folder   *strings.Replacer // FoldText's replacer
}

var wordLists = sync.OnceValue(func() *lexicon {
	lx := &lexicon{terms: lines(termsTxt), variants: map[string]string{}}
	lx.termSet = setOf(lx.terms...)
	lx.stop = setOf(lines(stopWordsTxt)...)
	for _, l := range lines(variantsTSV) {
		from, to, ok := strings.Cut(l, "\t")
		if !ok || from == "" || to == "" {
			panic("segment: data/variants.tsv: want VARIANT<TAB>CANONICAL, got " + strconv.Quote(l)) // embedded data, checked by the tests
		}
		lx.variants[from] = to
	}
	lx.folder = newTextFolder(lx.variants)
	return lx
})

// lines returns the non-empty lines of an embedded list that are not
// comments (#), trimmed.
func lines(s string) []string {
	var out []string
	for _, row := range tsvrows.Rows(s) {
		out = append(out, strings.TrimSpace(strings.Join(row.Fields, "\t")))
	}
	return out
}

// DomainTerms returns the built-in domain dictionary.
func DomainTerms() []string { return slices.Clone(wordLists().terms) }

// IsDomainTerm reports whether word is in the built-in domain dictionary
// (after variant folding).
func IsDomainTerm(word string) bool { return wordLists().termSet[word] }

// Fold maps a word to its canonical variant (集采 → 集中带量采购); other
// words come back unchanged.
func Fold(word string) string {
	if v, ok := wordLists().variants[word]; ok {
		return v
	}
	return word
}

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// IsStop reports whether word is a stop word of policy prose.
func IsStop(word string) bool { return wordLists().stop[word] }

// newTextFolder builds FoldText's replacer: the variants of three
// characters and more (two-character forms only fold as whole words),
// longest first.
func newTextFolder(variants map[string]string) *strings.Replacer {
	textVariants := make([]string, 0, len(variants))
	for k := range variants {
		if utf8.RuneCountInString(k) >= 3 {
			textVariants = append(textVariants, k)
		}
	}
	longestFirst := func(a, b string) int {
		if c := cmp.Compare(len(b), len(a)); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	}
	slices.SortFunc(textVariants, longestFirst)
	// A canonical form that holds a variant (县域医共体 holds 医共体) is
	// kept as it is: the replacer matches leftmost, longest first.
	olds := slices.Clone(textVariants)
	for _, k := range textVariants {
		v := variants[k]
		if v != k && !slices.Contains(olds, v) && slices.ContainsFunc(textVariants, func(k string) bool { return strings.Contains(v, k) }) {
			olds = append(olds, v)
		}
	}
	slices.SortFunc(olds, longestFirst)
	var pairs []string
	for _, k := range olds {
		v, ok := variants[k]
		if !ok {
			v = k
		}
		pairs = append(pairs, k, v)
	}
	return strings.NewReplacer(pairs...)
}

// FoldText rewrites the longer variants inside running text
// (新型冠状病毒感染 → 新冠), so that segmentation sees one form.
func FoldText(s string) string { return wordLists().folder.Replace(s) }

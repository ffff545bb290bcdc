// Package segment splits Chinese text into words. It wraps gojieba with a
// health-reform domain dictionary so that terms such as 医共体 or
// 按病种分值付费 stay whole, folds variants to one form (集采 → 集中带量采购)
// and knows the stop words of policy prose.
//
// The Segmenter interface lets callers swap the engine: Bigrams is a pure-Go
// segmenter (overlapping character pairs) for tests and for machines without
// the jieba dictionaries.
package segment

import (
	"errors"
	"sync"
	"unicode"
	"unicode/utf8"
)

// ErrDictNotFound is returned when the jieba dictionary files are missing.
var ErrDictNotFound = errors.New("segment: jieba dictionary not found")

// ErrNoCgo is returned by NewJieba in a build without cgo: jieba is a C++
// library. Use Bigrams, or build with CGO_ENABLED=1 and a C compiler.
var ErrNoCgo = errors.New("segment: jieba needs cgo; this program was built with CGO_ENABLED=0 (use segment.Bigrams, or rebuild with a C compiler)")

// Token is a word and its byte offsets in the segmented text.
type Token struct {
	Text       string
	Start, End int
}

// Segmenter splits text into tokens.
type Segmenter interface {
	Segment(s string) []Token
}

// wordCutter is a Segmenter that can list the words of Segment without
// their offsets, which costs less (Jieba): Words uses it.
type wordCutter interface {
	cutWords(s string) []string
}

// SegmenterFunc adapts a function to the Segmenter interface.
type SegmenterFunc func(s string) []Token

// Segment calls f(s).
func (f SegmenterFunc) Segment(s string) []Token { return f(s) }

// Options configure a Jieba segmenter. The zero value finds the
// dictionaries of the gojieba module and adds the domain dictionary.
type Options struct {
	// DictDir holds jieba.dict.utf8, hmm_model.utf8, user.dict.utf8,
	// idf.utf8 and stop_words.utf8. Empty means $POLICYCMP_JIEBA_DICT, or
	// else the first of: the gojieba module the binary was built from, the
	// user cache that InstallDict fills (CacheDictDir), the Go module cache.
	DictDir string
	// UserTerms are added to the dictionary besides the domain terms.
	UserTerms []string
	// NoDomainDict leaves out the built-in domain dictionary.
	NoDomainDict bool
}

// IDF returns the inverse document frequency of word in jieba's idf table
// (a large general corpus), loaded on first use. ok is false for words the
// table lacks.
func (s *Jieba) IDF(word string) (float64, bool) {
	t, err := s.idf()
	if err != nil {
		return 0, false
	}
	return t.lookup(word)
}

// Bigrams is a pure-Go Segmenter: overlapping pairs of Han characters, and
// runs of letters or digits as single tokens.
// It has no word weights (no IDF method).
var Bigrams Segmenter = bigramSegmenter{}

type bigramSegmenter struct{}

func (bigramSegmenter) Segment(s string) []Token { return bigrams(s) }

func bigrams(s string) []Token {
	var out []Token
	prevHan, prevStart := false, 0
	latinStart := -1
	for i, r := range s {
		han := unicode.Is(unicode.Han, r)
		if latinStart >= 0 && !(unicode.IsLetter(r) && !han || unicode.IsDigit(r)) {
			out = append(out, Token{Text: s[latinStart:i], Start: latinStart, End: i})
			latinStart = -1
		}
		switch {
		case han:
			if prevHan {
				end := i + utf8.RuneLen(r)
				out = append(out, Token{Text: s[prevStart:end], Start: prevStart, End: end})
			}
			prevStart = i
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if latinStart < 0 {
				latinStart = i
			}
		}
		prevHan = han
	}
	if latinStart >= 0 {
		out = append(out, Token{Text: s[latinStart:], Start: latinStart, End: len(s)})
	}
	return out
}

var shared = sync.OnceValues(func() (*Jieba, error) { return NewJieba(Options{}) })

// Shared returns a process-wide Jieba segmenter with the default options,
// loading the dictionaries on first use. Do not Close it.
func Shared() (*Jieba, error) { return shared() }

// Words segments s and returns the content words: variants folded, stop
// words, punctuation and single Han characters dropped.
func Words(seg Segmenter, s string) []string {
	var toks []string
	if c, ok := seg.(wordCutter); ok {
		toks = c.cutWords(s)
	} else {
		for _, t := range seg.Segment(s) {
			toks = append(toks, t.Text)
		}
	}
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		w := Fold(t)
		if IsStop(w) {
			continue
		}
		if utf8.RuneCountInString(w) == 1 {
			r, _ := utf8.DecodeRuneInString(w)
			if unicode.Is(unicode.Han, r) {
				continue
			}
		}
		out = append(out, w)
	}
	return out
}

// Split cuts s into consecutive pieces that join back to s: the
// segmenter's tokens and, in the gaps between them (punctuation, spaces),
// single characters. It is the tokenisation of a word-level diff.
func Split(seg Segmenter, s string) []string {
	var out []string
	at := 0
	gap := func(end int) {
		for _, r := range s[at:end] {
			out = append(out, string(r))
		}
	}
	for _, t := range seg.Segment(s) {
		if t.Start < at || t.End > len(s) || t.Start >= t.End {
			continue // overlapping or out-of-range tokens (bigrams) are skipped
		}
		gap(t.Start)
		out = append(out, s[t.Start:t.End])
		at = t.End
	}
	gap(len(s))
	return out
}

//go:build cgo

package segment

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/yanyiwu/gojieba"
)

// builtinDictDir is the dictionary folder of the gojieba module this
// binary was built from (relative, so unusable, under -trimpath).
func builtinDictDir() string { return gojieba.DICT_DIR }

// Jieba is a gojieba segmenter. It is safe for concurrent use; Close frees it.
type Jieba struct {
	j    *gojieba.Jieba
	once sync.Once

	idf func() (idfTable, error)
}

// NewJieba loads the jieba dictionaries (about 0.5 s and 150 MB: do it once
// per process and share the segmenter). It returns ErrDictNotFound instead of
// gojieba's panic when a dictionary file is missing.
func NewJieba(opts Options) (s *Jieba, err error) {
	dir := opts.DictDir
	if dir == "" {
		found, tried := findDict()
		if found == "" {
			return nil, fmt.Errorf("%w: none of %s holds %s; %s", ErrDictNotFound, strings.Join(tried, ", "), strings.Join(dictFiles, ", "), dictHelp)
		}
		dir = found
	}
	paths := make([]string, len(dictFiles))
	for i, f := range dictFiles {
		paths[i] = filepath.Join(dir, f)
		if _, err := os.Stat(paths[i]); err != nil {
			return nil, fmt.Errorf("%w: %s; %s", ErrDictNotFound, paths[i], dictHelp)
		}
	}
	defer func() { // a backstop: gojieba panics on files it cannot read
		if r := recover(); r != nil {
			s, err = nil, fmt.Errorf("%w: %v", ErrDictNotFound, r)
		}
	}()
	// The IDF table loads on another goroutine while jieba reads its
	// dictionaries (C++, one thread): most callers need both.
	idfPath := paths[3]
	idf := sync.OnceValues(func() (idfTable, error) { return loadIDF(idfPath) })
	go idf()
	// cppjieba reads the IDF table and the stop words for its keyword
	// extractor, which policycmp never calls (the IDF table is read above
	// for Go): give it a one-line stand-in for both, a third of its load
	// time. When no temporary file can be written, it reads the real ones.
	jpaths := slices.Clone(paths)
	if stub, err := extractorStub(); err == nil {
		defer os.Remove(stub)
		jpaths[3], jpaths[4] = stub, stub
	}
	j := gojieba.NewJieba(jpaths...)
	if !opts.NoDomainDict {
		for _, w := range DomainTerms() {
			j.AddWord(w)
		}
	}
	for _, w := range opts.UserTerms {
		if w = strings.TrimSpace(w); w != "" && !strings.HasPrefix(w, "re:") {
			j.AddWord(w)
		}
	}
	return &Jieba{j: j, idf: idf}, nil
}

// Segment implements Segmenter with jieba's precise mode and HMM for
// unknown words. Spaces and punctuation are not returned.
func (s *Jieba) Segment(text string) []Token {
	words := s.j.Tokenize(text, gojieba.DefaultMode, true)
	out := make([]Token, 0, len(words))
	for _, w := range words {
		if !isWord(w.Str) {
			continue
		}
		out = append(out, Token{Text: w.Str, Start: w.Start, End: w.End})
	}
	return out
}

// cutWords is the text of Segment's tokens, without their offsets.
func (s *Jieba) cutWords(text string) []string {
	words := s.j.Cut(text, true)
	out := words[:0]
	for _, w := range words {
		if isWord(w) {
			out = append(out, w)
		}
	}
	return out
}

// Close frees the dictionaries. The segmenter must not be used after.
func (s *Jieba) Close() {
	s.once.Do(s.j.Free)
}

// extractorStub writes a one-line IDF table (also a valid stop-word list)
// to a temporary file and returns its path.
func extractorStub() (string, error) {
	f, err := os.CreateTemp("", "policycmp-jieba-stub-*.utf8")
	if err != nil {
		return "", err
	}
	_, err = f.WriteString("的 1.0\n")
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}

func loadIDF(path string) (idfTable, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return idfTable{}, fmt.Errorf("segment: read idf table: %w", err)
	}
	return parseIDF(string(data)), nil
}

func isWord(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

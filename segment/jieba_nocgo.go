//go:build !cgo

package segment

import "fmt"

// Jieba is the jieba segmenter; without cgo it cannot be made.
type Jieba struct {
	idf func() (idfTable, error)
}

// NewJieba returns ErrNoCgo (wrapping ErrDictNotFound, so callers that
// fall back on a missing dictionary fall back here too).
func NewJieba(opts Options) (*Jieba, error) {
	return nil, fmt.Errorf("%w: %w", ErrDictNotFound, ErrNoCgo)
}

// Segment splits text into bigrams: a Jieba is never made without cgo.
func (s *Jieba) Segment(text string) []Token { return bigrams(text) }

// Close does nothing without cgo.
func (s *Jieba) Close() {}

// builtinDictDir is empty: without cgo there is no gojieba module.
func builtinDictDir() string { return "" }

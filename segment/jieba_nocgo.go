//go:build !cgo

package segment

import (
	"errors"
	"fmt"
)

// ErrNoCgo is returned by NewJieba in a build without cgo: jieba is a C++
// library. Use Bigrams, or build with CGO_ENABLED=1 and a C compiler.
var ErrNoCgo = errors.New("segment: jieba needs cgo; this program was built with CGO_ENABLED=0 (use segment.Bigrams, or rebuild with a C compiler)")

// Jieba is the jieba segmenter; without cgo it cannot be made.
type Jieba struct {
	idf func() (map[string]float64, error)
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

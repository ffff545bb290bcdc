package policycmp

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"unicode"

	"github.com/liuzl/gocc"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// NewNormalizer returns a fresh transform.Transformer that applies NFKC
// (full-width letters, digits, brackets and spaces fold to ASCII, （一） →
// (一), ⒈ → 1.) and turns every kind of white space into a plain space.
// Circled numbers (①) are kept, since documents use them as list markers.
//
// A Transformer is stateful: use one per goroutine.
func NewNormalizer() transform.Transformer {
	return transform.Chain(
		runes.If(runes.Predicate(keepRune), nil, norm.NFKC),
		runes.Map(foldSpace),
	)
}

// NormalizeString applies NewNormalizer to s.
func NormalizeString(s string) string {
	out, _, err := transform.String(NewNormalizer(), s)
	if err != nil { // cannot happen with these transformers; keep the input
		return s
	}
	return out
}

// keepRune reports runes that NFKC must leave alone: the circled numbers
// and letters (① … ⑳, Ⓐ … ⓿), which documents use as list markers and
// NFKC would turn into bare digits. The parenthesized and dotted numbers
// of the same block (⑴ … ⒇, ⒈ … ⒛, ⒜ …) fold to (1) and 1., the markers
// they stand for.
func keepRune(r rune) bool {
	return (r >= 0x2460 && r <= 0x2473) || (r >= 0x24B6 && r <= 0x24FF)
}

func foldSpace(r rune) rune {
	if isSpace(r) && r != '\n' {
		return ' '
	}
	return r
}

// nfkcRune is the per-rune form of NewNormalizer used on offset-mapped text.
func nfkcRune(r rune) (string, bool) {
	if r < 0x80 {
		return "", false // tabs stay: they separate the cells of a table row
	}
	if keepRune(r) {
		return "", false
	}
	if isSpace(r) {
		if r == 0xFEFF || r == 0x200B {
			return "", true
		}
		return " ", true
	}
	s := norm.NFKC.String(string(r))
	if s == string(r) {
		return "", false
	}
	return s, true
}

// converter wraps OpenCC's traditional→simplified table. It is built on
// first use, once per process, and is safe for concurrent use.
type converter struct {
	mu sync.Mutex
	cc *gocc.OpenCC
}

var t2s = sync.OnceValues(func() (*converter, error) {
	cc, err := gocc.New("t2s")
	if err != nil {
		return nil, fmt.Errorf("policycmp: load OpenCC t2s: %w", err)
	}
	return &converter{cc: cc}, nil
})

func (c *converter) convert(s string) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	out, err := c.cc.Convert(s)
	if err != nil {
		return s
	}
	return out
}

// ToSimplified converts traditional Chinese to simplified (OpenCC t2s).
func ToSimplified(s string) (string, error) {
	c, err := t2s()
	if err != nil {
		return s, err
	}
	return c.convert(s), nil
}

//go:embed traditional.txt
var traditionalTxt string

// traditionalRunes is the set of traditional.txt, parsed on first use.
var traditionalRunes = sync.OnceValue(func() map[rune]struct{} {
	set := map[rune]struct{}{}
	for _, line := range strings.Split(traditionalTxt, "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		for _, r := range line {
			if unicode.Is(unicode.Han, r) {
				set[r] = struct{}{}
			}
		}
	}
	return set
})

// traditionalShare returns the share of the first TraditionalSample Han
// runes of text that are traditional characters (traditional.txt: those
// OpenCC's t2s changes). Simplified text scores near 0, traditional text
// well above 0.1; fewer than 20 Han runes score 0. Nothing is converted and
// nothing is locked: the check runs on every document.
func traditionalShare(text []rune) float64 {
	set := traditionalRunes()
	n, changed := 0, 0
	for _, r := range text {
		if !unicode.Is(unicode.Han, r) {
			continue
		}
		if _, ok := set[r]; ok {
			changed++
		}
		if n++; n >= TraditionalSample {
			break
		}
	}
	if n < 20 {
		return 0
	}
	return float64(changed) / float64(n)
}

// TraditionalSample is how many Han runes, from the start of a document,
// the traditional-text check reads.
const TraditionalSample = 3000

// toSimplifiedM converts m line by line, keeping per-rune offsets where the
// conversion keeps the rune count (almost always).
func toSimplifiedM(c *converter, m mtext) mtext {
	var out mtext
	start := 0
	for i := 0; i <= m.Len(); i++ {
		if i < m.Len() && m.r[i] != '\n' {
			continue
		}
		ln := m.slice(start, i)
		conv := []rune(c.convert(ln.String()))
		if len(conv) == ln.Len() {
			for k, r := range conv {
				out.push(r, ln.s[k], ln.e[k])
			}
		} else {
			for k, r := range ln.r { // rune by rune keeps the mapping exact
				for _, cr := range c.convert(string(r)) {
					out.push(cr, ln.s[k], ln.e[k])
				}
			}
		}
		if i < m.Len() {
			out.push('\n', m.s[i], m.e[i])
		}
		start = i + 1
	}
	return out
}

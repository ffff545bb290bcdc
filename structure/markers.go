package structure

import (
	_ "embed"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/policycmp/policycmp/internal/gate"
	tsvrows "github.com/policycmp/policycmp/internal/tsv"
)

//go:embed schemes.tsv
var schemesTSV string

// Where a scheme's marker may stand inside a line.
type inlineRule int

const (
	inlineNo       inlineRule = iota // only at a line start
	inlineBoundary                   // after a sentence end or a space
	inlineAny                        // after anything but a digit or a decimal point
)

// Scheme is one numbering scheme: 一、, (一), 1., (1), ①, 一是, 第一条 …
type Scheme struct {
	Kind   string // a name for the scheme, the same for every number of it
	re     *regexp.Regexp
	first  gate.Runes // the runes a marker of the scheme can start with
	label  string
	digits string
	inline inlineRule
	// Keep reports a marker that is a word of the sentence (一是…): the
	// heading keeps it.
	Keep bool
}

// Marker is a numbering marker found at the start of a text.
type Marker struct {
	Kind   string // the scheme's kind
	Number string // the normalised label: 二、 → "二", (3) → "(3)", 第二条 → "第二条"
	Value  int    // the ordinal: 3 for 三、, (3) and ③; 0 when it cannot be read
	Size   int    // bytes of the text the marker takes
	Keep   bool   // the marker stays in the heading (一是)
	// Chinese reports a scheme numbered in Chinese numerals (一、 (一)
	// 第一条 一是), the levels above (1) and ①.
	Chinese bool
}

// schemes parses the embedded table once; the result is never modified.
var schemes = sync.OnceValue(func() []Scheme {
	out, err := parseSchemes(schemesTSV)
	if err != nil {
		panic("structure: embedded schemes.tsv: " + err.Error())
	}
	return out
})

func parseSchemes(tsv string) ([]Scheme, error) {
	var out []Scheme
	for _, row := range tsvrows.Rows(tsv) {
		f, n := row.Fields, row.Line
		if len(f) != 6 {
			return nil, fmt.Errorf("line %d: %d fields, want 6", n, len(f))
		}
		re, err := regexp.Compile(f[1])
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		first, ok := gate.First(re)
		if !ok {
			return nil, fmt.Errorf("line %d: %s: a marker must start with a rune the pattern names (no empty match, no any-character or case folding at its start)", n, f[0])
		}
		s := Scheme{Kind: f[0], re: re, first: first, label: f[2], digits: f[3], Keep: f[5] == "yes"}
		switch f[4] {
		case "no":
			s.inline = inlineNo
		case "boundary":
			s.inline = inlineBoundary
		case "any":
			s.inline = inlineAny
		default:
			return nil, fmt.Errorf("line %d: inline %q", n, f[4])
		}
		out = append(out, s)
	}
	return out, nil
}

// Parse reads a numbering marker at the start of s.
func Parse(s string) (Marker, bool) {
	if s == "" || !mayStartMarker(s) {
		return Marker{}, false
	}
	for _, sc := range schemes() {
		if m, ok := sc.match(s); ok {
			return m, true
		}
	}
	return Marker{}, false
}

func (sc *Scheme) match(s string) (Marker, bool) {
	if r, _ := utf8.DecodeRuneInString(s); !sc.first.Has(r) {
		return Marker{}, false // the expression would fail at its first rune
	}
	loc := sc.re.FindStringSubmatchIndex(s)
	if loc == nil {
		return Marker{}, false
	}
	size := loc[1]
	num := s[loc[2]:loc[3]]
	if sc.digits == "arabic" && size < len(s) && s[size] >= '0' && s[size] <= '9' {
		return Marker{}, false // 2.5亿: a number, not a list marker
	}
	return Marker{Kind: sc.Kind, Number: strings.Replace(sc.label, "%s", num, 1), Value: ordinal(num, sc.digits), Size: size, Keep: sc.Keep, Chinese: sc.digits == "cn"}, true
}

// mayStartMarker is a quick test on the first rune before any expression
// runs: some scheme's marker can start with it.
func mayStartMarker(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return markerStarts().Has(r)
}

// markerStarts is the runes a marker of any scheme can start with.
var markerStarts = sync.OnceValue(func() *gate.Runes {
	var set gate.Runes
	for _, sc := range schemes() {
		set.Union(&sc.first)
	}
	return &set
})

const cnNumerals = "〇零一二三四五六七八九十百两"

// ordinal reads a marker's number.
func ordinal(num, digits string) int {
	switch digits {
	case "arabic":
		n, _ := strconv.Atoi(num)
		return n
	case "circled":
		r, _ := utf8.DecodeRuneInString(num)
		return int(r-'①') + 1
	case "decimal": // 2.3: the third item of the second
		n, _ := strconv.Atoi(num[strings.LastIndexByte(num, '.')+1:])
		return n
	}
	if n, err := strconv.Atoi(num); err == nil {
		return n // 第3条
	}
	n, _ := CNNumber(num)
	return n
}

// CNNumber reads Chinese numerals up to the thousands: 两 → 2, 十一 → 11,
// 一百二十 → 120, 三十二 → 32.
func CNNumber(s string) (int, bool) {
	total, cur := 0, 0
	seen := false
	for _, r := range s {
		if d := strings.IndexRune("零一二三四五六七八九", r); d >= 0 {
			cur = d / 3 // the runes are 3 bytes each
			seen = true
			continue
		}
		switch r {
		case '〇':
			cur, seen = 0, true
			continue
		case '两':
			cur, seen = 2, true
			continue
		}
		u := 0
		switch r {
		case '十':
			u = 10
		case '百':
			u = 100
		case '千':
			u = 1000
		default:
			return 0, false
		}
		if cur == 0 {
			cur = 1
		}
		total += cur * u
		cur = 0
		seen = true
	}
	return total + cur, seen
}

// IsFirst reports whether m opens a numbering sequence (一、, (1), ①, 一是).
func (m Marker) IsFirst() bool { return m.Value == 1 }

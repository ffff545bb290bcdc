package policycmp

import (
	"bytes"
	"errors"
	"fmt"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// Errors returned by ingest. They are wrapped with the input's name.
var (
	ErrEmpty    = errors.New("policycmp: empty document")
	ErrBinary   = errors.New("policycmp: input looks binary, not text")
	ErrTooLarge = errors.New("policycmp: input larger than the size limit")
)

// DefaultMaxBytes is the input size limit when Options.MaxBytes is zero.
const DefaultMaxBytes = 64 << 20

// maxByteWarnings caps the per-offset invalid-byte warnings; the rest are summed up.
const maxByteWarnings = 10

// decode turns input bytes into UTF-8 text. It recognises UTF-8 (with or
// without BOM), UTF-16 with BOM, and GB18030/GBK, which it detects when the
// input is not valid UTF-8 but decodes cleanly as GB18030. Bytes that are
// invalid in the chosen encoding become U+FFFD and a warning with their offset.
func decode(b []byte) (string, []Warning, error) {
	var warns []Warning
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b = b[3:]
		warns = append(warns, Warning{Kind: WarnEncoding, Detail: "UTF-8 byte order mark removed"})
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		dec := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewDecoder()
		out, err := dec.Bytes(b)
		if err != nil {
			return "", nil, fmt.Errorf("policycmp: decode UTF-16: %w", err)
		}
		warns = append(warns, Warning{Kind: WarnEncoding, Detail: "decoded from UTF-16"})
		b = out
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return "", warns, ErrEmpty
	}
	if looksBinary(b) {
		return "", warns, ErrBinary
	}
	if utf8.Valid(b) {
		return string(b), warns, nil
	}
	if s, ok := tryGB18030(b); ok {
		warns = append(warns, Warning{Kind: WarnEncoding, Detail: "input is not UTF-8; decoded as GB18030/GBK"})
		return s, warns, nil
	}
	s, bad := replaceInvalidUTF8(b)
	for i, off := range bad {
		if i == maxByteWarnings {
			warns = append(warns, Warning{Kind: WarnInvalidBytes,
				Detail: fmt.Sprintf("%d more invalid UTF-8 bytes replaced by U+FFFD", len(bad)-maxByteWarnings)})
			break
		}
		warns = append(warns, Warning{Kind: WarnInvalidBytes, Offset: off,
			Detail: fmt.Sprintf("invalid UTF-8 byte 0x%02X at input offset %d replaced by U+FFFD", b[off], off)})
	}
	return s, warns, nil
}

// looksBinary reports whether b holds NUL bytes or many control characters.
func looksBinary(b []byte) bool {
	n := min(len(b), 8192)
	ctrl := 0
	for _, c := range b[:n] {
		if c == 0 {
			return true
		}
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctrl++
		}
	}
	return ctrl*10 > n
}

// tryGB18030 decodes b as GB18030 and accepts the result when it is mostly
// Han text with almost no replacement characters.
func tryGB18030(b []byte) (string, bool) {
	var enc encoding.Encoding = simplifiedchinese.GB18030
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return "", false
	}
	s := string(out)
	han, bad, total := 0, 0, 0
	for _, r := range s {
		total++
		switch {
		case r == utf8.RuneError:
			bad++
		case unicode.Is(unicode.Han, r):
			han++
		}
	}
	if total == 0 || bad*100 > total || han*5 < total {
		return "", false
	}
	return s, true
}

// replaceInvalidUTF8 replaces each invalid byte with U+FFFD and returns the
// offsets of the invalid bytes.
func replaceInvalidUTF8(b []byte) (string, []int) {
	var buf bytes.Buffer
	buf.Grow(len(b) + 16)
	var bad []int
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			bad = append(bad, i)
			buf.WriteRune(utf8.RuneError)
			i++
			continue
		}
		buf.Write(b[i : i+size])
		i += size
	}
	return buf.String(), bad
}

package policycmp

import (
	"github.com/policycmp/policycmp/ingest"
)

// Errors returned by ingest. They are wrapped with the input's name.
var (
	ErrEmpty    = ingest.ErrEmpty
	ErrBinary   = ingest.ErrBinary
	ErrTooLarge = ingest.ErrTooLarge
)

// DefaultMaxBytes is the input size limit when Options.MaxBytes is zero.
const DefaultMaxBytes = 64 << 20

// decode turns input bytes into UTF-8 text (package ingest) and its notes
// into warnings. name's extension says whether the input is HTML or
// Markdown; HTML is recognised by content too.
func decode(b []byte, name string) (ingest.Decoded, []Warning, error) {
	dec, err := ingest.Decode(b, ingest.KindOf(name))
	var warns []Warning
	for _, n := range dec.Notes {
		warns = append(warns, Warning{Kind: WarningKind(n.Kind), Detail: n.Detail, Offset: n.Offset})
	}
	return dec, warns, err
}

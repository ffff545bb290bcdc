package report

import (
	"io"

	"github.com/policycmp/policycmp"
)

// JSON writes the comparison result and the report as one JSON document (schema
// policycmp/v1 plus "report"), streamed one document and link at a time.
// HTML-significant characters in document text are escaped (\u003c), so
// the output is safe to embed in a page.
func (r *Report) JSON(w io.Writer) error {
	indent := " "
	if r.opts.Compact {
		indent = ""
	}
	return policycmp.WriteJSON(w, r.res, indent, "report", r)
}

package report

import (
	"encoding/json"
	"io"

	"github.com/policycmp/policycmp"
)

// Output is the JSON document of a report: the policycmp/v1 result with a
// report section.
type Output struct {
	*policycmp.Result
	Report *Report `json:"report"`
}

// JSON writes res and the report as one JSON document (schema
// policycmp/v1 plus "report"). HTML-significant characters in document
// text are escaped (\u003c), so the output is safe to embed in a page.
func (r *Report) JSON(w io.Writer, res *policycmp.Result) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	if !r.opts.Compact {
		enc.SetIndent("", " ")
	}
	return enc.Encode(Output{Result: res, Report: r})
}

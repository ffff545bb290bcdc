package policycmp

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
)

// WriteJSON writes res as JSON (schema policycmp/v1) one document and one
// link at a time, so memory stays flat however large the comparison.
// indent "" writes compact JSON. extra, when not nil, is added as one more
// top-level field named extraKey (the report section, for instance).
// HTML-significant characters in text are escaped (\u003c).
func WriteJSON(w io.Writer, res *Result, indent string, extraKey string, extra any) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	nl, in1, in2 := "", "", ""
	if indent != "" {
		nl, in1, in2 = "\n", indent, indent+indent
	}
	var err error
	write := func(s string) {
		if err == nil {
			_, err = bw.WriteString(s)
		}
	}
	// One encoder and buffer for every item: items are encoded one at a
	// time, so memory stays with the largest item, not the stream.
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(true)
	value := func(v any, prefix string) {
		if err != nil {
			return
		}
		buf.Reset()
		if indent != "" {
			enc.SetIndent(prefix, indent)
		}
		if err = enc.Encode(v); err == nil {
			_, err = bw.Write(bytes.TrimRight(buf.Bytes(), "\n"))
		}
	}
	list := func(key string, n int, item func(i int) any, last bool) {
		write(in1 + `"` + key + `": [`)
		for i := range n {
			if i > 0 {
				write(",")
			}
			write(nl + in2)
			value(item(i), in2)
		}
		if n > 0 {
			write(nl + in1)
		}
		write("]")
		if !last {
			write(",")
		}
		write(nl)
	}
	write("{" + nl)
	write(in1 + `"schema": `)
	value(res.Schema, in1)
	write("," + nl)
	list("documents", len(res.Documents), func(i int) any { return res.Documents[i] }, false)
	list("alignments", len(res.Alignments), func(i int) any { return res.Alignments[i] }, false)
	last := extra == nil
	list("task_alignments", len(res.TaskAlignments), func(i int) any { return res.TaskAlignments[i] }, len(res.Reuse) == 0 && last)
	if len(res.Reuse) > 0 {
		list("reuse", len(res.Reuse), func(i int) any { return res.Reuse[i] }, last)
	}
	if extra != nil {
		write(in1 + `"` + extraKey + `": `)
		value(extra, in1)
		write(nl)
	}
	write("}\n")
	if err != nil {
		return err
	}
	return bw.Flush()
}

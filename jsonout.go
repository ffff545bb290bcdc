package policycmp

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"runtime"
	"sync"
)

// How many list items each core encodes at a time when WriteJSON writes a
// list: links are small, documents large, so memory stays with a few
// batches, not the stream.
const (
	linkBatch     = 256
	documentBatch = 2
)

// WriteJSON writes res as JSON (schema policycmp/v1) a few documents and
// links at a time, encoded on every core and written in order, so memory
// stays flat however large the comparison.
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
	// The top-level values (schema, extra) are encoded at the first
	// indent level, list items on every core a batch at a time, each
	// worker with its own encoder, and written in order: the bytes are
	// those of encoding one item after another.
	top := newItemEncoder(in1, indent)
	value := func(v any) {
		if err == nil {
			var b []byte
			if b, err = top.encode(v); err == nil {
				_, err = bw.Write(b)
			}
		}
	}
	workers := runtime.GOMAXPROCS(0)
	type worker struct {
		enc *itemEncoder
		out []byte
		err error
	}
	encs := make([]*worker, workers)
	for w := range encs {
		encs[w] = &worker{enc: newItemEncoder(in2, indent)}
	}
	list := func(key string, n, batch int, item func(i int) any, last bool) {
		write(in1 + `"` + key + `": [`)
		for start := 0; start < n && err == nil; start += workers * batch {
			var wg sync.WaitGroup
			for w, e := range encs {
				from := start + w*batch
				to := min(n, from+batch)
				e.out = e.out[:0]
				if from >= to {
					continue
				}
				wg.Go(func() {
					for i := from; i < to && e.err == nil; i++ {
						if i > 0 {
							e.out = append(e.out, ',')
						}
						e.out = append(e.out, nl+in2...)
						var b []byte
						if b, e.err = e.enc.encode(item(i)); e.err == nil {
							e.out = append(e.out, b...)
						}
					}
				})
			}
			wg.Wait()
			for _, e := range encs {
				if err == nil {
					err = e.err
				}
				if err == nil {
					_, err = bw.Write(e.out)
				}
			}
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
	value(res.Schema)
	write("," + nl)
	list("documents", len(res.Documents), documentBatch, func(i int) any { return res.Documents[i] }, false)
	list("alignments", len(res.Alignments), linkBatch, func(i int) any { return res.Alignments[i] }, false)
	last := extra == nil
	list("task_alignments", len(res.TaskAlignments), linkBatch, func(i int) any { return res.TaskAlignments[i] }, len(res.Reuse) == 0 && last)
	if len(res.Reuse) > 0 {
		list("reuse", len(res.Reuse), linkBatch, func(i int) any { return res.Reuse[i] }, last)
	}
	if extra != nil {
		write(in1 + `"` + extraKey + `": `)
		value(extra)
		write(nl)
	}
	write("}\n")
	if err != nil {
		return err
	}
	return bw.Flush()
}

// itemEncoder encodes one JSON value at a time into a reused buffer, with
// HTML-significant characters escaped and, when indent is set, each line
// after the first starting with prefix.
type itemEncoder struct {
	buf bytes.Buffer
	enc *json.Encoder
}

func newItemEncoder(prefix, indent string) *itemEncoder {
	e := &itemEncoder{}
	e.enc = json.NewEncoder(&e.buf)
	e.enc.SetEscapeHTML(true)
	if indent != "" {
		e.enc.SetIndent(prefix, indent)
	}
	return e
}

// encode returns v's encoding without the encoder's final newline; the
// bytes are valid until the next call.
func (e *itemEncoder) encode(v any) ([]byte, error) {
	e.buf.Reset()
	if err := e.enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(e.buf.Bytes(), "\n"), nil
}

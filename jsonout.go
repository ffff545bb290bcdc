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
	// Lists are encoded a batch at a time on every core, each worker
	// with its own encoder, and written in order: the bytes are those of
	// encoding one item after another.
	workers := runtime.GOMAXPROCS(0)
	type encoder struct {
		buf bytes.Buffer
		out []byte
		enc *json.Encoder
		err error
	}
	encs := make([]*encoder, workers)
	for w := range encs {
		e := &encoder{}
		e.enc = json.NewEncoder(&e.buf)
		e.enc.SetEscapeHTML(true)
		if indent != "" {
			e.enc.SetIndent(in2, indent)
		}
		encs[w] = e
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
						e.buf.Reset()
						if e.err = e.enc.Encode(item(i)); e.err == nil {
							e.out = append(e.out, bytes.TrimRight(e.buf.Bytes(), "\n")...)
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
	value(res.Schema, in1)
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
		value(extra, in1)
		write(nl)
	}
	write("}\n")
	if err != nil {
		return err
	}
	return bw.Flush()
}

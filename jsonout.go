package policycmp

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"math"
	"runtime"
	"strconv"
	"sync"
	"unicode/utf8"

	"github.com/policycmp/policycmp/align"
)

// How many list items each core encodes at a time when WriteJSON writes a
// list: links are small, documents large, so memory stays with a few
// batches, not the stream.
const (
	linkBatch     = 256
	documentBatch = 2
	// jsonWindow is how many batches a worker at most the encoders run
	// ahead of the writer.
	jsonWindow = 4
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
	// list writes n items: item(i) through encoding/json, or, for links
	// in compact JSON, link(i) by hand (the same bytes; they are most of
	// a large comparison's output). Batches of items are encoded on every
	// core as workers become free and written in order as each is done:
	// at most jsonWindow batches a worker are ahead of the writer, so
	// memory stays flat, and a slow batch (a long document) holds up no
	// worker.
	list := func(key string, n, batch int, item func(i int) any, link func(i int) *Link, last bool) {
		write(in1 + `"` + key + `": [`)
		type result struct {
			out []byte
			err error
		}
		type job struct {
			from, to int
			done     chan result
		}
		window := workers * jsonWindow
		jobs := make(chan job, window)
		order := make(chan chan result, window)
		free := make(chan []byte, window+workers) // spent buffers, for the next batches
		var wg sync.WaitGroup
		for range workers {
			wg.Go(func() {
				enc := newItemEncoder(in2, indent)
				var links *linkEncoder
				if indent == "" && link != nil {
					links = &linkEncoder{enc: enc}
				}
				for j := range jobs {
					var out []byte
					select {
					case out = <-free:
					default:
					}
					out = out[:0]
					var jerr error
					for i := j.from; i < j.to && jerr == nil; i++ {
						if i > 0 {
							out = append(out, ',')
						}
						out = append(out, nl+in2...)
						if links != nil {
							out, jerr = links.append(out, link(i))
							continue
						}
						var b []byte
						if b, jerr = enc.encode(item(i)); jerr == nil {
							out = append(out, b...)
						}
					}
					j.done <- result{out, jerr}
				}
			})
		}
		quit := make(chan struct{}) // closed by the writer at the first error
		go func() {                 // hands out the batches in order, at most a window ahead of the writer
			defer close(order)
			defer close(jobs)
			for from := 0; from < n; from += batch {
				done := make(chan result, 1)
				select {
				case order <- done:
				case <-quit:
					return
				}
				jobs <- job{from, min(n, from+batch), done}
			}
		}()
		failed := err != nil
		if failed {
			close(quit)
		}
		for done := range order {
			r := <-done
			if err == nil {
				err = r.err
			}
			if err == nil {
				_, err = bw.Write(r.out)
			}
			if err != nil && !failed {
				failed = true
				close(quit)
			}
			select {
			case free <- r.out:
			default:
			}
		}
		wg.Wait()
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
	list("documents", len(res.Documents), documentBatch, func(i int) any { return res.Documents[i] }, nil, false)
	list("alignments", len(res.Alignments), linkBatch, func(i int) any { return res.Alignments[i] }, func(i int) *Link { return &res.Alignments[i] }, false)
	last := extra == nil
	list("task_alignments", len(res.TaskAlignments), linkBatch, func(i int) any { return res.TaskAlignments[i] }, func(i int) *Link { return &res.TaskAlignments[i] }, len(res.Reuse) == 0 && last)
	if len(res.Reuse) > 0 {
		list("reuse", len(res.Reuse), linkBatch, func(i int) any { return res.Reuse[i] }, nil, last)
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

// linkEncoder appends a Link in compact JSON as encoding/json writes it
// (fields in order, empty ones omitted, HTML-significant characters
// escaped), without reflection: a large comparison writes millions. Text
// it cannot write plainly (quotes, escapes, control or invalid bytes,
// U+2028/U+2029), an unusual score or kind, and the evidence go through
// encoding/json; each evidence value is encoded once, as links share them.
type linkEncoder struct {
	enc      *itemEncoder
	evidence map[*align.Evidence][]byte
}

// linkEvidenceCache bounds the evidence encodings a linkEncoder keeps: a
// cache, forgotten when full.
const linkEvidenceCache = 1 << 14

func (le *linkEncoder) append(dst []byte, l *Link) ([]byte, error) {
	if math.IsNaN(l.Score) || math.IsInf(l.Score, 0) || (l.Kind != align.Equivalent && l.Kind != align.Related) {
		b, err := le.enc.encode(*l)
		return append(dst, b...), err
	}
	dst = append(dst, `{"a":`...)
	dst = le.str(dst, l.A)
	dst = append(dst, `,"b":`...)
	dst = le.str(dst, l.B)
	dst = append(dst, `,"score":`...)
	dst = appendJSONFloat(dst, l.Score)
	dst = append(dst, `,"kind":`...)
	dst = le.str(dst, l.Kind.String())
	if l.Relation != 0 {
		dst = append(dst, `,"relation":`...)
		dst = le.str(dst, l.Relation.String())
	}
	if l.Reason != "" {
		dst = append(dst, `,"reason":`...)
		dst = le.str(dst, l.Reason)
	}
	if l.Evidence != nil {
		b, ok := le.evidence[l.Evidence]
		if !ok {
			enc, err := le.enc.encode(l.Evidence)
			if err != nil {
				return dst, err
			}
			if le.evidence == nil || len(le.evidence) >= linkEvidenceCache {
				le.evidence = map[*align.Evidence][]byte{}
			}
			b = bytes.Clone(enc)
			le.evidence[l.Evidence] = b
		}
		dst = append(dst, `,"evidence":`...)
		dst = append(dst, b...)
	}
	return append(dst, '}'), nil
}

// str appends s as a JSON string: plain text as it is, anything else as
// encoding/json escapes it.
func (le *linkEncoder) str(dst []byte, s string) []byte {
	if plainJSON(s) {
		dst = append(dst, '"')
		dst = append(dst, s...)
		return append(dst, '"')
	}
	b, _ := le.enc.encode(s) // a string always encodes
	return append(dst, b...)
}

// plainJSON reports whether encoding/json, escaping HTML, writes s between
// quotes unchanged: valid UTF-8 with no quote, backslash, control
// character, <, >, & or line and paragraph separators.
func plainJSON(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r == '\u2028' || r == '\u2029' {
			return false
		}
		i += size
	}
	return true
}

// appendJSONFloat appends f as encoding/json writes a float64 (finite f):
// the shortest decimal, in exponent form below 1e-6 and from 1e21.
func appendJSONFloat(dst []byte, f float64) []byte {
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	dst = strconv.AppendFloat(dst, f, format, -1, 64)
	if format == 'e' {
		// clean up e-09 to e-9
		if n := len(dst); n >= 4 && dst[n-4] == 'e' && dst[n-3] == '-' && dst[n-2] == '0' {
			dst[n-2] = dst[n-1]
			dst = dst[:n-1]
		}
	}
	return dst
}

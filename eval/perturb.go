package eval

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"hash/fnv"
	"html"
	"io"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/policycmp/policycmp"
	"github.com/policycmp/policycmp/internal/docxtest"
	"github.com/policycmp/policycmp/internal/textcol"
	"github.com/policycmp/policycmp/taxonomy"
)

// A Perturbation rewrites a document the way another copy of it could be
// written: other line ends, indentation, brackets, spans and wraps of a web
// page or a PDF, another encoding. A plan's structure and metadata should
// not change under any of them, so scoring the dev documents perturbed
// measures how far the structure stage holds on copies it has never seen
// (documents held out are copied from other pages in other ways).
type Perturbation struct {
	Name  string
	About string
	// Apply returns the perturbed copy. It is deterministic: the same input
	// gives the same copy.
	Apply func(doc []byte) []byte
}

// reBodyStart is the line after which an archive copy's header (标题:,
// 文号:, 原始链接: …) ends and the document's body begins.
var reBodyStart = regexp.MustCompile(`(?m)^=*\s*正文[:：]?\s*=*\s*$`)

// body splits a copy into its archive header and its body: the header is
// the archive's, not the page's, so layout perturbations leave it alone.
func body(s string) (head, text string) {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	if loc := reBodyStart.FindStringIndex(s); loc != nil {
		return s[:loc[1]], s[loc[1]:]
	}
	return "", s
}

func onBody(f func(string) string) func([]byte) []byte {
	return func(doc []byte) []byte {
		head, text := body(string(doc))
		return []byte(head + f(text))
	}
}

func eachLine(s string, f func(i int, line string) string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = f(i, l)
	}
	return strings.Join(lines, "\n")
}

// rng is a generator seeded by the text, so a perturbation is a function
// of its input.
func rng(s string) *rand.Rand {
	h := fnv.New64a()
	io.WriteString(h, s)
	return rand.New(rand.NewPCG(h.Sum64(), 20261207))
}

var (
	reYearUnit    = regexp.MustCompile(`(\d{4})年`)
	reParenMarker = regexp.MustCompile(`(?m)^([（(])([一二三四五六七八九十]+)([)）])`)
	reDotMarker   = regexp.MustCompile(`(?m)^(\d{1,2})([.、．])`)
	reNumberUnit  = regexp.MustCompile(`(\d+(?:\.\d+)?)(%|个|人|张|元)`)
)

// PerturbWrapWidth is the display width the hard-wrap perturbation breaks
// lines at: a PDF page's line of 36 Han characters.
const PerturbWrapWidth = 72

// Perturbations returns the perturbations policycmp is measured under, in
// a fixed order.
func Perturbations() []Perturbation {
	return []Perturbation{
		{"crlf", "CRLF line ends", func(doc []byte) []byte {
			return bytes.ReplaceAll(bytes.ReplaceAll(doc, []byte("\r\n"), []byte("\n")), []byte("\n"), []byte("\r\n"))
		}},
		{"blank-lines", "a blank line after every line", onBody(func(s string) string { return strings.ReplaceAll(s, "\n", "\n\n") })},
		{"indent", "every line indented with two ideographic spaces", onBody(func(s string) string {
			return eachLine(s, func(_ int, l string) string {
				if strings.TrimSpace(l) == "" {
					return l
				}
				return "\u3000\u3000" + l
			})
		})},
		{"full-width", "ASCII brackets, commas and colons written full-width", onBody(strings.NewReplacer("(", "（", ")", "）", ",", "，", ":", "：").Replace)},
		{"half-width", "full-width brackets, commas, colons and semicolons written in ASCII", onBody(strings.NewReplacer("（", "(", "）", ")", "，", ",", "：", ":", "；", ";").Replace)},
		{"marker-space", "a space after every line-start marker", onBody(func(s string) string {
			s = reDotMarker.ReplaceAllString(s, "$1$2 ")
			return reParenMarker.ReplaceAllString(s, "$1$2$3 ")
		})},
		{"split-years", "every other year's 年 on a line of its own", onBody(func(s string) string {
			n := 0
			return reYearUnit.ReplaceAllStringFunc(s, func(m string) string {
				if n++; n%2 == 0 {
					return strings.TrimSuffix(m, "年") + "\n年"
				}
				return m
			})
		})},
		{"split-markers", "line-start markers broken over lines ((\\n一\\n)\\n, 1\\n.\\n)", onBody(func(s string) string {
			s = reParenMarker.ReplaceAllString(s, "$1\n$2\n$3\n")
			return reDotMarker.ReplaceAllString(s, "$1\n$2\n")
		})},
		{"number-spans", "half the numbers with their units set on lines of their own", onBody(func(s string) string {
			r := rng(s)
			return reNumberUnit.ReplaceAllStringFunc(s, func(m string) string {
				if r.IntN(2) == 0 {
					return m
				}
				sub := reNumberUnit.FindStringSubmatch(m)
				return "\n" + sub[1] + "\n" + sub[2]
			})
		})},
		{"fragments", "a third of the long lines broken at a random place", onBody(func(s string) string {
			r := rng(s)
			return eachLine(s, func(_ int, l string) string {
				rs := []rune(l)
				var out []string
				for len(rs) > 20 && r.IntN(3) == 0 {
					k := 5 + r.IntN(len(rs)-10)
					out = append(out, string(rs[:k]))
					rs = rs[k:]
				}
				return strings.Join(append(out, string(rs)), "\n")
			})
		})},
		{"page-numbers", "a page number line (- 3 -) after every 25 lines", onBody(func(s string) string {
			return eachLine(s, func(i int, l string) string {
				if i%25 == 24 {
					return l + fmt.Sprintf("\n- %d -", i/25+1)
				}
				return l
			})
		})},
		{"hard-wrap", fmt.Sprintf("every line broken at %d display columns (a PDF's copy)", PerturbWrapWidth), onBody(func(s string) string {
			return eachLine(s, func(_ int, l string) string { return wrapLine(l, PerturbWrapWidth) })
		})},
		{"run-on", "the whole body on one line", onBody(func(s string) string { return strings.ReplaceAll(s, "\n", "") })},
		{"html", "every line a <p> of a page with navigation and a footer", func(doc []byte) []byte {
			var b strings.Builder
			b.WriteString(`<html><head><meta charset="utf-8"><title>页面</title></head><body><div class="nav">首页 &gt; 政府信息公开</div>`)
			for _, l := range strings.Split(strings.ReplaceAll(string(doc), "\r\n", "\n"), "\n") {
				b.WriteString("<p>" + html.EscapeString(l) + "</p>\n")
			}
			b.WriteString(`<div class="footer">版权所有 主办单位</div></body></html>`)
			return []byte(b.String())
		}},
		{"docx", "a Word document, a paragraph a line", func(doc []byte) []byte {
			var body strings.Builder
			for _, l := range strings.Split(strings.ReplaceAll(string(doc), "\r\n", "\n"), "\n") {
				var esc bytes.Buffer
				_ = xml.EscapeText(&esc, []byte(l))
				body.WriteString(docxtest.Para(esc.String()))
			}
			out, err := docxtest.Build(body.String(), "")
			if err != nil {
				return doc // cannot happen: an in-memory archive; the copy is then the input
			}
			return out
		}},
		{"gb18030", "encoded in GB18030", func(doc []byte) []byte {
			out, err := simplifiedchinese.GB18030.NewEncoder().Bytes(doc)
			if err != nil {
				return doc // cannot happen for valid UTF-8; the copy is then the input
			}
			return out
		}},
		{"no-header", "the archive's header left out: the body alone", func(doc []byte) []byte {
			_, text := body(string(doc))
			return []byte(text)
		}},
	}
}

// wrapLine breaks l into lines of at most cols display columns.
func wrapLine(l string, cols int) string {
	var b strings.Builder
	w := 0
	for _, r := range l {
		rw := textcol.Width(string(r))
		if w+rw > cols {
			b.WriteByte('\n')
			w = 0
		}
		b.WriteRune(r)
		w += rw
	}
	return b.String()
}

// Robustness is the structure and metadata scores of the documents of a
// gold file under one perturbation.
type Robustness struct {
	Perturbation string
	Scores       *Scores
}

// Perturbed ingests every document of docs (by file name) perturbed each
// way, classifies it and scores it against g, without alignment (what a
// perturbation changes is the structure; alignment follows it). The
// no-header copy drops the archive's fields, so its metadata scores what
// the body alone says.
func Perturbed(ctx context.Context, g *Gold, docs map[string][]byte, tax *taxonomy.Taxonomy) ([]Robustness, error) {
	cls := taxonomy.NewDict(tax, taxonomy.DictOptions{})
	names := make([]string, 0, len(docs))
	for n := range docs {
		names = append(names, n)
	}
	slices.Sort(names)
	var out []Robustness
	for _, p := range Perturbations() {
		res := &policycmp.Result{Taxonomy: tax}
		for _, n := range names {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			d, err := policycmp.IngestContext(ctx, n, p.Apply(docs[n]), policycmp.Options{})
			if err != nil {
				return nil, fmt.Errorf("perturbation %s of %s: %w", p.Name, n, err)
			}
			d.Classify(cls)
			res.Documents = append(res.Documents, d)
		}
		out = append(out, Robustness{Perturbation: p.Name, Scores: Evaluate(g, res)})
	}
	return out, nil
}

// PrintRobustness writes one line per perturbation: task counts exact,
// gold tasks located, false tasks, metadata fields and the theme set F1.
func PrintRobustness(w io.Writer, rs []Robustness) {
	fmt.Fprintf(w, "%-14s %7s %9s %7s %9s %6s\n", "perturbation", "counts", "located", "false", "metadata", "F1")
	for _, r := range rs {
		s := r.Scores
		fmt.Fprintf(w, "%-14s %3d/%-3d %4d/%-4d %3d/%-3d %4d/%-4d %6.3f\n", r.Perturbation, s.CountsExact, len(s.Docs), s.TasksLocated, s.Tasks,
			s.FalseTasks, s.NotTasks, s.FieldsRight, s.FieldsGold, s.SetF1())
	}
}

package policycmp_test

import (
	"context"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/policycmp/policycmp"
	"github.com/policycmp/policycmp/internal/docxtest"
	"github.com/policycmp/policycmp/report"
	"github.com/policycmp/policycmp/seeds"
)

// shapes are pathological inputs for ingest, each built to a given size.
var shapes = []struct {
	name  string
	build func(size int) string
}{
	{"run-on line", func(size int) string { // a whole body on one line, markers inline
		var b strings.Builder
		for i := 1; b.Len() < size; i++ {
			fmt.Fprintf(&b, "(%s)推进第%d项改革任务。%d.落实医保支付改革,覆盖率达到90%%。", cnNum(i%99+1), i, i%9+1)
		}
		return b.String()
	}},
	{"tiny items", func(size int) string { // many numbered items of a few characters
		var b strings.Builder
		for i := 1; b.Len() < size; i++ {
			fmt.Fprintf(&b, "%d.推进。\n", i%9999+1)
		}
		return b.String()
	}},
	{"split lines", func(size int) string { // numbers and words on lines of their own
		var b strings.Builder
		for i := 1; b.Len() < size; i++ {
			fmt.Fprintf(&b, "%d.\n到\n2025\n年,覆盖率达到\n%d\n%%\n以上。\n", i%9999+1, i%100)
		}
		return b.String()
	}},
	{"pull quotes", func(size int) string { // quoted lines that repeat longer paragraphs
		var b strings.Builder
		for i := 1; b.Len() < size; i++ {
			fmt.Fprintf(&b, "推进第%d项医疗卫生服务体系建设工作,完善分级诊疗,\n“推进第%d项医疗卫生服务体系建设工作”\n持续提升服务能力。\n", i, i)
		}
		return b.String()
	}},
	{"one joined paragraph", func(size int) string { // every line goes on: one paragraph of 100,000s of lines, quoted terms split across them
		var b strings.Builder
		b.WriteString("(一)")
		for b.Len() < size {
			b.WriteString("推进医改,\n“\n一站式\n”\n服务,\n")
		}
		b.WriteString("完成。\n")
		return b.String()
	}},
	{"no punctuation", func(size int) string { // one unpunctuated line after a marker
		return "(一)" + strings.Repeat("推进医疗卫生服务体系建设", size/36+1)
	}},
	{"hard-wrapped", func(size int) string { // every line broken at 60 columns, numbers repeated twice (5. 5.) inline
		var b strings.Builder
		for i := 1; b.Len() < size; i++ {
			fmt.Fprintf(&b, "%d.推进第%d项改革。各地要结合实际认真组织实施加强统筹协调明确工作责任。%d.细化措施。", i%9+1, i, i%9+1)
		}
		r := []rune(b.String())
		var w strings.Builder
		for len(r) > 30 {
			w.WriteString(string(r[:30]))
			w.WriteByte('\n')
			r = r[30:]
		}
		w.WriteString(string(r))
		return w.String()
	}},
	{"nested tables", func(size int) string { // a page of tables inside tables, text at every depth
		var b strings.Builder
		b.WriteString("<html><body>")
		depth := 0
		for i := 1; b.Len() < size; i++ {
			fmt.Fprintf(&b, "<table><tr><td>序号</td><td><p>%d.推进第%d项改革。</p>", i%9+1, i)
			depth++
		}
		for ; depth > 0; depth-- {
			b.WriteString("</td></tr></table>")
		}
		return b.String()
	}},
	{"table rows", func(size int) string { // one data table of many short rows, and one very wide row
		var b strings.Builder
		b.WriteString("<html><body><table><tr><td>序号</td><td>工作任务</td><td>牵头单位</td><td>完成时限</td></tr>")
		for i := 1; b.Len() < size*3/4; i++ {
			fmt.Fprintf(&b, "<tr><td>%d</td><td><p>推进第%d项改革，</p><p>覆盖率达到90%%</p></td><td>市卫生健康委</td><td>2025年底前</td></tr>\n", i, i)
		}
		b.WriteString("<tr>")
		for b.Len() < size {
			b.WriteString("<td>市医保局</td>")
		}
		b.WriteString("</tr></table></body></html>")
		return b.String()
	}},
	{"word table", func(size int) string { // a Word document of one table of many rows, a column merged down
		var b strings.Builder
		b.WriteString("<w:tbl>")
		for i := 1; b.Len() < size; i++ {
			merged := `<w:tcPr><w:vMerge/></w:tcPr><w:p/>` // the cell above goes on
			if i%50 == 1 {
				merged = `<w:tcPr><w:vMerge w:val="restart"/></w:tcPr>` + docxtest.Para("医保")
			}
			b.WriteString(`<w:tr><w:tc>` + docxtest.Para(strconv.Itoa(i)) + `</w:tc><w:tc>` + merged +
				`</w:tc><w:tc>` + docxtest.Para("推进第"+strconv.Itoa(i)+"项改革，覆盖率达到90%") + `</w:tc></w:tr>`)
		}
		b.WriteString("</w:tbl>")
		doc, err := docxtest.Build(b.String(), "")
		if err != nil {
			panic(err) // an archive built in memory
		}
		return string(doc)
	}},
	{"concatenated seeds", func(size int) string {
		var b strings.Builder
		for b.Len() < size {
			for _, n := range seeds.Names() {
				d, _ := seeds.Read(n)
				b.Write(d)
				b.WriteByte('\n')
			}
		}
		return b.String()
	}},
}

func cnNum(n int) string {
	d := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 10:
		return d[n]
	case n < 20:
		return "十" + d[n%10]
	}
	return d[n/10] + "十" + d[n%10]
}

// shapeGrowth times run (returning the seconds it measured) on each shape
// at each size, and reports the growth exponent between the smallest and
// the largest size (1 is linear) and the time at the largest.
func shapeGrowth(b *testing.B, sizes []int, largest string, run func(b *testing.B, text string) float64) {
	for _, sh := range shapes {
		b.Run(sh.name, func(b *testing.B) {
			var secs []float64
			for b.Loop() {
				secs = secs[:0]
				for _, size := range sizes {
					secs = append(secs, run(b, sh.build(size)))
				}
			}
			n := len(sizes) - 1
			b.ReportMetric(math.Log(secs[n]/secs[0])/math.Log(float64(sizes[n])/float64(sizes[0])), "exponent")
			b.ReportMetric(secs[n], "s@"+largest)
		})
	}
}

// BenchmarkIngestShapes ingests each pathological shape at three sizes
// and reports the growth exponent between the smallest and the largest
// (1 is linear): go test -run '^$' -bench IngestShapes .
func BenchmarkIngestShapes(b *testing.B) {
	shapeGrowth(b, []int{250 << 10, 1 << 20, 4 << 20}, "4MB", func(b *testing.B, text string) float64 {
		start := time.Now()
		if _, err := policycmp.IngestString("shape.txt", text); err != nil {
			b.Fatal(err)
		}
		return time.Since(start).Seconds()
	})
}

// BenchmarkCompareShapes runs each pathological shape through the whole
// pipeline past ingest — two copies of it: classification, alignment
// (phrases, labels, local alignment, tasks) and the report as JSON, HTML
// and Markdown — at three sizes, and reports the growth exponent (1 is
// linear): go test -run '^$' -bench CompareShapes .
// It found the target table comparing every pair of rows and the clause
// rescoring every pair of phrases of two huge clauses (19 s and 6 s at 512
// KB against two copies and the seeds, exponents 1.6 and 1.3).
func BenchmarkCompareShapes(b *testing.B) {
	seg := jieba(b)
	ctx := context.Background()
	shapeGrowth(b, []int{32 << 10, 128 << 10, 512 << 10}, "512KB", func(b *testing.B, text string) float64 {
		var docs []*policycmp.Document
		for _, name := range []string{"shape-a.txt", "shape-b.txt"} {
			d, err := policycmp.IngestString(name, text)
			if err != nil {
				b.Fatal(err)
			}
			docs = append(docs, d)
		}
		start := time.Now()
		res, err := policycmp.Compare(ctx, docs, policycmp.Config{Aligner: policycmp.NewAligner(seg)})
		if err != nil {
			b.Fatal(err)
		}
		rep := report.Build(res, report.Options{})
		for _, write := range []func(io.Writer) error{rep.JSON, rep.HTML, rep.Markdown} {
			if err := write(io.Discard); err != nil {
				b.Fatal(err)
			}
		}
		return time.Since(start).Seconds()
	})
}

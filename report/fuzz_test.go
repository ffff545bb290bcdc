package report_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/policycmp/policycmp"
	"github.com/policycmp/policycmp/report"
	"github.com/policycmp/policycmp/segment"
)

// FuzzRender: two documents made of arbitrary text go through Compare and
// every renderer without a panic, and no markup from the text reaches the
// HTML or the Markdown unescaped.
func FuzzRender(f *testing.F) {
	f.Add("一、任务\n(一)推进<b>医联体</b>建设,达到90%。", "一、任务\n(一)推进医联体建设,达到85%。")
	f.Add("=1+1\n|a|b|\n`x`", "**y**")
	f.Fuzz(func(t *testing.T, a, b string) {
		da, errA := policycmp.IngestString("a.txt", a)
		db, errB := policycmp.IngestString("b.txt", b)
		if errA != nil || errB != nil {
			return
		}
		res, err := policycmp.Compare(context.Background(), []*policycmp.Document{da, db}, policycmp.Config{Aligner: policycmp.NewAligner(segment.Bigrams)})
		if err != nil {
			t.Fatal(err)
		}
		r := report.Build(res, report.Options{})
		var buf bytes.Buffer
		for _, render := range []func() error{
			func() error { return r.HTML(&buf) }, func() error { return r.Markdown(&buf) },
			func() error { return r.JSON(&buf) }, func() error { return r.CSV(&buf, "coverage") },
		} {
			buf.Reset()
			if err := render(); err != nil {
				t.Fatal(err)
			}
		}
		buf.Reset()
		if err := r.HTML(&buf); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(a+b, "<x-evil") && strings.Contains(buf.String(), "<x-evil") {
			t.Fatalf("markup from the text reached the HTML")
		}
	})
}

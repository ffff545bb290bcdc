package policycmp_test

import (
	"context"
	"fmt"
	"io"
	"testing"

	"github.com/policycmp/policycmp"
	"github.com/policycmp/policycmp/internal/scale"
	"github.com/policycmp/policycmp/report"
	"github.com/policycmp/policycmp/seeds"
	"github.com/policycmp/policycmp/segment"
	"github.com/policycmp/policycmp/taxonomy"
)

func seedBytes(b *testing.B) (names []string, data [][]byte, total int) {
	b.Helper()
	for _, n := range seeds.Names() {
		d, err := seeds.Read(n)
		if err != nil {
			b.Fatal(err)
		}
		names, data, total = append(names, n), append(data, d), total+len(d)
	}
	return names, data, total
}

// BenchmarkIngest: decode, clean and parse the five seeds.
func BenchmarkIngest(b *testing.B) {
	names, data, total := seedBytes(b)
	b.SetBytes(int64(total))
	b.ReportAllocs()
	for b.Loop() {
		for i := range data {
			if _, err := policycmp.Ingest(names[i], data[i], policycmp.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkNormalize: the width/NFKC transformer alone.
func BenchmarkNormalize(b *testing.B) {
	_, data, total := seedBytes(b)
	b.SetBytes(int64(total))
	for b.Loop() {
		for _, d := range data {
			policycmp.NormalizeString(string(d))
		}
	}
}

// BenchmarkClassify: themes for every task of the five seeds.
func BenchmarkClassify(b *testing.B) {
	docs := loadSeeds(b)
	cls := taxonomy.NewDict(taxonomy.Default(), taxonomy.DictOptions{})
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			d.Classify(cls)
		}
	}
}

func jieba(b *testing.B) segment.Segmenter {
	b.Helper()
	seg, err := segment.Shared()
	if err != nil {
		b.Skipf("jieba dictionaries unavailable: %v", err)
	}
	return seg
}

// BenchmarkAlign: clause, phrase and task alignment of the five seeds
// (dictionary loaded once, outside the loop).
func BenchmarkAlign(b *testing.B) {
	docs := loadSeeds(b)
	ctx := context.Background()
	if _, err := policycmp.Compare(ctx, docs, policycmp.Config{}); err != nil {
		b.Fatal(err)
	}
	al := policycmp.NewAligner(jieba(b))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, _, err := al.Align(ctx, docs); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEndToEnd: the five seeds from bytes to the HTML report.
func BenchmarkEndToEnd(b *testing.B) {
	names, data, total := seedBytes(b)
	seg := jieba(b)
	ctx := context.Background()
	b.SetBytes(int64(total))
	b.ReportAllocs()
	for b.Loop() {
		docs := make([]*policycmp.Document, len(data))
		for i := range data {
			var err error
			if docs[i], err = policycmp.Ingest(names[i], data[i], policycmp.Options{}); err != nil {
				b.Fatal(err)
			}
		}
		res, err := policycmp.Compare(ctx, docs, policycmp.Config{Aligner: policycmp.NewAligner(seg)})
		if err != nil {
			b.Fatal(err)
		}
		if err := report.Build(res, report.Options{}).HTML(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScale runs the whole pipeline on generated corpora; compare
// ns/op across sizes for the growth (policycmp bench-scale prints it).
func BenchmarkScale(b *testing.B) {
	gen, err := scale.New(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	seg := jieba(b)
	for _, n := range []int{50, 100, 200} {
		corpus := gen.Generate(n, 1)
		total := 0
		for _, d := range corpus {
			total += len(d.Text)
		}
		b.Run(fmt.Sprintf("docs=%d", n), func(b *testing.B) {
			b.SetBytes(int64(total))
			for b.Loop() {
				docs := make([]*policycmp.Document, n)
				for i, d := range corpus {
					docs[i], _ = policycmp.IngestString(d.Name, d.Text)
				}
				res, err := policycmp.Compare(context.Background(), docs, policycmp.Config{Aligner: policycmp.NewAligner(seg)})
				if err != nil {
					b.Fatal(err)
				}
				if err := report.Build(res, report.Options{Compact: true}).JSON(io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

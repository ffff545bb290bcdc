//go:build cgo

package main

import (
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/policycmp/policycmp/segment"
)

// BenchmarkSeedsProcess runs the README's first command (the HTML report of
// the embedded seeds) as a whole process, and reports it against loading
// the segmenter's dictionaries as policycmp does (jieba and its IDF table),
// timed in the same run: ×dictload is the start-up bar's ratio.
func BenchmarkSeedsProcess(b *testing.B) {
	dir := b.TempDir()
	bin := filepath.Join(dir, "policycmp")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("build: %v\n%s", err, out)
	}
	var load time.Duration
	const loads = 3
	for range loads {
		start := time.Now()
		j, err := segment.NewJieba(segment.Options{})
		if err != nil {
			b.Skip(err)
		}
		j.IDF("医保") // waits for the IDF table
		load += time.Since(start)
		j.Close()
	}
	var run time.Duration
	n := 0
	for b.Loop() {
		start := time.Now()
		if out, err := exec.Command(bin, "report", "--format", "html", "--out", filepath.Join(dir, "report.html")).CombinedOutput(); err != nil {
			b.Fatalf("report: %v\n%s", err, out)
		}
		run += time.Since(start)
		n++
	}
	b.ReportMetric(load.Seconds()/loads, "dictload_s")
	b.ReportMetric(run.Seconds()/float64(n)/(load.Seconds()/loads), "×dictload")
}

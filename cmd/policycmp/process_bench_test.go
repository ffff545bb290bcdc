//go:build cgo

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/policycmp/policycmp/segment"
)

// BenchmarkSeedsProcess runs the README's first command (the HTML report of
// the embedded seeds) as a whole process, and reports it against a process
// that only loads the segmenter's dictionaries as policycmp does (jieba and
// its IDF table, then exits): ×dictload, the start-up bar's ratio, is the
// median report process over the median load process. The two are run in
// turn, so a slow minute of the machine slows both.
func BenchmarkSeedsProcess(b *testing.B) {
	dir := b.TempDir()
	bin := filepath.Join(dir, "policycmp")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("build: %v\n%s", err, out)
	}
	if _, err := segment.NewJieba(segment.Options{}); err != nil {
		b.Skip(err)
	}
	timed := func(cmd *exec.Cmd) time.Duration {
		start := time.Now()
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("%s: %v\n%s", cmd.Args[0], err, out)
		}
		return time.Since(start)
	}
	var loads, runs []time.Duration
	for b.Loop() {
		load := exec.Command(os.Args[0])
		load.Env = append(os.Environ(), "POLICYCMP_TEST_LOADDICT=1")
		loads = append(loads, timed(load))
		runs = append(runs, timed(exec.Command(bin, "report", "--format", "html", "--out", filepath.Join(dir, "report.html"))))
	}
	median := func(ds []time.Duration) float64 {
		s := slices.Clone(ds)
		slices.Sort(s)
		return s[len(s)/2].Seconds()
	}
	b.ReportMetric(median(loads), "dictload_s")
	b.ReportMetric(median(runs), "process_s")
	b.ReportMetric(median(runs)/median(loads), "×dictload")
}

// loadDictOnly loads the dictionaries as policycmp does and returns the
// exit code: the process BenchmarkSeedsProcess measures the run against.
func loadDictOnly() int {
	j, err := segment.NewJieba(segment.Options{})
	if err != nil {
		return 1
	}
	j.IDF("医保") // waits for the IDF table
	return 0
}

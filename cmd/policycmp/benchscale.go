package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"github.com/policycmp/policycmp"
	"github.com/policycmp/policycmp/internal/scale"
	"github.com/policycmp/policycmp/report"
	"github.com/policycmp/policycmp/segment"
)

// cmdBenchScale runs the whole pipeline — ingest, classify, align, report —
// on generated corpora of growing size and prints throughput, peak memory
// and how the time grows between sizes.
func cmdBenchScale(ctx context.Context, e *env, args []string) error {
	var c common
	fs := newFlags("bench-scale", e, &c, "text")
	sizes := fs.String("sizes", "100,250,500,1000", "comma-separated corpus sizes, ascending")
	seed := fs.Uint64("seed", 1, "generator seed")
	noAlign := fs.Bool("no-align", false, "skip alignment")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile to this file")
	memProfile := fs.String("memprofile", "", "write a heap profile (allocations) to this file after the last size")
	exact := fs.Int("exact", 0, "also check the candidate search on this many phrases against exhaustive search (no budget)")
	if err := parseFlags(fs, args, &c, "text"); err != nil {
		return err
	}
	if *exact < 0 {
		fmt.Fprintf(e.stderr, "policycmp bench-scale: --exact wants a number of phrases, 0 for none\n")
		return errUsage
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	var ns []int
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n <= 0 {
			fmt.Fprintf(e.stderr, "policycmp bench-scale: bad size %q\n", s)
			return errUsage
		}
		ns = append(ns, n)
	}
	gen, err := scale.New(ctx)
	if err != nil {
		return err
	}
	cfg, err := pipelineConfig(nil, !*noAlign)
	if err != nil {
		return err
	}
	var stages []string
	var stageStart time.Time
	cfg.Progress = func(stage string, done, total int) {
		if done == total {
			stages = append(stages, fmt.Sprintf("%s %.1fs", stage, time.Since(stageStart).Seconds()))
			stageStart = time.Now()
		}
	}
	seg, err := segment.Shared()
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "GOMAXPROCS=%d; floor: jieba alone over the same bytes with the same workers\n%8s %8s %9s %8s %9s %9s %9s %10s %8s %10s  %s\n", runtime.GOMAXPROCS(0),
		"docs", "MB", "seconds", "MB/s", "floorMB/s", "×floor", "links", "peakRSS_MB", "heap_MB", "exponent", "stages")
	var prevN int
	var prevT float64
	for _, n := range ns {
		docs := gen.Generate(n, *seed)
		bytesIn := 0
		for _, d := range docs {
			bytesIn += len(d.Text)
		}
		floor, err := segmentFloor(ctx, seg, docs)
		if err != nil {
			return err
		}
		runtime.GC()
		start := time.Now()
		parsed := make([]*policycmp.Document, len(docs))
		errs := make([]error, len(docs))
		if err := policycmp.Parallel(ctx, len(docs), 0, func(i int) {
			parsed[i], errs[i] = policycmp.IngestContext(ctx, docs[i].Name, []byte(docs[i].Text), policycmp.Options{})
		}); err != nil {
			return err // interrupted: parsed is incomplete
		}
		for _, err := range errs {
			if err != nil {
				return err
			}
		}
		stages = []string{fmt.Sprintf("ingest %.1fs", time.Since(start).Seconds())}
		stageStart = time.Now()
		res, err := policycmp.Compare(ctx, parsed, cfg)
		if err != nil {
			return err
		}
		rs := time.Now()
		if err := report.Build(res, report.Options{Compact: true}).JSON(io.Discard); err != nil {
			return err
		}
		stages = append(stages, fmt.Sprintf("report %.1fs", time.Since(rs).Seconds()))
		secs := time.Since(start).Seconds()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		exp := ""
		if prevN > 0 {
			exp = fmt.Sprintf("%.2f", math.Log(secs/prevT)/math.Log(float64(n)/float64(prevN)))
		}
		mb := float64(bytesIn) / (1 << 20)
		fmt.Fprintf(e.stdout, "%8d %8.1f %9.2f %8.2f %9.2f %9.1f %9d %10d %8d %10s  %s\n", n, mb, secs, mb/secs, mb/floor, secs/floor, len(res.Alignments), peakRSS()/1024, ms.HeapSys>>20, exp, strings.Join(stages, ", "))
		prevN, prevT = n, secs
		if *exact > 0 {
			if err := checkExact(ctx, e, parsed, *exact); err != nil {
				return err
			}
		}
	}
	if *memProfile != "" {
		f, err := os.Create(*memProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		return pprof.Lookup("allocs").WriteTo(f, 0)
	}
	return nil
}

// segmentFloor is the time jieba alone takes over the documents' bytes
// with the pipeline's workers: the floor the pipeline is measured against.
func segmentFloor(ctx context.Context, seg segment.Segmenter, docs []scale.Doc) (float64, error) {
	start := time.Now()
	err := policycmp.Parallel(ctx, len(docs), 0, func(i int) { seg.Segment(docs[i].Text) })
	return time.Since(start).Seconds(), err
}

// peakRSS reads the process's peak resident set size in KiB (Linux), 0 elsewhere.
func peakRSS() int {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			n, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
			return n
		}
	}
	return 0
}

// checkExact compares the candidates the aligner's bounded search finds
// for a sample of phrases with those of exhaustive search over the same
// index (every posting read): the share of the exhaustive top candidates
// found bounds the links the budget can lose.
func checkExact(ctx context.Context, e *env, docs []*policycmp.Document, sample int) error {
	ix, opts, err := policycmp.NewAligner(nil).PhraseIndex(ctx, docs)
	if err != nil {
		return err
	}
	found, want := 0, 0
	step := max(1, ix.Len()/sample)
	units := 0
	for i := 0; i < ix.Len() && units < sample; i += step {
		units++
		got := map[int]bool{}
		for _, j := range ix.Candidates(i, opts.Candidates, opts.Budget) {
			got[j] = true
		}
		for _, j := range ix.ExhaustiveCandidates(i, opts.Candidates) {
			want++
			if got[j] {
				found++
			}
		}
	}
	fmt.Fprintf(e.stdout, "%8s exhaustive check: %d of %d candidates (top %d, and by concept) of %d phrases found (%.1f%%)\n", "", found, want, opts.Candidates, units, 100*float64(found)/float64(max(1, want)))
	return nil
}

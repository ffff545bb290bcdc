package work

import (
	"context"
	"sync/atomic"
	"testing"
)

func TestEachRunsEveryJobOnce(t *testing.T) {
	for _, workers := range []int{0, 1, 3, 100} {
		var hits [50]atomic.Int32
		var started atomic.Int32
		err := Each(context.Background(), len(hits), workers, func() func(int) {
			started.Add(1)
			return func(i int) { hits[i].Add(1) }
		})
		if err != nil {
			t.Fatal(err)
		}
		for i := range hits {
			if hits[i].Load() != 1 {
				t.Fatalf("workers=%d: job %d ran %d times", workers, i, hits[i].Load())
			}
		}
		if workers > 0 && int(started.Load()) > workers {
			t.Errorf("workers=%d: %d workers started", workers, started.Load())
		}
	}
	if err := Do(context.Background(), 0, 4, func(int) { t.Error("no job to run") }); err != nil {
		t.Error(err)
	}
}

func TestEachStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, workers := range []int{1, 4} {
		var ran atomic.Int32
		err := Do(ctx, 1000, workers, func(int) { ran.Add(1) })
		if err != context.Canceled {
			t.Errorf("workers=%d: err = %v, want context.Canceled", workers, err)
		}
		if ran.Load() != 0 {
			t.Errorf("workers=%d: %d jobs ran after cancellation", workers, ran.Load())
		}
	}
}

func TestDefault(t *testing.T) {
	f, n, s := 0.0, 3, ""
	Default(&f, 0.5)
	Default(&n, 7)
	Default(&s, "x")
	if f != 0.5 || n != 3 || s != "x" {
		t.Errorf("got %v %v %q", f, n, s)
	}
}

func TestEachChunksCoverEveryJob(t *testing.T) {
	// Sizes around the chunk boundaries: every job runs once, none twice.
	for _, n := range []int{1, 2, 511, 512, 513, 4096, 200_003} {
		for _, workers := range []int{2, 3, 7} {
			hits := make([]atomic.Int32, n)
			if err := Do(context.Background(), n, workers, func(i int) { hits[i].Add(1) }); err != nil {
				t.Fatal(err)
			}
			for i := range hits {
				if hits[i].Load() != 1 {
					t.Fatalf("n=%d workers=%d: job %d ran %d times", n, workers, i, hits[i].Load())
				}
			}
		}
	}
}

func TestEachStopsSoonAfterCancel(t *testing.T) {
	const n = 1 << 20
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var ran, late atomic.Int32
	var cancelled atomic.Bool
	err := Do(ctx, n, 2, func(i int) {
		if cancelled.Load() {
			late.Add(1)
		}
		if ran.Add(1) == 1000 {
			cancel()
			cancelled.Store(true)
		}
	})
	if err != context.Canceled {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	// Each worker checks between jobs, so once cancel has returned at
	// most the job each worker had already begun to take may start.
	if got := late.Load(); got > 2 {
		t.Errorf("%d jobs started after cancel returned (of %d that ran), want at most 2", got, ran.Load())
	}
}

func TestChunkOf(t *testing.T) {
	for _, c := range []struct{ n, workers, want int }{
		{0, 2, 1}, {100, 2, 1}, {5_000, 2, 9}, {1_000_000, 2, MaxChunk}, {1_000_000, 64, 61},
	} {
		if got := chunkOf(c.n, c.workers); got != c.want {
			t.Errorf("chunkOf(%d, %d) = %d, want %d", c.n, c.workers, got, c.want)
		}
	}
}

// BenchmarkEachCheapJobs hands out a million jobs that do almost nothing:
// the cost of handing them out (one channel send each, before the chunks,
// was most of the labels' time at 1,000 documents).
func BenchmarkEachCheapJobs(b *testing.B) {
	out := make([]int32, 1<<20)
	for b.Loop() {
		_ = Do(context.Background(), len(out), 0, func(i int) { out[i]++ })
	}
}

func TestInPartsCoversEveryIndexOnce(t *testing.T) {
	for _, n := range []int{0, 1, 2, 3, 7, 1000} {
		parts := InParts(n, func(lo, hi int) [2]int { return [2]int{lo, hi} })
		at := 0
		for _, p := range parts {
			if p[0] != at || p[1] < p[0] {
				t.Fatalf("n=%d: parts %v do not follow one another", n, parts)
			}
			at = p[1]
		}
		if at != n {
			t.Errorf("n=%d: parts %v end at %d", n, parts, at)
		}
	}
}

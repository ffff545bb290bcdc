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

// Package work runs indexed jobs on a bounded number of goroutines, fills
// in option defaults and rounds scores. It is shared by policycmp and its leaf packages.
package work

import (
	"context"
	"math"
	"runtime"
	"sync"
	"sync/atomic"
)

// Each runs jobs 0..n-1 on up to workers goroutines (0 or less:
// GOMAXPROCS). Every goroutine calls newWorker once and runs its jobs with
// the function it returns, so a worker can keep scratch memory across jobs.
// Each stops handing out jobs when ctx is cancelled and returns ctx.Err().
//
// Workers take the jobs in chunks of consecutive indices from a shared
// counter (see chunkOf): handing out jobs one at a time over a channel
// cost more than many jobs do (a million cheap jobs kept two cores about
// half busy).
func Each(ctx context.Context, n, workers int, newWorker func() func(i int)) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, n)
	done := ctx.Done()
	cancelled := func() bool {
		select {
		case <-done:
			return true
		default:
			return false
		}
	}
	if workers <= 1 {
		f := newWorker()
		for i := range n {
			if cancelled() {
				break
			}
			f(i)
		}
		return ctx.Err()
	}
	chunk := chunkOf(n, workers)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f := newWorker()
			for {
				lo := int(next.Add(int64(chunk))) - chunk
				if lo >= n {
					return
				}
				for i := lo; i < min(lo+chunk, n); i++ {
					if cancelled() {
						return
					}
					f(i)
				}
			}
		}()
	}
	wg.Wait()
	return ctx.Err()
}

// MaxChunk bounds the consecutive jobs a worker of Each takes at once.
const MaxChunk = 256

// chunkOf is how many consecutive jobs a worker takes at once: about a
// 256th of each worker's share, so that the last chunks still balance
// the cores when jobs differ in cost, and at most MaxChunk.
func chunkOf(n, workers int) int {
	return max(1, min(MaxChunk, n/(workers*256)))
}

// Do is Each with one function for every worker.
func Do(ctx context.Context, n, workers int, f func(i int)) error {
	return Each(ctx, n, workers, func() func(int) { return f })
}

// Round3 rounds x to three decimals, as scores are reported.
func Round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// Default sets *v to d when *v is the zero value.
func Default[T comparable](v *T, d T) {
	var zero T
	if *v == zero {
		*v = d
	}
}

// InParts splits 0..n into one contiguous part [lo, hi) a core (at most
// n parts), runs f on the parts at once and returns their results in
// order: for work that each core does into a result of its own, merged
// after (counts, maps, marks).
func InParts[T any](n int, f func(lo, hi int) T) []T {
	parts := max(1, min(n, runtime.GOMAXPROCS(0)))
	per := (n + parts - 1) / parts
	out := make([]T, parts)
	_ = Do(context.Background(), parts, parts, func(w int) { out[w] = f(min(n, w*per), min(n, (w+1)*per)) })
	return out
}

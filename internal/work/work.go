// Package work runs indexed jobs on a bounded number of goroutines, and
// fills in option defaults. It is shared by policycmp and its leaf packages.
package work

import (
	"context"
	"runtime"
	"sync"
)

// Each runs jobs 0..n-1 on up to workers goroutines (0 or less:
// GOMAXPROCS). Every goroutine calls newWorker once and runs its jobs with
// the function it returns, so a worker can keep scratch memory across jobs.
// Each stops handing out jobs when ctx is cancelled and returns ctx.Err().
func Each(ctx context.Context, n, workers int, newWorker func() func(i int)) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, n)
	if workers <= 1 {
		f := newWorker()
		for i := range n {
			if ctx.Err() != nil {
				break
			}
			f(i)
		}
		return ctx.Err()
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f := newWorker()
			for i := range next {
				f(i)
			}
		}()
	}
feed:
	for i := range n {
		if ctx.Err() != nil {
			break
		}
		select {
		case <-ctx.Done():
			break feed
		case next <- i:
		}
	}
	close(next)
	wg.Wait()
	return ctx.Err()
}

// Do is Each with one function for every worker.
func Do(ctx context.Context, n, workers int, f func(i int)) error {
	return Each(ctx, n, workers, func() func(int) { return f })
}

// Default sets *v to d when *v is the zero value.
func Default[T comparable](v *T, d T) {
	var zero T
	if *v == zero {
		*v = d
	}
}

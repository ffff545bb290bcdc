package eval_test

import (
	"testing"

	"github.com/policycmp/policycmp/eval"
)

// FuzzParseGold: any bytes give a gold or an error, never a panic.
func FuzzParseGold(f *testing.F) {
	f.Add([]byte(`{"documents":[{"source":"a.txt","tasks":[{"loc":"x"}],"not_tasks":["y"]}],"clause_pairs":[]}`))
	f.Add([]byte(`{"documents":null}`))
	f.Add([]byte(`[`))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = eval.ParseGold(data)
	})
}

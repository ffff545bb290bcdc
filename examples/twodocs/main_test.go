package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	var buf bytes.Buffer
	if err := run(context.Background(), nil, &buf); err != nil {
		t.Skipf("needs the jieba dictionaries: %v", err)
	}
	out := buf.String()
	for _, want := range []string{"{+人事+}", "equivalent clause pairs"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

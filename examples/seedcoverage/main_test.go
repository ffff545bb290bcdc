package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	var buf bytes.Buffer
	if err := run(context.Background(), &buf); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if got := strings.Count(out, "\n"); got != 28+4 {
		t.Errorf("got %d lines; want 28 theme rows and 4 gap lines:\n%s", got, out)
	}
	if !strings.Contains(out, "pharma.procurement") || !strings.Contains(out, "misses") {
		t.Errorf("unexpected output:\n%s", out)
	}
}

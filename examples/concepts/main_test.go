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
		t.Skipf("needs the jieba dictionaries: %v", err)
	}
	builtIn, own, ok := strings.Cut(buf.String(), "with a concept of one's own")
	if !ok {
		t.Fatalf("no second comparison:\n%s", buf.String())
	}
	if !strings.Contains(builtIn, "one concept: 对口支援 ~ 对口帮扶") {
		t.Errorf("the equivalent link does not name its concept:\n%s", builtIn)
	}
	if strings.Contains(builtIn, "阳光用药") {
		t.Errorf("linked without the concept of one's own:\n%s", builtIn)
	}
	if !strings.Contains(own, "阳光用药") {
		t.Errorf("the concept of one's own links nothing:\n%s", own)
	}
}

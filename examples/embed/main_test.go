package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/policycmp/policycmp/seeds"
)

func TestCheck(t *testing.T) {
	plan := "一、重点任务\n(一)推进紧密型医联体建设。\n(二)深化医保支付方式改革。\n"
	var buf bytes.Buffer
	n, err := check(context.Background(), "plan.txt", strings.NewReader(plan), &buf)
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 || !strings.Contains(buf.String(), "missing publichealth.cdc") {
		t.Errorf("a two-task plan misses themes; got %d:\n%s", n, buf.String())
	}

	full, err := seeds.Read("004_2e17b2282892fb0a.txt")
	if err != nil {
		t.Fatal(err)
	}
	buf.Reset()
	m, err := check(context.Background(), "heyuan.txt", bytes.NewReader(full), &buf)
	if err != nil {
		t.Fatal(err)
	}
	if m >= n {
		t.Errorf("a full plan misses fewer themes (%d) than a two-task one (%d)", m, n)
	}
	if _, err := check(context.Background(), "empty.txt", strings.NewReader(""), &buf); err == nil {
		t.Error("an empty plan is an error")
	}
}

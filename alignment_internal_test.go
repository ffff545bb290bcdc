package policycmp

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/policycmp/policycmp/align"
)

func TestHeadingLinks(t *testing.T) {
	doc := func(id string, headings ...string) *Document {
		d := &Document{ID: id}
		for _, h := range headings {
			d.Tasks = append(d.Tasks, &Task{ID: id + "/" + h, Heading: h})
		}
		return d
	}
	links, err := headingLinks(context.Background(), []*Document{
		doc("a", "健全公共卫生体系", "加强组织实施", "推进"),
		doc("b", "健全公共卫生服务体系", "推进智慧医院建设", "推进"),
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(links) != 1 || links[0].A != "a/健全公共卫生体系" || links[0].B != "b/健全公共卫生服务体系" {
		t.Fatalf("links = %+v, want one between the public-health headings", links)
	}
	if links[0].Kind != align.Related {
		t.Errorf("a heading alone makes tasks related, not %s", links[0].Kind)
	}
}

func TestMemoEach(t *testing.T) {
	var made sync.Map // key → how many times it was made
	m := newMemo(func(k string) int {
		n, _ := made.LoadOrStore(k, new(atomic.Int32))
		n.(*atomic.Int32).Add(1)
		return len(k)
	})
	if got := m.get("甲乙"); got != 6 {
		t.Fatalf("get = %d", got)
	}
	keys := []string{"甲乙", "a", "bb", "a", "ccc", "bb", "甲乙"}
	got := make([]int, len(keys))
	if err := m.each(context.Background(), len(keys), func(i int) string { return keys[i] }, func(i, v int) { got[i] = v }); err != nil {
		t.Fatal(err)
	}
	for i, k := range keys {
		if got[i] != len(k) {
			t.Errorf("unit %d (%q): %d, want %d", i, k, got[i], len(k))
		}
	}
	made.Range(func(k, n any) bool {
		if c := n.(*atomic.Int32).Load(); c != 1 {
			t.Errorf("%q made %d times, want once", k, c)
		}
		return true
	})
	if v, ok := m.m["ccc"]; !ok || v != 3 {
		t.Errorf("each did not remember ccc: %v %v", v, ok)
	}
}

package policycmp

import (
	"context"
	"strings"
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

// Task links join what the clause links and the whole-task links say of
// each pair of tasks, whichever part of the links they come from: the best
// score, equivalent when a whole-task link is, or an equivalent clause link
// is and the tasks share their primary theme and a character pair of their
// headings (two such clause links need no heading); a related clause link below
// TaskClauseMinScore links nothing; a related task link is kept only when
// one of its tasks nominates it (nominated) and the tasks share a theme.
func TestTaskLinksFrom(t *testing.T) {
	task := func(id, theme string, clauses ...string) *Task {
		heading := map[string]string{"a/1": "推进医联体建设", "b/1": "推进医共体建设", "a/2": "深化医保支付改革", "b/2": "加强人才培养", "b/3": "推进医保支付方式改革"}[id]
		tk := &Task{ID: id, Heading: heading}
		for _, th := range strings.Split(theme, ",") {
			tk.Themes = append(tk.Themes, ThemeScore{ID: th})
		}
		for _, c := range clauses {
			tk.Clauses = append(tk.Clauses, Clause{ID: id + "/" + c})
		}
		return tk
	}
	a := &Document{ID: "a", Tasks: []*Task{task("a/1", "x", "c1", "c2"), task("a/2", "y,z", "c1")}}
	b := &Document{ID: "b", Tasks: []*Task{task("b/1", "x", "c1", "c2"), task("b/2", "z,x", "c1"), task("b/3", "y", "c1")}}
	var clauseLinks []align.Link
	// Many weak links between a/1 and b/1 spread the pair over both parts.
	for range 50 {
		clauseLinks = append(clauseLinks, align.Link{A: "a/1/c1", B: "b/1/c1", Score: 0.3, Kind: align.Related})
	}
	clauseLinks = append(clauseLinks,
		align.Link{A: "a/1/c2", B: "b/1/c2", Score: 0.45, Kind: align.Related},   // the best for a/1 ~ b/1
		align.Link{A: "a/1/c2", B: "b/2/c1", Score: 0.9, Kind: align.Equivalent}, // primary themes differ: related
		align.Link{A: "a/2/c1", B: "b/3/c1", Score: 0.8, Kind: align.Equivalent}, // same theme: equivalent
		align.Link{A: "a/2/c1", B: "b/2/c1", Score: 0.2, Kind: align.Related},    // too weak
		align.Link{A: "a/9/c1", B: "b/1/c1", Score: 0.9, Kind: align.Equivalent}, // unknown clause
	)
	textLinks := []align.Link{
		{A: "a/1", B: "b/1", Score: 0.4, Kind: align.Equivalent},
		{A: "a/2", B: "b/2", Score: 0.35, Kind: align.Related},
	}
	got := taskLinksFrom([]*Document{a, b}, clauseLinks, textLinks, TaskLinkOptions{})
	want := []Link{
		{A: "a/1", B: "b/1", Score: 0.45, Kind: align.Equivalent},
		{A: "a/1", B: "b/2", Score: 0.9, Kind: align.Related},
		// a/2 ~ b/2 (0.35) is gone: a/2's place in b is its equivalent
		// b/3, and b/2 nominates its better a/1 into a.
		{A: "a/2", B: "b/3", Score: 0.8, Kind: align.Equivalent},
	}
	if len(got) != len(want) {
		t.Fatalf("task links = %+v, want %+v", got, want)
	}
	for i := range want {
		if g, w := got[i], want[i]; g.A != w.A || g.B != w.B || g.Score != w.Score || g.Kind != w.Kind {
			t.Errorf("link %d = %+v, want %+v", i, g, w)
		}
	}
	// One equivalent clause pair between tasks whose headings share no
	// character pair is one shared sentence, not counterparts: related.
	c := &Document{ID: "c", Tasks: []*Task{{ID: "c/1", Heading: "发挥信息技术支撑作用", Themes: []ThemeScore{{ID: "y"}}, Clauses: []Clause{{ID: "c/1/c1"}}}}}
	one := taskLinksFrom([]*Document{a, c}, []align.Link{{A: "a/2/c1", B: "c/1/c1", Score: 0.9, Kind: align.Equivalent}}, nil, TaskLinkOptions{})
	if len(one) != 1 || one[0].Kind != align.Related {
		t.Errorf("one equivalent clause, headings apart: %+v, want one related link", one)
	}
	// Without bounds every related task link stays; a higher clause score
	// drops the weak ones.
	if loose := taskLinksFrom([]*Document{a, b}, clauseLinks, textLinks, TaskLinkOptions{RelatedPerDoc: -1, RelatedPerTask: -1}); len(loose) != 4 {
		t.Errorf("without bounds a/2 ~ b/2 stays: %+v", loose)
	}
	for _, l := range taskLinksFrom([]*Document{a, b}, clauseLinks, textLinks, TaskLinkOptions{ClauseMinScore: 0.5, RelatedPerDoc: -1, RelatedPerTask: -1}) {
		if l.A == "a/1" && l.B == "b/1" && l.Score != 0.4 {
			t.Errorf("a/1 ~ b/1 scores %v: its 0.45 clause link no longer counts, the whole-task link (0.4) holds it", l.Score)
		}
	}
	// Tasks that share no theme get no related link (b/2 is z alone now),
	// unless RelatedAnyTheme.
	b.Tasks[1].Themes = b.Tasks[1].Themes[:1]
	for _, l := range taskLinksFrom([]*Document{a, b}, clauseLinks, textLinks, TaskLinkOptions{}) {
		if l.A == "a/1" && l.B == "b/2" {
			t.Errorf("a related link between tasks sharing no theme: %+v", l)
		}
	}
	if n := len(taskLinksFrom([]*Document{a, b}, clauseLinks, textLinks, TaskLinkOptions{RelatedAnyTheme: true})); n != 3 {
		t.Errorf("RelatedAnyTheme: %d task links, want 3", n)
	}
	if l := taskLinksFrom([]*Document{a, b}, nil, nil, TaskLinkOptions{}); l == nil || len(l) != 0 {
		t.Errorf("no links: %#v, want an empty list", l)
	}
}

// A task nominates its best related link into each other document
// (RelatedTaskLinksPerDoc), unless an equivalent link takes the place, and
// RelatedTaskLinksPerTask in all; a related link stays when either of its
// tasks nominates it, and every equivalent link stays.
func TestNominated(t *testing.T) {
	pair := func(a, b int32) uint64 { return uint64(a)<<32 | uint64(uint32(b)) }
	// Task 0 is in document 0; tasks 1–3 in document 1; tasks 4–10 each in
	// a document of their own (2–8).
	docOf := []int32{0, 1, 1, 1, 2, 3, 4, 5, 6, 7, 8}
	all := []taskEntry{
		{pair: pair(0, 1), score: 0.5, eq: false}, // 0's best into document 1: kept
		{pair: pair(0, 2), score: 0.4, eq: false}, // second into document 1; 2 nominates it (its only link): kept
		{pair: pair(0, 3), score: 0.6, eq: true},  // equivalent: kept, and takes no related place
		{pair: pair(1, 4), score: 0.3, eq: false}, // 1's best into document 2: kept
	}
	// Task 0 into documents 2–8: seven links, 0.9 down to 0.3. Task 0
	// nominates four of them and 0~1 (its five best related links), but
	// tasks 4–10 each have this one link into document 0 and nominate it.
	for k := int32(0); k < 7; k++ {
		all = append(all, taskEntry{pair: pair(0, 4+k), score: 0.9 - 0.1*float64(k)})
	}
	keep := nominated(all, docOf, TaskLinkOptions{}.withDefaults())
	for x, e := range all {
		if !keep[x] {
			t.Errorf("entry %d (%d~%d) dropped; every end here nominates its only link or its best", x, e.pair>>32, uint32(e.pair))
		}
	}
	// Now a second task in document 0 that tasks 5 and 10 prefer: their
	// links with 0 rest on 0's nominations alone.
	docOf = append(docOf, 0) // task 11, in document 0
	all = append(all, taskEntry{pair: pair(11, 5), score: 0.95, eq: false}, taskEntry{pair: pair(11, 10), score: 0.95, eq: false})
	keep = nominated(all, docOf, TaskLinkOptions{}.withDefaults())
	want := map[uint64]bool{
		pair(0, 1): true, pair(0, 2): true, pair(0, 3): true, pair(1, 4): true,
		pair(0, 4): true, pair(0, 6): true, pair(0, 7): true, // 0's nominations (and their other ends')
		pair(0, 5):  true,  // 5 prefers 11, but 0 nominates it (0.8)
		pair(0, 8):  true,  // 0 has nominated five, but 8 nominates it
		pair(0, 10): false, // 10 prefers 11, and 0 has nominated five already
		pair(11, 5): true, pair(11, 10): true,
	}
	for x, e := range all {
		if w, ok := want[e.pair]; ok && keep[x] != w {
			t.Errorf("%d~%d kept %v, want %v", e.pair>>32, uint32(e.pair), keep[x], w)
		}
	}
	if n := len(nominated(nil, nil, TaskLinkOptions{}.withDefaults())); n != 0 {
		t.Errorf("no entries: %d kept", n)
	}
}

package taxonomy

import (
	"cmp"
	"math"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/policycmp/policycmp/internal/work"
)

// Unclassified is the theme ID given to a unit no theme term fires on.
const Unclassified = "unclassified"

// Unit is a piece of text to classify: a task, as a list of parts
// (clauses), of which the first HeadParts form its heading.
type Unit struct {
	ID        string
	Parts     []string
	HeadParts int
	// Organising says the unit only says how the plan itself is carried
	// out (a task of a safeguard section: 组织领导, 督导评估, 宣传引导): the
	// taxonomy's Organising theme comes first, the themes its words name
	// after it.
	Organising bool
}

// Label is one theme assigned to a unit.
type Label struct {
	Theme    string
	Score    float64 // in [0,1]
	Evidence []Hit
}

// Hit is a term occurrence that supports a label.
type Hit struct {
	Term    string
	Part    int // index into Unit.Parts
	Start   int // byte offsets into Unit.Parts[Part]
	End     int
	Heading bool
}

// Classifier assigns themes to units. Labels come ordered by score, the
// first being the primary theme.
type Classifier interface {
	Classify(u Unit) []Label
}

// ClassifierFunc adapts a function to the Classifier interface.
type ClassifierFunc func(u Unit) []Label

// Classify calls f(u).
func (f ClassifierFunc) Classify(u Unit) []Label { return f(u) }

// DictOptions tune the dictionary classifier. The zero value uses the
// documented defaults.
type DictOptions struct {
	// HeadingWeight multiplies hits in the heading; 0 means 3.5.
	HeadingWeight float64
	// WeakWeight is the weight of weak terms relative to terms; 0 means 0.35.
	WeakWeight float64
	// Keep is the share of the best raw score a secondary theme needs; 0 means 0.3.
	Keep float64
	// MinRaw is the raw score a theme needs at all; 0 means 0.9.
	MinRaw float64
	// Sure is the raw score at which a theme is kept whatever the best
	// score; 0 means 3.0.
	Sure float64
	// BodyKeep is the share of the strongest body score (the heading left
	// out) from which a secondary theme is kept as well: the heading's
	// weight picks the primary theme but should not silence the other
	// measures the body states. 0 means 0.45; a negative value turns it off.
	BodyKeep float64
	// PassingParts is the number of parts (the heading and the clauses)
	// from which a unit's secondary theme named by one term in its body
	// only, outside the heading, is a passing mention and not kept (基层医疗
	// 卫生机构 once in a long safeguard task): in one or two sentences a
	// term is the measure, in many it is a word of one of them. 0 means 3;
	// a negative value turns it off.
	PassingParts int
}

func (o DictOptions) withDefaults() DictOptions {
	work.Default(&o.HeadingWeight, 3.5)
	work.Default(&o.WeakWeight, 0.35)
	work.Default(&o.Keep, 0.3)
	work.Default(&o.MinRaw, 0.9)
	work.Default(&o.Sure, 3.0)
	work.Default(&o.BodyKeep, 0.45)
	work.Default(&o.PassingParts, 3)
	return o
}

type term struct {
	runes  int // length of str in runes
	str    string
	theme  int
	weight float64
	id     int // unique per (theme, term) entry
}

type reTerm struct {
	re     *regexp.Regexp
	str    string
	theme  int
	weight float64
	id     int
}

// Dict is a dictionary classifier built from a taxonomy's terms. Matching is
// longest-first: a term inside a longer matched term (公共卫生服务 inside
// 基本公共卫生服务) does not fire on its own, so nested entries never count
// twice. A term's weight falls with the number of themes that share it and
// rises with its length. Dict is safe for concurrent use.
type Dict struct {
	tax    *Taxonomy
	opts   DictOptions
	byHead map[rune][]term // terms by first rune, longest first
	// scratch holds *classifyScratch for Classify calls, which may run
	// concurrently.
	scratch sync.Pool
	// dense holds byHead for first runes below denseRunes, by rune: the
	// matcher looks up every rune of every text classified.
	dense [][]term
	res   []reTerm
}

// NewDict builds a dictionary classifier over t.
func NewDict(t *Taxonomy, opts DictOptions) *Dict {
	d := &Dict{tax: t, opts: opts.withDefaults(), byHead: map[rune][]term{}}
	owners := map[string]int{}
	for _, th := range t.Themes {
		for _, s := range append(append([]string{}, th.Terms...), th.Weak...) {
			owners[s]++
		}
	}
	nextID := 0
	for i, th := range t.Themes {
		add := func(s string, w float64) {
			nextID++
			w /= math.Sqrt(float64(owners[s]))
			if pat, ok := strings.CutPrefix(s, "re:"); ok {
				re, err := regexp.Compile(pat)
				if err == nil {
					d.res = append(d.res, reTerm{re: re, str: s, theme: i, weight: w, id: nextID})
				}
				return
			}
			rs := []rune(s)
			if len(rs) == 0 {
				return
			}
			w *= lengthFactor(len(rs))
			d.byHead[rs[0]] = append(d.byHead[rs[0]], term{runes: len(rs), str: s, theme: i, weight: w, id: nextID})
		}
		for _, s := range th.Terms {
			add(s, 1)
		}
		for _, s := range th.Weak {
			add(s, d.opts.WeakWeight)
		}
	}
	top := rune(-1)
	for k, ts := range d.byHead {
		slices.SortStableFunc(ts, func(a, b term) int { return cmp.Compare(b.runes, a.runes) })
		d.byHead[k] = ts
		if k < denseRunes {
			top = max(top, k)
		}
	}
	d.dense = make([][]term, top+1)
	for k, ts := range d.byHead {
		if k <= top {
			d.dense[k] = ts
		}
	}
	return d
}

// denseRunes bounds the first runes whose terms the matcher finds by index
// rather than by map (the Basic Multilingual Plane: every Chinese
// character in common use).
const denseRunes = 1 << 16

// headed is the terms that start with r, longest first.
func (d *Dict) headed(r rune) []term {
	if r >= 0 && int(r) < len(d.dense) {
		return d.dense[r]
	}
	if r < denseRunes {
		return nil
	}
	return d.byHead[r]
}

func lengthFactor(n int) float64 {
	switch {
	case n <= 2:
		return 0.75
	case n == 3:
		return 0.9
	default:
		return 1
	}
}

// Taxonomy returns the taxonomy the classifier was built from.
func (d *Dict) Taxonomy() *Taxonomy { return d.tax }

// Match returns the term hits in s, longest first, without overlaps.
func (d *Dict) Match(s string) []Hit {
	hits, _ := d.match(s)
	return hits
}

type scored struct {
	hit    Hit
	theme  int
	weight float64
	term   int // the term entry's id; a regular-expression match adds its text
}

func (d *Dict) match(s string) ([]Hit, []scored) {
	out := d.scoredMatches(s, nil)
	hits := make([]Hit, len(out))
	for i, o := range out {
		hits[i] = o.hit
	}
	return hits, out
}

// scoredMatches appends the term hits in s to out: at each rune, left to
// right, the longest term starting there (and its namesakes in other
// themes) unless a longer term matched before covers it; then the
// regular-expression terms.
func (d *Dict) scoredMatches(s string, out []scored) []scored {
	covered := 0 // bytes before this are inside a term matched at an earlier rune
	for i, r := range s {
		longest, end := 0, 0
		for _, t := range d.headed(r) {
			if t.runes < longest {
				break // only the longest term at i (and its namesakes in other themes) fires
			}
			if !strings.HasPrefix(s[i:], t.str) {
				continue
			}
			longest, end = t.runes, i+len(t.str)
			if end <= covered {
				break // part of a longer term already matched
			}
			out = append(out, scored{hit: Hit{Term: t.str, Start: i, End: end}, theme: t.theme, weight: t.weight, term: t.id})
		}
		covered = max(covered, end)
	}
	for _, rt := range d.res {
		for _, loc := range rt.re.FindAllStringIndex(s, -1) {
			out = append(out, scored{hit: Hit{Term: s[loc[0]:loc[1]], Start: loc[0], End: loc[1]}, theme: rt.theme, weight: rt.weight, term: rt.id})
		}
	}
	return out
}

// classifyScratch is one Classify call's working memory, kept for the next
// call (Dict.scratch): about 300,000 calls at 1,000 documents.
type classifyScratch struct {
	raw, body      []float64
	terms          []int  // per theme: the distinct terms that named it
	inHead         []bool // per theme: a term named it in the heading
	ev             [][]Hit
	seen, seenBody map[int]int
	sc             []scored
}

// Classify implements Classifier.
func (d *Dict) Classify(u Unit) []Label {
	n := len(d.tax.Themes)
	sp, _ := d.scratch.Get().(*classifyScratch)
	if sp == nil || len(sp.raw) != n {
		sp = &classifyScratch{raw: make([]float64, n), body: make([]float64, n), terms: make([]int, n), inHead: make([]bool, n), ev: make([][]Hit, n), seen: map[int]int{}, seenBody: map[int]int{}}
	}
	defer d.scratch.Put(sp)
	clear(sp.raw)
	clear(sp.body)
	clear(sp.terms)
	clear(sp.inHead)
	clear(sp.ev) // the hits handed out stay with their labels: each call starts its own
	clear(sp.seen)
	clear(sp.seenBody)
	raw, body, ev, seen, seenBody := sp.raw, sp.body, sp.ev, sp.seen, sp.seenBody // body is raw without the heading; seen counts occurrences per term entry
	sc := sp.sc[:0]
	defer func() { sp.sc = sc[:0] }()
	for p, part := range u.Parts {
		head := p < u.HeadParts
		sc = d.scoredMatches(part, sc[:0])
		for _, s := range sc {
			k := seen[s.term]
			seen[s.term] = k + 1
			if k == 0 {
				sp.terms[s.theme]++
			}
			sp.inHead[s.theme] = sp.inHead[s.theme] || head
			w := s.weight * repeatFactor(k)
			if head {
				w *= d.opts.HeadingWeight
			}
			raw[s.theme] += w
			if !head {
				kb := seenBody[s.term]
				seenBody[s.term] = kb + 1
				body[s.theme] += s.weight * repeatFactor(kb)
			}
			h := s.hit
			h.Part = p
			h.Heading = head
			if k == 0 || head {
				ev[s.theme] = append(ev[s.theme], h)
			}
		}
	}
	best, top := 0.0, -1
	for i, r := range raw {
		if r > best {
			best, top = r, i
		}
	}
	org := -1 // the organising theme, for an organising unit
	if u.Organising && d.tax.Organising != "" {
		org = slices.IndexFunc(d.tax.Themes, func(t Theme) bool { return t.ID == d.tax.Organising })
	}
	if best < d.opts.MinRaw {
		if org >= 0 {
			return []Label{{Theme: d.tax.Themes[org].ID, Score: work.Round3(d.opts.MinRaw / (d.opts.MinRaw + 2)), Evidence: ev[org]}}
		}
		return []Label{{Theme: Unclassified, Score: 0}}
	}
	bestBody := slices.Max(body)
	var kept []int // theme indices, strongest first, then in taxonomy order
	for i, r := range raw {
		bodyKept := d.opts.BodyKeep > 0 && bestBody > 0 && body[i] >= d.opts.BodyKeep*bestBody
		if i != top && (r < d.opts.MinRaw || (r < d.opts.Keep*best && r < d.opts.Sure && !bodyKept)) {
			continue
		}
		if i != top && d.opts.PassingParts > 0 && len(u.Parts) >= d.opts.PassingParts && sp.terms[i] == 1 && !sp.inHead[i] {
			continue // a passing mention
		}
		kept = append(kept, i)
	}
	slices.SortStableFunc(kept, func(a, b int) int {
		if c := cmp.Compare(raw[b], raw[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	out := make([]Label, len(kept))
	for k, i := range kept {
		out[k] = Label{Theme: d.tax.Themes[i].ID, Score: work.Round3(raw[i] / (raw[i] + 2)), Evidence: ev[i]}
	}
	if org >= 0 && kept[0] != org {
		// The organising theme takes the first place at the strength of
		// the theme it precedes; the others follow as they were.
		lead := Label{Theme: d.tax.Themes[org].ID, Score: out[0].Score, Evidence: ev[org]}
		if k := slices.Index(kept, org); k >= 0 {
			out = slices.Delete(out, k, k+1)
		}
		out = slices.Insert(out, 0, lead)
	}
	return out
}

// repeatFactor is the weight of a term's k-th repeat (0: first occurrence)
// in one unit: repeats add little.
func repeatFactor(k int) float64 {
	switch {
	case k == 0:
		return 1
	case k <= 2:
		return 0.25
	}
	return 0
}

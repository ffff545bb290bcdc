package align_test

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/policycmp/policycmp/align"
)

// conceptCorpus: unit 0 names the global budget by 总额控制; document B
// holds near-boilerplate that shares more characters with it, and one
// unit naming the same concept by 总额预算.
func conceptCorpus() []align.Unit {
	gb := func(form string) []align.Concept {
		return []align.Concept{{ID: "insurance.payment/global_budget", Form: form}}
	}
	units := []align.Unit{{ID: "a", Doc: "A", Text: "完善医保付费总额控制", Concepts: gb("总额控制")}}
	for _, t := range []string{"完善医保付费方式", "完善医保付费管理", "完善医保付费制度", "完善医保付费政策"} {
		units = append(units, align.Unit{ID: "b-" + t, Doc: "B", Text: t})
	}
	units = append(units,
		align.Unit{ID: "b-budget", Doc: "B", Text: "推行总额预算管理", Concepts: gb("总额预算")},
		align.Unit{ID: "b-same", Doc: "B", Text: "落实总额控制办法", Concepts: gb("总额控制")})
	return units
}

// A unit that names a concept in other words is a candidate beyond those
// the shared characters rank, unless concept candidates are off.
func TestConceptCandidates(t *testing.T) {
	units := conceptCorpus()
	ids := func(ix *align.Index, cs []int) []string {
		var out []string
		for _, c := range cs {
			out = append(out, ix.Unit(c).ID)
		}
		return out
	}
	ix := align.NewIndexFor(units, align.Options{})
	got := ids(ix, ix.Candidates(0, 2, 1<<30))
	assert.Contains(t, got, "b-budget", "named by another form: offered by the concept")
	assert.Equal(t, got, ids(ix, ix.ExhaustiveCandidates(0, 2)), "the exhaustive search offers the same")
	require.Len(t, got, 3, "two by characters, one by the concept")

	off := align.NewIndexFor(units, align.Options{ConceptCandidates: -1})
	assert.NotContains(t, ids(off, off.Candidates(0, 2, 1<<30)), "b-budget")
}

// The concept feature fires for a concept named by different forms only:
// not for the same form, nor for a form inside the other.
func TestConceptFeature(t *testing.T) {
	k := slices.Index(align.FeatureNames, "concept")
	require.GreaterOrEqual(t, k, 0)
	units := conceptCorpus()
	units = append(units,
		align.Unit{ID: "c1", Doc: "C", Text: "完善互联网+收费政策", Concepts: []align.Concept{{ID: "digital.health/internet", Form: "互联网+"}}},
		align.Unit{ID: "d1", Doc: "D", Text: "推动互联网+医疗发展", Concepts: []align.Concept{{ID: "digital.health/internet", Form: "互联网+医疗"}}})
	ix := align.NewIndex(units, 0.05)
	at := func(id string) int { return slices.IndexFunc(units, func(u align.Unit) bool { return u.ID == id }) }
	assert.Equal(t, 1.0, ix.Features(0, at("b-budget"))[k], "总额控制 ~ 总额预算")
	assert.Equal(t, 0.0, ix.Features(0, at("b-same"))[k], "the same form: the characters show it")
	assert.Equal(t, 0.0, ix.Features(0, at("b-完善医保付费方式"))[k], "no concept")
	assert.Equal(t, 0.0, ix.Features(at("c1"), at("d1"))[k], "互联网+ inside 互联网+医疗: one wording")
}

// A label in local wording names the concept the two texts word
// differently, in the forms they write.
func TestLabelNamesTheConcept(t *testing.T) {
	a := align.Unit{Text: "落实市级三级医院对口支援县级医院制度", Concepts: []align.Concept{{ID: "delivery.consortia/counterpart", Form: "对口支援"}}}
	b := align.Unit{Text: "持续推进三级医院对口帮扶县级医院工作", Concepts: []align.Concept{{ID: "delivery.consortia/counterpart", Form: "对口帮扶"}}}
	rel, ev := align.Label(a, b)
	assert.Equal(t, align.Adapted, rel)
	assert.Equal(t, []string{"对口支援", "对口帮扶"}, ev.Concept)
	assert.Contains(t, ev.String(), "one concept named 对口支援 and 对口帮扶")

	folded := align.Unit{Text: "落实集采医保资金结余留用政策", Concepts: []align.Concept{{ID: "pharma.procurement/centralized", Form: "集中带量采购", Text: "集采"}}}
	other := align.Unit{Text: "落实集中带量采购结余留用", Concepts: []align.Concept{{ID: "pharma.procurement/centralized", Form: "集中带量采购"}}}
	_, ev = align.Label(folded, other)
	assert.Nil(t, ev.Concept, "the same form once folded: no concept to name")
	_, ev = align.Label(folded, align.Unit{Text: "落实药品集中采购结余留用", Concepts: []align.Concept{{ID: "pharma.procurement/centralized", Form: "集中采购"}}})
	assert.Equal(t, []string{"集采", "集中采购"}, ev.Concept, "as the text writes it")
}

package align

import (
	"hash/maphash"
	"slices"
	"testing"
)

func TestGroupContents(t *testing.T) {
	tg := Target{Indicator: "床位", Value: 6, Unit: "张", Comparator: ">="}
	units := []Unit{
		{Text: "推进家庭医生签约", Words: []string{"推进", "家庭医生", "签约"}},
		{Text: "推进家庭医生签约", Words: []string{"推进", "家庭医生", "签约"}}, // a copy
		{Text: "推进家庭医生签约", Words: []string{"推进", "家庭医生签约"}},     // other words
		{Text: "每千人口床位6张", Targets: []Target{tg}},
		{Text: "每千人口床位6张", Targets: []Target{{Indicator: "床位", Value: 7, Unit: "张", Comparator: ">="}}},
		{Text: "每千人口床位6张", Targets: []Target{tg}},
		{Text: "深化医保支付方式改革", Concepts: []Concept{{ID: "payment", Form: "支付方式改革", Text: "支付方式改革"}}},
		{Text: "深化医保支付方式改革", Concepts: []Concept{{ID: "payment", Form: "支付方式改革", Text: "支付方式 改革"}}}, // the written form is not compared
		{Text: "深化医保支付方式改革", Themes: []string{"insurance.payment"}},
	}
	want := []int32{0, 0, 1, 2, 3, 2, 4, 4, 5}
	seed := maphash.MakeSeed()
	hashes := make([]uint64, len(units))
	for i := range units {
		hashes[i] = contentHash(seed, &units[i])
	}
	collide := make([]uint64, len(units)) // every unit with one hash: the full keys decide
	for name, hs := range map[string][]uint64{"hashes": hashes, "one hash for all": collide} {
		textID, members := groupContents(units, hs)
		if !slices.Equal(textID, want) {
			t.Errorf("%s: contents %v, want %v", name, textID, want)
		}
		for c, ms := range members {
			for _, i := range ms {
				if textID[i] != int32(c) {
					t.Errorf("%s: unit %d is a member of content %d but has %d", name, i, c, textID[i])
				}
			}
		}
	}
	for i := range units {
		for j := range units {
			if sameContent(&units[i], &units[j]) && hashes[i] != hashes[j] {
				t.Errorf("units %d and %d are one content with different hashes", i, j)
			}
		}
	}
}

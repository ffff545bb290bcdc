package align_test

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/policycmp/policycmp/align"
)

func TestDefaultModelLoads(t *testing.T) {
	m, err := align.DefaultModel()
	require.NoError(t, err)
	assert.Equal(t, align.FeatureNames, m.Features)
	assert.Less(t, m.Related, m.Equivalent)
	assert.LessOrEqual(t, m.Equivalent, m.Sure)
	assert.True(t, m.Related <= m.MutualSure && m.MutualSure <= m.Equivalent, "the shipped model has its mutual-best threshold: %v", m.MutualSure)

	bad := *m
	bad.MutualSure = m.Equivalent + 0.01
	assert.Error(t, bad.Check(), "mutual_sure above equivalent")
}

// Fit recovers a separable rule: positives share most character pairs.
func TestFitSeparates(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var samples []align.Sample
	for k := 0; k < 400; k++ {
		pos := k%2 == 0
		f := make([]float64, len(align.FeatureNames))
		for i := range f {
			f[i] = r.Float64()
		}
		if pos {
			f[2] = 0.5 + 0.5*r.Float64() // dice
		} else {
			f[2] = 0.6 * r.Float64()
		}
		samples = append(samples, align.Sample{F: f, Label: pos})
	}
	m, err := align.Fit(samples, align.FitOptions{})
	require.NoError(t, err)
	require.NoError(t, m.Check())
	assert.Equal(t, m.Equivalent, m.MutualSure, "no sample is a mutual best match: no precision below Equivalent, so MutualSure is Equivalent")
	dice := 2
	assert.Greater(t, m.Weights[dice], 1.0, "the informative feature carries the weight: %v", m.Weights)
	hi := make([]float64, len(align.FeatureNames))
	lo := make([]float64, len(align.FeatureNames))
	for i := range hi {
		hi[i], lo[i] = 0.5, 0.5
	}
	hi[dice], lo[dice] = 0.95, 0.1
	assert.Greater(t, m.Prob(hi), m.Equivalent)
	assert.Less(t, m.Prob(lo), m.Related)

	_, err = align.Fit(samples[:1], align.FitOptions{})
	assert.Error(t, err, "one class only")
}

func TestLongestCommon(t *testing.T) {
	assert.Equal(t, 9, align.LongestCommon("落实政府对符合区域卫生规划的投入", "全面落实政府对符合区域规划"))
	assert.Equal(t, 0, align.LongestCommon("", "甲"))
}

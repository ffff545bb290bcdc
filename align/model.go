package align

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"slices"
)

// FeatureNames names the features of a candidate pair, in the order of
// Index.Features. Every feature is in [0,1] and computed from the two units
// and fixed reference weights only, never from the other units loaded, so a
// pair's features (and its probability) are the same in any run.
var FeatureNames = []string{
	"char_cosine",   // cosine of the character-pair vectors (reference weights)
	"word_cosine",   // cosine of the word vectors (background IDF)
	"dice",          // shared character pairs over all, twice
	"contained",     // shared character pairs over those of the shorter text
	"longest",       // longest shared run of characters over the shorter text's length
	"longest_abs",   // that run's length, ten characters and more counting 1
	"specific",      // the weight of the most specific shared word, over 12
	"specific_sum",  // the summed weight of the shared words, over 40
	"theme",         // 1 same primary theme, 0.5 a shared theme or unknown, 0 none
	"metric",        // 1 when the two set targets on the same metric
	"length_ratio",  // the shorter text's length over the longer's
	"key_term",      // 1 when they share a rare curated domain term
	"concept",       // 1 when they share a domain concept named by different forms only (Unit.Concepts)
	"concepts_same", // the concepts both name over those either names (0 when neither names one)
}

// Model is a logistic model of "the two units state the same measure"
// over the features of a pair: P = σ(bias + Σ weight·(feature−mean)/scale).
// Pairs with P ≥ Related are linked; with P ≥ Equivalent, as equivalent.
// DefaultModel is fitted by 'policycmp eval --fit' on labelled pairs (see
// the README's evaluation section); its probabilities are the link scores.
// It is calibrated for the features policycmp computes: jieba words with
// their IDF (Options.WordIDF) and reference character-pair weights
// (Options.PairIDF, the embedded seeds); with other weights it still
// orders pairs but its thresholds no longer mean what they say.
type Model struct {
	Features   []string  `json:"features"`
	Mean       []float64 `json:"mean"`
	Scale      []float64 `json:"scale"`
	Weights    []float64 `json:"weights"`
	Bias       float64   `json:"bias"`
	Equivalent float64   `json:"equivalent"` // probability from which a link is equivalent
	// Mutual is the lower probability from which a link is equivalent
	// when each unit is the other's most probable match in its document.
	Mutual  float64 `json:"mutual"`
	Related float64 `json:"related"` // probability from which a pair is linked
	// Sure is the probability from which the model alone makes a link
	// equivalent when rules decide beside it (Options.Rules): where the
	// training precision reaches SurePrecision.
	Sure float64 `json:"sure"`
	// MutualSure is the probability from which the model alone makes a
	// link equivalent beside the rules when each unit is the other's most
	// probable match in its document (see Options.NoModelMutual): the
	// lowest, between Related and Equivalent, at which the training
	// precision of such pairs reaches SurePrecision, else Equivalent. 0 (a
	// model fitted before it) means Sure.
	MutualSure float64 `json:"mutual_sure,omitempty"`
	// Fitted says on what the model was fitted, for the record.
	Fitted string `json:"fitted,omitempty"`
}

//go:embed model.json
var modelJSON []byte

// DefaultModel returns the shipped pair model (a fresh copy).
func DefaultModel() (*Model, error) {
	var m Model
	if err := json.Unmarshal(modelJSON, &m); err != nil {
		return nil, fmt.Errorf("align: model.json: %w", err)
	}
	return &m, m.Check()
}

// Check reports whether the model fits FeatureNames.
func (m *Model) Check() error {
	if !slices.Equal(m.Features, FeatureNames) || len(m.Mean) != len(FeatureNames) || len(m.Scale) != len(FeatureNames) || len(m.Weights) != len(FeatureNames) {
		return fmt.Errorf("align: the model's features %v are not %v", m.Features, FeatureNames)
	}
	if !(m.Related > 0 && m.Related <= m.Mutual && m.Mutual <= m.Equivalent && m.Equivalent <= m.Sure && m.Sure < 1) {
		return fmt.Errorf("align: model thresholds want 0 < related (%g) ≤ mutual (%g) ≤ equivalent (%g) ≤ sure (%g) < 1", m.Related, m.Mutual, m.Equivalent, m.Sure)
	}
	if m.MutualSure != 0 && !(m.Related <= m.MutualSure && m.MutualSure <= m.Equivalent) {
		return fmt.Errorf("align: model threshold mutual_sure (%g) wants related (%g) ≤ it ≤ equivalent (%g)", m.MutualSure, m.Related, m.Equivalent)
	}
	return nil
}

// Prob is the model's probability for feature vector f.
func (m *Model) Prob(f []float64) float64 {
	z := m.Bias
	for k, x := range f {
		s := m.Scale[k]
		if s == 0 {
			s = 1
		}
		z += m.Weights[k] * (x - m.Mean[k]) / s
	}
	return 1 / (1 + math.Exp(-z))
}

// mutualSure is MutualSure, or Sure for a model fitted without it.
func (m *Model) mutualSure() float64 {
	if m.MutualSure == 0 {
		return m.Sure
	}
	return m.MutualSure
}

// SurePrecision is the training precision from which the model alone
// makes a link equivalent beside the rules (Model.Sure).
const SurePrecision = 0.97

// Sample is a labelled feature vector.
type Sample struct {
	F     []float64
	Label bool
	// Group names what the sample belongs to for cross-validation (its
	// documents), so that held-out folds share no document with training.
	Groups []string
	// Mutual is filled by Fit: whether each unit is the other's most
	// probable candidate in its document (see MutualBest).
	Mutual func(m *Model) bool
}

// FitOptions tune Fit.
type FitOptions struct {
	// L2 is the ridge penalty on the standardised weights; 0 means 0.05.
	L2 float64
	// Iterations of Newton's method; 0 means 30.
	Iterations int
	// MinPrecision is the precision the Equivalent threshold must reach on
	// the training samples; 0 means 0.9. Related is where recall of the
	// positives reaches MinRecall (0 means 0.95) at the least.
	MinPrecision, MinRecall float64
}

// Fit fits a Model to labelled samples by L2-regularised logistic
// regression (Newton's method on standardised features) and picks the
// thresholds: Equivalent is the lowest probability at which the training
// precision reaches MinPrecision, Related the highest at which the
// recall of positives reaches MinRecall.
func Fit(samples []Sample, opts FitOptions) (*Model, error) {
	if opts.L2 == 0 {
		opts.L2 = 0.05
	}
	if opts.Iterations == 0 {
		opts.Iterations = 30
	}
	if opts.MinPrecision == 0 {
		opts.MinPrecision = 0.9
	}
	if opts.MinRecall == 0 {
		opts.MinRecall = 0.95
	}
	d := len(FeatureNames)
	pos := 0
	for _, s := range samples {
		if len(s.F) != d {
			return nil, fmt.Errorf("align: fit: a sample has %d features, want %d", len(s.F), d)
		}
		if s.Label {
			pos++
		}
	}
	if pos == 0 || pos == len(samples) {
		return nil, fmt.Errorf("align: fit: want positive and negative samples (%d of %d positive)", pos, len(samples))
	}
	m := &Model{Features: slices.Clone(FeatureNames), Mean: make([]float64, d), Scale: make([]float64, d), Weights: make([]float64, d)}
	n := float64(len(samples))
	for _, s := range samples {
		for k, x := range s.F {
			m.Mean[k] += x / n
		}
	}
	for _, s := range samples {
		for k, x := range s.F {
			m.Scale[k] += (x - m.Mean[k]) * (x - m.Mean[k]) / n
		}
	}
	for k := range m.Scale {
		m.Scale[k] = math.Sqrt(m.Scale[k])
		if m.Scale[k] < 1e-9 {
			m.Scale[k] = 1
		}
	}
	// Newton's method over (bias, weights).
	p := d + 1
	x := func(s Sample, k int) float64 {
		if k == d {
			return 1
		}
		return (s.F[k] - m.Mean[k]) / m.Scale[k]
	}
	beta := make([]float64, p)
	for it := 0; it < opts.Iterations; it++ {
		grad := make([]float64, p)
		hess := make([][]float64, p)
		for k := range hess {
			hess[k] = make([]float64, p)
		}
		for _, s := range samples {
			z := 0.0
			for k := 0; k < p; k++ {
				z += beta[k] * x(s, k)
			}
			pr := 1 / (1 + math.Exp(-z))
			y := 0.0
			if s.Label {
				y = 1
			}
			w := pr * (1 - pr)
			for k := 0; k < p; k++ {
				xk := x(s, k)
				grad[k] += (pr - y) * xk
				for l := 0; l < p; l++ {
					hess[k][l] += w * xk * x(s, l)
				}
			}
		}
		for k := 0; k < d; k++ { // no penalty on the bias
			grad[k] += opts.L2 * n * beta[k]
			hess[k][k] += opts.L2 * n
		}
		step, ok := solve(hess, grad)
		if !ok {
			break
		}
		done := true
		for k := range beta {
			beta[k] -= step[k]
			if math.Abs(step[k]) > 1e-8 {
				done = false
			}
		}
		if done {
			break
		}
	}
	copy(m.Weights, beta[:d])
	m.Bias = beta[d]
	m.Equivalent, m.Related = thresholds(m, samples, opts.MinPrecision, opts.MinRecall)
	m.Mutual = mutualThreshold(m, samples, opts.MinPrecision)
	m.Sure, _ = thresholds(m, samples, SurePrecision, opts.MinRecall)
	m.Sure = max(m.Sure, m.Equivalent)
	m.MutualSure = mutualThreshold(m, samples, SurePrecision)
	return m, nil
}

// mutualThreshold is the lowest probability, between Related and
// Equivalent, at which the samples that are mutual best matches reach
// minPrec precision.
func mutualThreshold(m *Model, samples []Sample, minPrec float64) float64 {
	type scored struct {
		p float64
		y bool
	}
	var ss []scored
	for _, s := range samples {
		if s.Mutual != nil && s.Mutual(m) {
			ss = append(ss, scored{m.Prob(s.F), s.Label})
		}
	}
	slices.SortFunc(ss, func(a, b scored) int { return cmpFloat(b.p, a.p) })
	t := m.Equivalent
	tp, fp := 0, 0
	for _, s := range ss {
		if s.y {
			tp++
		} else {
			fp++
		}
		if s.p < m.Equivalent && float64(tp)/float64(tp+fp) >= minPrec {
			t = s.p
		}
	}
	return min(max(t, m.Related), m.Equivalent)
}

// MutualBest reports whether units i and j of the index are each other's
// most probable candidate (under m, among k candidates) in each other's
// document.
func (ix *Index) MutualBest(m *Model, i, j, k, budget int) bool {
	best := func(from, to int) bool {
		p := m.Prob(ix.Features(from, to))
		for _, c := range ix.Candidates(from, k, budget) {
			if c != to && ix.docIdx[c] == ix.docIdx[to] && m.Prob(ix.Features(from, c)) > p {
				return false
			}
		}
		return true
	}
	return best(i, j) && best(j, i)
}

// thresholds picks Equivalent and Related on the training samples.
func thresholds(m *Model, samples []Sample, minPrec, minRec float64) (eq, rel float64) {
	type scored struct {
		p float64
		y bool
	}
	var ss []scored
	pos := 0
	for _, s := range samples {
		ss = append(ss, scored{m.Prob(s.F), s.Label})
		if s.Label {
			pos++
		}
	}
	slices.SortFunc(ss, func(a, b scored) int { return cmpFloat(b.p, a.p) }) // most probable first
	eq, rel = 0.99, 0.01
	tp, fp := 0, 0
	for _, s := range ss { // the lowest cut keeping precision ≥ minPrec
		if s.y {
			tp++
		} else {
			fp++
		}
		if float64(tp)/float64(tp+fp) >= minPrec {
			eq = s.p
		}
		if float64(tp) >= minRec*float64(pos) && rel == 0.01 {
			rel = s.p
		}
	}
	eq = min(max(eq, 0.05), 0.99)
	rel = min(max(rel, 0.01), eq)
	return eq, rel
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// solve solves A x = b by Gaussian elimination with partial pivoting.
func solve(a [][]float64, b []float64) ([]float64, bool) {
	n := len(b)
	m := make([][]float64, n)
	for i := range a {
		m[i] = append(slices.Clone(a[i]), b[i])
	}
	for c := 0; c < n; c++ {
		piv := c
		for r := c + 1; r < n; r++ {
			if math.Abs(m[r][c]) > math.Abs(m[piv][c]) {
				piv = r
			}
		}
		if math.Abs(m[piv][c]) < 1e-12 {
			return nil, false
		}
		m[c], m[piv] = m[piv], m[c]
		for r := c + 1; r < n; r++ {
			f := m[r][c] / m[c][c]
			for k := c; k <= n; k++ {
				m[r][k] -= f * m[c][k]
			}
		}
	}
	x := make([]float64, n)
	for r := n - 1; r >= 0; r-- {
		s := m[r][n]
		for k := r + 1; k < n; k++ {
			s -= m[r][k] * x[k]
		}
		x[r] = s / m[r][r]
	}
	return x, true
}

// Features returns the features of units i and j of the index, in the
// order of FeatureNames.
func (ix *Index) Features(i, j int) []float64 {
	f := make([]float64, len(FeatureNames))
	ix.cheapFeatures(i, j, f)
	ix.dearFeatures(i, j, f)
	return f
}

// dear lists the features that cost the most (the longest shared run,
// shared words, key terms): the model's probability is bounded without
// them first, and they are computed only when the bound can reach the
// threshold.
var dear = []int{4, 5, 6, 7, 11}

// prob returns the model's probability for units i and j, or ok false
// when it cannot reach min whatever the dear features are (an exact
// bound: each dear feature is taken at whichever end of [0,1] raises the
// probability most).
func (ix *Index) prob(m *Model, i, j int, min float64, f []float64) (p float64, ok bool) {
	clear(f)
	ix.cheapFeatures(i, j, f)
	z := m.Bias
	for k, x := range f {
		if !slices.Contains(dear, k) {
			z += m.Weights[k] * (x - m.Mean[k]) / m.scale(k)
		}
	}
	bound := z
	for _, k := range dear {
		bound += max(m.Weights[k]*(0-m.Mean[k]), m.Weights[k]*(1-m.Mean[k])) / m.scale(k)
	}
	if 1/(1+math.Exp(-bound)) < min {
		return 0, false
	}
	ix.dearFeatures(i, j, f)
	return m.Prob(f), true
}

func (m *Model) scale(k int) float64 {
	if m.Scale[k] == 0 {
		return 1
	}
	return m.Scale[k]
}

// cheapFeatures fills the features computed from the vectors and pair keys.
func (ix *Index) cheapFeatures(i, j int, f []float64) {
	a, b := &ix.units[i], &ix.units[j] // units are large: no copies
	chars, words := ix.chars, ix.words
	if ix.charsFixed != nil {
		chars, words = ix.charsFixed, ix.wordsFixed
	}
	ti, tj := ix.textID[i], ix.textID[j]
	f[0] = chars[ti].dot(chars[tj])
	f[1] = words[ti].dot(words[tj])
	if len(words[ti].ids) == 0 || len(words[tj].ids) == 0 {
		f[1] = f[0]
	}
	f[2], f[3] = keysOverlap(ix.pairKeysOf(i), ix.pairKeysOf(j))
	if la, lb := ix.runeLen[ti], ix.runeLen[tj]; min(la, lb) > 0 {
		f[10] = float64(min(la, lb)) / float64(max(la, lb))
	}
	switch {
	case len(a.Themes) == 0 || len(b.Themes) == 0 || a.Themes[0] == "unclassified" || b.Themes[0] == "unclassified":
		f[8] = 0.5
	case a.Themes[0] == b.Themes[0]:
		f[8] = 1
	default:
		for _, t := range a.Themes {
			if slices.Contains(b.Themes, t) {
				f[8] = 0.5
			}
		}
	}
	if _, _, ok := ix.sameMetric(i, j); ok {
		f[9] = 1
	}
	if ix.bridged(ti, tj) {
		f[12] = 1
	}
	f[13] = ix.conceptJaccard(ti, tj)
}

// pairKeysOf is unit i's pair keys, kept or computed.
func (ix *Index) pairKeysOf(i int) []uint64 {
	if ix.keys != nil {
		return ix.keys[ix.textID[i]]
	}
	return pairKeys(ix.units[i].Text)
}

// runesOf is unit i's text as runes clipped to MaxDiffRunes, kept or computed.
func (ix *Index) runesOf(i int) []rune {
	if ix.runes != nil {
		return ix.runes[ix.textID[i]]
	}
	r := []rune(ix.units[i].Text)
	return r[:min(len(r), MaxDiffRunes)]
}

// dearFeatures fills the longest shared run, shared words and key terms.
func (ix *Index) dearFeatures(i, j int, f []float64) {
	ra, rb := ix.runesOf(i), ix.runesOf(j)
	la, lb := len(ra), len(rb)
	lcs := longestCommon(ra, rb)
	if short := min(la, lb); short > 0 {
		f[4] = float64(lcs) / float64(short)
	}
	f[5] = min(1, float64(lcs)/10)
	if ix.bgW != nil {
		top, sum := 0.0, 0.0
		ix.sharedWord(i, j, func(id int32) bool {
			top = max(top, ix.bgW[id])
			sum += ix.bgW[id]
			return false
		})
		f[6] = min(1, top/12)
		f[7] = min(1, sum/40)
	}
	if ix.keyTerm != nil && ix.bgW != nil {
		ix.sharedWord(i, j, func(id int32) bool {
			if ix.keyTerm(ix.wordText[id]) && ix.bgW[id] >= 8 {
				f[11] = 1
				return true
			}
			return false
		})
	}
}

// LongestCommon is the length in runes of the longest run of characters
// that a and b share (dynamic programming over the shorter text; texts are
// clipped to MaxDiffRunes).
func LongestCommon(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > MaxDiffRunes {
		ra = ra[:MaxDiffRunes]
	}
	if len(rb) > MaxDiffRunes {
		rb = rb[:MaxDiffRunes]
	}
	return longestCommon(ra, rb)
}

// longestRow is the stack buffer size for longestCommon's rows.
const longestRow = 128

func longestCommon(ra, rb []rune) int {
	if len(ra) < len(rb) {
		ra, rb = rb, ra
	}
	var bufP, bufC [longestRow + 1]int32
	prev, cur := bufP[:], bufC[:]
	if len(rb) > longestRow {
		prev, cur = make([]int32, len(rb)+1), make([]int32, len(rb)+1)
	}
	prev, cur = prev[:len(rb)+1], cur[:len(rb)+1]
	clear(prev)
	best := int32(0)
	for _, x := range ra {
		for j, y := range rb {
			if x == y {
				cur[j+1] = prev[j] + 1
				best = max(best, cur[j+1])
			} else {
				cur[j+1] = 0
			}
		}
		prev, cur = cur, prev
	}
	return int(best)
}

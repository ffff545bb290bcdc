package eval

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/policycmp/policycmp"
	"github.com/policycmp/policycmp/align"
)

// LabelledPair is a clause pair with its label and why, as used to fit
// the alignment model.
type LabelledPair struct {
	A, B   string // clause IDs
	Label  bool
	Reason string
}

// PairSamples builds the labelled samples the alignment model is fitted
// on, from docs (every document the pairs name, loaded together):
//   - each gold pair is a positive, and so is each judged link judged right;
//   - each judged link judged wrong is a negative;
//   - the judged sample with a real document (Judgement.Real) is left out:
//     it only measures;
//   - near misses: for every positive, the other candidates the aligner
//     scores for its phrases in the counterpart's document (up to
//     NearMisses per side), labelled by hand (NearMissLabels); a near miss
//     without a label is left out, never assumed negative.
//
// A clause pair is represented by its phrase pair that best covers the
// two snippets the label names it by (the phrases that state the common
// measure), and among those by the pair that shares the most character
// pairs. Each
// sample's groups are its two documents, for document-grouped
// cross-validation.
func PairSamples(ctx context.Context, docs []*policycmp.Document, al *policycmp.DefaultAligner, pairs []GoldPair, judged []Judgement) ([]align.Sample, []LabelledPair, error) {
	ix, opts, err := al.PhraseIndex(ctx, docs)
	if err != nil {
		return nil, nil, err
	}
	hand, err := NearMissLabels()
	if err != nil {
		return nil, nil, err
	}
	bySource := map[string]*policycmp.Document{}
	for _, d := range docs {
		bySource[d.Source] = d
	}
	phrases := map[string][]int{} // clause ID → its phrase units
	for i := 0; i < ix.Len(); i++ {
		u := ix.Unit(i)
		phrases[u.Group] = append(phrases[u.Group], i)
	}
	type labelled struct {
		a, b   []string // clause IDs
		sa, sb string   // the snippets that name the measure in them
		label  bool
		reason string
	}
	var want []labelled
	for _, p := range pairs {
		da, db := bySource[p.A.Source], bySource[p.B.Source]
		if da == nil || db == nil {
			continue
		}
		want = append(want, labelled{ClausesContaining(da, p.A.Snippet), ClausesContaining(db, p.B.Snippet), p.A.Snippet, p.B.Snippet, true, "gold pair " + p.ID})
	}
	for _, j := range judged {
		da, db := bySource[j.A.Source], bySource[j.B.Source]
		if da == nil || db == nil || j.Real {
			continue // the sample with a real document measures, it is never fitted on
		}
		reason := "judged right"
		if !j.Correct {
			reason = "judged wrong"
		}
		want = append(want, labelled{ClausesContaining(da, j.A.Snippet), ClausesContaining(db, j.B.Snippet), j.A.Snippet, j.B.Snippet, j.Correct, reason})
	}
	positive := map[[2]string]bool{}
	for _, w := range want {
		if w.label {
			for _, a := range w.a {
				for _, b := range w.b {
					positive[[2]string{a, b}], positive[[2]string{b, a}] = true, true
				}
			}
		}
	}
	var samples []align.Sample
	var out []LabelledPair
	seen := map[[2]int]bool{}
	add := func(i, j int, label bool, reason string) {
		if i > j {
			i, j = j, i
		}
		if seen[[2]int{i, j}] {
			return
		}
		seen[[2]int{i, j}] = true
		ua, ub := ix.Unit(i), ix.Unit(j)
		si, sj := i, j
		samples = append(samples, align.Sample{F: ix.Features(i, j), Label: label, Groups: []string{ua.Doc, ub.Doc},
			Mutual: func(m *align.Model) bool { return ix.MutualBest(m, si, sj, opts.Candidates, opts.Budget) }})
		out = append(out, LabelledPair{A: ua.Group, B: ub.Group, Label: label, Reason: reason})
	}
	for _, w := range want {
		if len(w.a) == 0 || len(w.b) == 0 {
			continue
		}
		// the phrase pair that best covers the two snippets, then that
		// sharing the most character pairs
		bi, bj, best, bestCover := -1, -1, -1.0, -1.0
		for _, ca := range w.a {
			for _, cb := range w.b {
				for _, i := range phrases[ca] {
					_, ci := align.PairOverlap(ix.Unit(i).Text, w.sa)
					for _, j := range phrases[cb] {
						_, cj := align.PairOverlap(ix.Unit(j).Text, w.sb)
						d, c := align.PairOverlap(ix.Unit(i).Text, ix.Unit(j).Text)
						if cover := ci + cj; cover > bestCover || cover == bestCover && d+c > best {
							bi, bj, best, bestCover = i, j, d+c, cover
						}
					}
				}
			}
		}
		if bi < 0 {
			continue
		}
		add(bi, bj, w.label, w.reason)
		if !w.label {
			continue
		}
		// near misses: the phrases' other candidates in the counterpart's document
		for _, side := range [][2]int{{bi, bj}, {bj, bi}} {
			from, to := side[0], side[1]
			other := ix.Unit(to).Doc
			n := 0
			for _, c := range ix.Candidates(from, opts.Candidates, opts.Budget) {
				u := ix.Unit(c)
				if u.Doc != other || u.Group == ix.Unit(to).Group || positive[[2]string{ix.Unit(from).Group, u.Group}] {
					continue
				}
				if n == NearMisses {
					break
				}
				n++
				same, ok := hand[[2]string{ix.Unit(from).Group, u.Group}]
				if !ok {
					continue
				}
				reason := "near miss of " + w.reason + ", labelled a different measure"
				if same {
					reason = "near miss of " + w.reason + ", labelled the same measure"
				}
				add(from, c, same, reason)
			}
		}
	}
	return samples, out, nil
}

// NearMisses is how many near misses each positive adds per side.
const NearMisses = 2

//go:embed testdata/near-misses.json
var nearMissesJSON []byte

// NearMissLabels returns the hand labels of near misses: clause ID pair
// (both orders) → whether the two state the same measure.
func NearMissLabels() (map[[2]string]bool, error) {
	var f struct {
		Pairs []struct {
			A, B string
			Same bool
		} `json:"pairs"`
	}
	if err := json.Unmarshal(nearMissesJSON, &f); err != nil {
		return nil, fmt.Errorf("eval: near-misses.json: %w", err)
	}
	m := map[[2]string]bool{}
	for _, p := range f.Pairs {
		m[[2]string{p.A, p.B}], m[[2]string{p.B, p.A}] = p.Same, p.Same
	}
	return m, nil
}

// ClauseKey is a clause ID a hand label is keyed by, with the first 12 hex
// digits of the SHA-256 of the clause's text when it was labelled.
type ClauseKey struct {
	ID, TextSHA256 string // a clause's ID and text, or a task's (judged-task-links.json)
	File           string // the testdata file holding the label
}

// LabelKeys lists the clause and task IDs the ID-keyed hand labels use
// (near misses, the judged related sample, the judged sample of equivalent
// links with a real document and that of task links) with their text
// fingerprints, so a test
// can check that a change in structure has not moved a label onto other
// text.
func LabelKeys() ([]ClauseKey, error) {
	var out []ClauseKey
	for _, f := range []struct {
		name string
		data []byte
		list string
	}{{"near-misses.json", nearMissesJSON, "pairs"}, {"judged-related.json", relatedJudged, "judged"}, {"judged-real-equivalent.json", realEquivalentJudged, "judged"}, {"judged-task-links.json", taskLinksJudged, "judged"}} {
		var doc map[string]json.RawMessage
		if err := json.Unmarshal(f.data, &doc); err != nil {
			return nil, fmt.Errorf("eval: %s: %w", f.name, err)
		}
		var items []struct {
			A    string `json:"a"`
			B    string `json:"b"`
			ASum string `json:"a_text_sha256"`
			BSum string `json:"b_text_sha256"`
		}
		if err := json.Unmarshal(doc[f.list], &items); err != nil {
			return nil, fmt.Errorf("eval: %s: %w", f.name, err)
		}
		for _, it := range items {
			out = append(out, ClauseKey{it.A, it.ASum, f.name}, ClauseKey{it.B, it.BSum, f.name})
		}
	}
	return out, nil
}

// AlignCV is the document-grouped cross-validation of the alignment
// model: for each document, the model is fitted on the samples that do not
// involve it, the whole corpus is aligned with that model, and the gold
// pairs and judged links whose first document it is are scored.
type AlignCV struct {
	Pairs, Linked, Equivalent int // gold pairs scored, linked, linked as equivalent
	Semantic, SemanticLinked  int // of them, the semantic ones, and those linked
	SemanticEq                int // and those linked as equivalent
	Judged, JudgedCorrect     int // judged links proposed as equivalent, and right
	RealJudged, RealCorrect   int // of them, those of the sample with a real document (Judgement.Real)
	Folds                     int
	// Unlinked and OnlyRelated list the gold pairs (by ID) the held-out
	// model does not link, and links only as related.
	Unlinked, OnlyRelated []string
}

// CrossValidate runs AlignCV over docs.
func CrossValidate(ctx context.Context, docs []*policycmp.Document, base policycmp.DefaultAligner, pairs []GoldPair, semantic map[string]bool, judged []Judgement, fit align.FitOptions) (*AlignCV, error) {
	samples, _, err := PairSamples(ctx, docs, &base, pairs, judged)
	if err != nil {
		return nil, err
	}
	bySource := map[string]*policycmp.Document{}
	for _, d := range docs {
		bySource[d.Source] = d
	}
	cv := &AlignCV{}
	for _, d := range docs {
		var train []align.Sample
		for _, s := range samples {
			if !slices.Contains(s.Groups, d.ID) {
				train = append(train, s)
			}
		}
		var mine []GoldPair
		for _, p := range pairs {
			if p.A.Source == d.Source {
				mine = append(mine, p)
			}
		}
		var myJudged []Judgement
		for _, j := range judged {
			if j.A.Source == d.Source {
				myJudged = append(myJudged, j)
			}
		}
		if len(mine)+len(myJudged) == 0 {
			continue
		}
		m, err := align.Fit(train, fit)
		if err != nil {
			return nil, fmt.Errorf("eval: fold %s: %w", d.ID, err)
		}
		al := base
		al.Model = m
		res, err := policycmp.Compare(ctx, docs, policycmp.Config{Aligner: &al})
		if err != nil {
			return nil, err
		}
		cv.Folds++
		links := linkIndex(res.Alignments)
		for _, p := range mine {
			k := pairKind(bySource, links, p.A, p.B)
			cv.Pairs++
			if semantic[p.ID] {
				cv.Semantic++
			}
			switch k {
			case "":
				cv.Unlinked = append(cv.Unlinked, p.ID)
			case "related":
				cv.OnlyRelated = append(cv.OnlyRelated, p.ID)
			}
			if k != "" {
				cv.Linked++
				if semantic[p.ID] {
					cv.SemanticLinked++
				}
			}
			if k == "equivalent" {
				cv.Equivalent++
				if semantic[p.ID] {
					cv.SemanticEq++
				}
			}
		}
		for _, j := range myJudged {
			if pairKind(bySource, links, j.A, j.B) == "equivalent" {
				cv.Judged++
				if j.Correct {
					cv.JudgedCorrect++
				}
				if j.Real {
					cv.RealJudged++
					if j.Correct {
						cv.RealCorrect++
					}
				}
			}
		}
	}
	return cv, nil
}

// Print writes the cross-validated figures.
func (cv *AlignCV) Print(w io.Writer) {
	fmt.Fprintf(w, "alignment model, cross-validated by document (%d folds: each document's pairs scored by a model fitted without it):\n", cv.Folds)
	fmt.Fprintf(w, "  gold clause pairs linked %d/%d, as equivalent %d/%d (semantic pairs linked %d/%d, as equivalent %d/%d)\n", cv.Linked, cv.Pairs, cv.Equivalent, cv.Pairs, cv.SemanticLinked, cv.Semantic, cv.SemanticEq, cv.Semantic)
	if len(cv.Unlinked) > 0 {
		fmt.Fprintf(w, "  not linked: %s\n", strings.Join(cv.Unlinked, " "))
	}
	if len(cv.OnlyRelated) > 0 {
		fmt.Fprintf(w, "  linked only as related: %s\n", strings.Join(cv.OnlyRelated, " "))
	}
	if cv.Judged > 0 {
		fmt.Fprintf(w, "  judged links proposed as equivalent right %d/%d = %.3f\n", cv.JudgedCorrect, cv.Judged, ratio(cv.JudgedCorrect, cv.Judged))
		if cv.RealJudged > 0 {
			fmt.Fprintf(w, "    on the seeds %d/%d = %.3f; with a real document %d/%d = %.3f\n", cv.JudgedCorrect-cv.RealCorrect, cv.Judged-cv.RealJudged, ratio(cv.JudgedCorrect-cv.RealCorrect, cv.Judged-cv.RealJudged), cv.RealCorrect, cv.RealJudged, ratio(cv.RealCorrect, cv.RealJudged))
		}
	}
}

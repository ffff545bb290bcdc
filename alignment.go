package policycmp

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/policycmp/policycmp/align"
	"github.com/policycmp/policycmp/internal/work"
	"github.com/policycmp/policycmp/segment"
	"github.com/policycmp/policycmp/taxonomy"
)

// DefaultAligner implements Aligner with the align package: clauses and
// tasks become align units (text, folded words, themes, targets).
type DefaultAligner struct {
	// Segmenter splits text into words; nil means jieba (segment.Shared),
	// or segment.Bigrams in a build without cgo. A Segmenter that has an
	// IDF(word) (float64, bool) method gives the word weights; for one
	// without, jieba's IDF table is used where it loads. With
	// segment.Bigrams, or where jieba does not load, there are no word
	// weights and the specific-word gate (align.Options.Specific) is off.
	Segmenter segment.Segmenter
	// Clause and Task tune clause and task alignment; zero values use the
	// defaults (see align.Options and DefaultTaskOptions).
	Clause align.Options
	Task   align.Options
	// TaskSet says Task was set; otherwise DefaultTaskOptions apply.
	TaskSet bool
	// MinClauseRunes leaves out clauses shorter than this; 0 means 6.
	MinClauseRunes int
	// Classifier gives each clause and phrase its own themes, the prior
	// that keeps two sentences on different subjects apart. Nil means the
	// themes of the task; Compare sets it to its classifier.
	Classifier taxonomy.Classifier
	// Model decides clause links from the features of their phrases
	// (align.Model); nil means align.DefaultModel, fitted on labelled pairs
	// by 'policycmp eval --fit'. Clause.Model, when set, wins.
	Model *align.Model
	// Decide says who decides clause links: the model and the rules
	// together (the zero value), the model alone, or the rules alone.
	Decide Decision
	// MinScore, when above 0, drops clause links scoring below it.
	MinScore float64
	// Equivalent, when above 0, overrides the decision between equivalent
	// and related: a clause link is equivalent exactly when its score
	// reaches it.
	Equivalent float64
	// TaskLinks tunes how clause and whole-task evidence becomes task
	// links; the zero value uses the defaults (TaskLinkOptions).
	TaskLinks TaskLinkOptions
	// Concepts finds the domain concepts a phrase names (align.Unit.Concepts);
	// nil means segment.Concepts, the built-in list (segment/data/concepts.tsv).
	// Return nothing to align without concepts.
	Concepts func(text string) []segment.Mention
}

// conceptsOf is a phrase's concepts as the aligner takes them.
func (a *DefaultAligner) conceptsOf(text string) []align.Concept {
	find := a.Concepts
	if find == nil {
		find = segment.Concepts
	}
	ms := find(text)
	if len(ms) == 0 {
		return nil
	}
	out := make([]align.Concept, len(ms))
	for k, m := range ms {
		out[k] = align.Concept{ID: m.ID, Form: segment.Fold(m.Form), Text: m.Form} // 集采 and 集中带量采购 are one wording
	}
	return out
}

// Decision says who decides clause links (DefaultAligner.Decide).
type Decision int

// Decisions.
const (
	// DecideBoth links a pair when the fitted model (align.Model) or the
	// hand-set rules (the thresholds of align.Options) link it, and makes
	// it equivalent when the rules say so or the model is sure
	// (Model.Sure). Scores are the model's probabilities.
	DecideBoth Decision = iota
	// DecideModel lets the model alone decide.
	DecideModel
	// DecideRules lets the rules alone decide, with scores and word
	// weights from the loaded corpus: the decision before the model.
	DecideRules
)

// unitThemes classifies one piece of text on its own.
func (a *DefaultAligner) unitThemes(text string, fallback []string) []string {
	if a.Classifier == nil {
		return fallback
	}
	var ids []string
	for _, l := range a.Classifier.Classify(taxonomy.Unit{Parts: []string{text}, HeadParts: 1}) {
		if l.Theme != taxonomy.Unclassified {
			ids = append(ids, l.Theme)
		}
	}
	return ids
}

// NewAligner returns the default aligner over seg; nil means jieba (see
// DefaultAligner.Segmenter), and Align fails with the fix when jieba's
// dictionaries cannot be found: pass segment.Bigrams to align without.
func NewAligner(seg segment.Segmenter) *DefaultAligner {
	return &DefaultAligner{Segmenter: seg}
}

// DefaultTaskOptions are the defaults for task alignment: whole tasks share
// more vocabulary than clauses, so the thresholds are higher.
func DefaultTaskOptions() align.Options {
	return align.Options{Equivalent: 0.55, Mutual: 0.40, Related: 0.32, PerDoc: 2, NoLabels: true}
}

// ReuseMinShared is the share of the shorter clause's character pairs
// found in the other (align.Evidence.SharedPairs) from which an
// equivalent pair is searched for shared passages with local alignment:
// near-verbatim text is likely there.
const ReuseMinShared = 0.75

// ReusePerClause is how many partners of one clause at most are searched
// for shared passages, the strongest first.
const ReusePerClause = 3

// segmenter is the aligner's segmenter: its own, or jieba, or bigrams in
// a build without cgo.
func (a *DefaultAligner) segmenter() (segment.Segmenter, error) {
	if a.Segmenter != nil {
		return a.Segmenter, nil
	}
	j, err := segment.Shared()
	switch {
	case err == nil:
		return j, nil
	case errors.Is(err, segment.ErrNoCgo):
		return segment.Bigrams, nil
	}
	return nil, fmt.Errorf("policycmp: align: %w (or set DefaultAligner.Segmenter to segment.Bigrams to align on character pairs)", err)
}

// idfer is a segmenter that knows background word weights.
type idfer interface{ IDF(string) (float64, bool) }

// wordIDF returns the word weights for seg: its own, else jieba's where
// jieba loads; segment.Bigrams (pairs, not words) has none.
func wordIDF(seg segment.Segmenter) (idfer, bool) {
	if w, ok := seg.(idfer); ok {
		return w, true
	}
	if seg == segment.Bigrams {
		return nil, false
	}
	if j, err := segment.Shared(); err == nil {
		return j, true
	}
	return nil, false
}

// units builds the aligner's units: clauses (labelled later) and their
// phrases (aligned), with where each clause is and its document.
//
// The units carry no words: their texts, themes, targets and concepts need
// no segmenter, so they are built while jieba's dictionaries load;
// fillWords adds the words.
func (a *DefaultAligner) units(ctx context.Context, docs []*Document) (cl clauses, pu []align.Unit, err error) {
	minRunes := a.minClauseRunes()
	// Build the units of each task in parallel (tasks balance the cores
	// better than documents, which are few in a small comparison), then
	// join them in document and task order.
	type unitsOf struct {
		pu      []align.Unit
		clauses []clauseInfo // the task's clauses, for their labels
	}
	type taskOf struct {
		d *Document
		t *Task
	}
	var tasks []taskOf
	for _, d := range docs {
		for _, t := range d.Tasks {
			tasks = append(tasks, taskOf{d, t})
		}
	}
	per := make([]unitsOf, len(tasks))
	// Corpora repeat national wording: each distinct text is segmented
	// and classified once, and its copies share the result.
	themesOf := newMemo(func(text string) []string { return a.unitThemes(text, nil) })
	conceptsOf := newMemo(a.conceptsOf)
	unitThemes := func(text string, fallback []string) []string {
		if a.Classifier == nil {
			return fallback
		}
		return themesOf.get(text)
	}
	if err := parallel(ctx, len(tasks), 0, func(k int) {
		d, t := tasks[k].d, tasks[k].t
		u := unitsOf{clauses: make([]clauseInfo, len(t.Clauses))}
		themes := themeIDs(t)
		var byClause map[string][]Target // the task's targets by clause, read once
		for _, tg := range t.Targets {
			if byClause == nil {
				byClause = map[string][]Target{}
			}
			byClause[tg.ClauseID] = append(byClause[tg.ClauseID], tg)
		}
		// Long sentences list several measures: align their phrases too.
		// Split first, so the task's units are made at their size (the
		// units are large, and append's growth would make each list about
		// twice, a copy that is garbage once the lists are joined).
		split := make([][]string, len(t.Clauses))
		n := 0
		for i := range t.Clauses {
			c := &t.Clauses[i]
			if utf8.RuneCountInString(c.Text) < minRunes {
				continue
			}
			if ps := align.Phrases(c.Text, minRunes); len(ps) > 1 {
				split[i], n = ps, n+len(ps)
			} else {
				n++
			}
		}
		u.pu = make([]align.Unit, 0, n)
		for i := range t.Clauses {
			c := &t.Clauses[i]
			u.clauses[i] = clauseInfo{c: c, doc: d.ID}
			if utf8.RuneCountInString(c.Text) < minRunes {
				continue
			}
			targets := targetsIn(byClause[c.ID], "")
			cthemes := unitThemes(c.Text, themes)
			u.clauses[i].targets, u.clauses[i].concepts = targets, conceptsOf.get(c.Text)
			if ps := split[i]; ps != nil {
				u.clauses[i].phrases = ps
				for k, p := range ps {
					u.pu = append(u.pu, align.Unit{ID: c.ID + "#" + itoa(k+1), Group: c.ID, Scope: t.ID, Doc: d.ID, Text: p, Themes: unitThemes(p, cthemes), Targets: targetsIn(byClause[c.ID], p), Concepts: conceptsOf.get(p)})
				}
			} else {
				u.pu = append(u.pu, align.Unit{ID: c.ID + "#1", Group: c.ID, Scope: t.ID, Doc: d.ID, Text: c.Text, Themes: cthemes, Targets: targets, Concepts: u.clauses[i].concepts})
			}
		}
		per[k] = u
	}); err != nil {
		return clauses{}, nil, fmt.Errorf("align: %w", err)
	}
	// Joined at their exact sizes: the units are the phrase pass's
	// second-largest structure (about 200,000 at 1,000 documents), and
	// append's growth would leave half again as much unused.
	nu, nc := 0, 0
	for _, u := range per {
		nu, nc = nu+len(u.pu), nc+len(u.clauses)
	}
	cl = clauses{byID: make(map[string]clauseInfo, nc)}
	pu = make([]align.Unit, 0, nu)
	for k, u := range per {
		pu = append(pu, u.pu...)
		for _, in := range u.clauses {
			cl.byID[in.c.ID] = in
		}
		per[k] = unitsOf{}
	}
	return cl, pu, nil
}

// clauses finds the clauses of the aligned documents by ID: where each is,
// its document, and the targets set in it.
type clauses struct {
	byID map[string]clauseInfo
}

// clauseInfo is a clause with what its labels need, found once: a clause
// is labelled once a link it is in (a million times at 1,000 documents).
type clauseInfo struct {
	c        *Clause
	doc      string
	targets  []align.Target
	concepts []align.Concept
	phrases  []string // the phrases aligned in its place, when there are several (runs of c.Text)
}

// unit is clause id as a unit to label or to search for reuse.
func (cl clauses) unit(id string) align.Unit {
	in, ok := cl.byID[id]
	if !ok {
		return align.Unit{ID: id}
	}
	return align.Unit{ID: id, Doc: in.doc, Text: in.c.Text, Targets: in.targets, Concepts: in.concepts}
}

// minClauseRunes is MinClauseRunes with its default.
func (a *DefaultAligner) minClauseRunes() int {
	if a.MinClauseRunes == 0 {
		return 6
	}
	return a.MinClauseRunes
}

// fillWords segments each unit's text, on every core; copies of a text
// share its words.
func fillWords(ctx context.Context, pu []align.Unit, wordsOf *memo[string, []string]) error {
	if err := wordsOf.each(ctx, len(pu), func(i int) string { return pu[i].Text }, func(i int, w []string) { pu[i].Words = w }); err != nil {
		return fmt.Errorf("align: %w", err)
	}
	return nil
}

// newWordMemo segments each distinct text once (see units).
func newWordMemo(seg segment.Segmenter) *memo[string, []string] {
	return newMemo(func(text string) []string { return segment.Words(seg, segment.FoldText(text)) })
}

// taskWords are a task's words: those of its clauses' phrases, which the
// phrase pass segmented already. jieba cuts at punctuation before it
// segments, so they are the words of the whole text.
func (a *DefaultAligner) taskWords(t *Task, wordsOf *memo[string, []string], cl clauses) []string {
	var parts [][]string
	n := 0
	for _, c := range t.Clauses {
		ps := cl.byID[c.ID].phrases // split once, when the units were made
		if ps == nil {
			ps = []string{c.Text}
		}
		for _, p := range ps {
			w := wordsOf.get(p)
			parts, n = append(parts, w), n+len(w)
		}
	}
	out := make([]string, 0, n) // at its size: kept while tasks are aligned
	for _, w := range parts {
		out = append(out, w...)
	}
	return out
}

// clausesKey names a task's clause texts (what its words are made of),
// each preceded by its length, so that two tasks share a key exactly when
// their clauses are the same.
func clausesKey(t *Task) string {
	var b strings.Builder
	for _, c := range t.Clauses {
		b.WriteString(itoa(len(c.Text)))
		b.WriteByte(':')
		b.WriteString(c.Text)
	}
	return b.String()
}

// override applies MinScore and Equivalent to clause links.
func (a *DefaultAligner) override(ls []align.Link) []align.Link {
	if a.MinScore <= 0 && a.Equivalent <= 0 {
		return ls
	}
	out := ls[:0]
	for _, l := range ls {
		if a.MinScore > 0 && l.Score < a.MinScore {
			continue
		}
		if a.Equivalent > 0 {
			l.Kind = align.Related
			if l.Score >= a.Equivalent {
				l.Kind = align.Equivalent
			}
		}
		out = append(out, l)
	}
	return out
}

// targetsIn gives the aligner the targets a phrase of their clause holds
// (phrase "": the whole clause, all of them). The text a target was read
// from places it; its indicator, the text without the number, is seldom
// a run of the phrase.
func targetsIn(ts []Target, phrase string) []align.Target {
	var out []align.Target
	for _, t := range ts {
		if phrase == "" || t.Text != "" && strings.Contains(phrase, t.Text) || t.Indicator != "" && strings.Contains(phrase, t.Indicator) {
			out = append(out, align.Target{Indicator: t.Indicator, Counted: t.Counted, Value: t.Value, Unit: t.Unit, Comparator: t.Comparator})
		}
	}
	return out
}

// phraseOptions are the options of the phrase pass: the clause options
// with the model (unless Rules) and the fixed reference weights.
func (a *DefaultAligner) phraseOptions(seg segment.Segmenter) (align.Options, error) {
	popts := a.Clause
	if idf, ok := wordIDF(seg); ok && popts.WordIDF == nil {
		popts.WordIDF = idf.IDF
	}
	popts.NoLabels = true // labels are given to the clause links
	if popts.KeyTerm == nil {
		popts.KeyTerm = segment.IsDomainTerm
	}
	if a.Decide == DecideRules {
		popts.Model = nil
		return popts, nil
	}
	popts.Rules = a.Decide == DecideBoth
	if popts.Model == nil {
		popts.Model = a.Model
	}
	if popts.Model == nil {
		m, err := align.DefaultModel()
		if err != nil {
			return popts, err
		}
		popts.Model = m
	}
	if popts.PairIDF == nil {
		popts.PairIDF = referencePairIDF()
	}
	if popts.Candidates == 0 {
		popts.Candidates = ModelCandidates
	}
	if popts.Budget == 0 {
		popts.Budget = PhraseBudget
	}
	return popts, nil
}

// PhraseBudget bounds the posting entries one phrase's candidate search
// reads (align.Options.Budget). The search is exact and stops by its
// bound long before on nearly every phrase: at 1,000 generated documents
// the candidates of a sample of 2,000 phrases are all those of exhaustive
// search (bench-scale --exact), where align's default of 4,000 finds
// 99.4 %. It remains as the safety net for pathological shapes.
const PhraseBudget = 40000

// ModelCandidates is how many candidates per phrase the model scores
// (align.Options.Candidates): the model, not a budget, decides.
const ModelCandidates = 10

// PhraseIndex builds the index the phrase pass aligns, with its options:
// for evaluation and fitting (its Features are the model's inputs).
func (a *DefaultAligner) PhraseIndex(ctx context.Context, docs []*Document) (*align.Index, align.Options, error) {
	seg, err := a.segmenter()
	if err != nil {
		return nil, align.Options{}, err
	}
	_, pu, err := a.units(ctx, docs)
	if err != nil {
		return nil, align.Options{}, err
	}
	if err := fillWords(ctx, pu, newWordMemo(seg)); err != nil {
		return nil, align.Options{}, err
	}
	popts, err := a.phraseOptions(seg)
	if err != nil {
		return nil, align.Options{}, err
	}
	return align.NewIndexFor(pu, popts), align.New(popts).Options(), nil
}

// Align implements Aligner.
func (a *DefaultAligner) Align(ctx context.Context, docs []*Document) ([]Link, []Link, []Reuse, error) {
	// What needs no words runs while the segmenter loads (jieba's
	// dictionaries take most of a small comparison's time): the units'
	// texts, themes and concepts, the heading links and the reference
	// character-pair weights.
	segmenter := sync.OnceValues(a.segmenter)
	go segmenter()
	heads := sync.OnceValues(func() ([]align.Link, error) { return headingLinks(ctx, docs) })
	go heads()
	if a.Decide != DecideRules && a.Clause.PairIDF == nil {
		go referencePairIDF() // the model's reference weights need no words either
	}
	cls, pu, err := a.units(ctx, docs)
	seg, serr := segmenter()
	if err == nil {
		err = serr
	}
	if err != nil {
		return nil, nil, nil, err
	}
	wordsOf := newWordMemo(seg)
	if err := fillWords(ctx, pu, wordsOf); err != nil {
		return nil, nil, nil, err
	}
	topts := a.Task
	if !a.TaskSet {
		topts = DefaultTaskOptions()
	}
	if idf, ok := wordIDF(seg); ok && topts.WordIDF == nil {
		topts.WordIDF = idf.IDF
	}
	popts, err := a.phraseOptions(seg)
	if err != nil {
		return nil, nil, nil, err
	}
	clauseLinks, err := align.New(popts).Align(ctx, pu) // phrases, lifted to their clauses
	if err != nil {
		return nil, nil, nil, err
	}
	pu = nil
	clauseLinks = a.override(clauseLinks)
	// Task units are built after the phrase pass, which needs the most memory.
	// Copies of a task (the same clauses) share one list of words.
	tasksWords := newMemo[string, []string](nil) // asked with getOr only
	tus := make([][]align.Unit, len(docs))
	if err := parallel(ctx, len(docs), 0, func(k int) {
		for _, t := range docs[k].Tasks {
			words := tasksWords.getOr(clausesKey(t), func() []string { return a.taskWords(t, wordsOf, cls) })
			tus[k] = append(tus[k], align.Unit{ID: t.ID, Doc: docs[k].ID, Text: t.Text, Words: words, Themes: themeIDs(t)})
		}
	}); err != nil {
		return nil, nil, nil, fmt.Errorf("align: %w", err)
	}
	nt := 0
	for _, u := range tus {
		nt += len(u)
	}
	tu := make([]align.Unit, 0, nt)
	for _, u := range tus {
		tu = append(tu, u...)
	}
	var labeler align.Labeler
	var evidence evidenceOf
	// Links are sorted by A, and a worker takes consecutive links: it
	// finds each A once for its run of links.
	if err := work.Each(ctx, len(clauseLinks), 0, func() func(int) {
		var unitA align.Unit // the last A found (its ID is the link's A)
		return func(i int) {
			if l := clauseLinks[i]; l.Kind == align.Equivalent {
				if unitA.ID != l.A {
					unitA = cls.unit(l.A)
				}
				rel, e := labeler.Label(unitA, cls.unit(l.B))
				clauseLinks[i].Relation, clauseLinks[i].Evidence = rel, evidence.get(e)
			}
		}
	}); err != nil {
		return nil, nil, nil, err
	}
	taskLinks, err := align.New(topts).Align(ctx, tu)
	if err != nil {
		return nil, nil, nil, err
	}
	headLinks, err := heads()
	if err != nil {
		return nil, nil, nil, err
	}
	taskLinks = append(taskLinks, headLinks...)
	// Local alignment only where near-verbatim text is likely.
	// Each clause's strongest near-verbatim partners only, ReusePerClause
	// of them: the passages a reader follows, in linear time.
	var near []int32 // the near-verbatim links, by index (links are large)
	for k, l := range clauseLinks {
		if l.Kind == align.Equivalent && l.Evidence != nil && l.Evidence.SharedPairs >= ReuseMinShared {
			near = append(near, int32(k))
		}
	}
	// Strongest first, ties in link order (as a stable sort would), on both cores.
	work.Sort(near, func(x, y int32) int {
		return cmp.Or(cmp.Compare(clauseLinks[y].Score, clauseLinks[x].Score), cmp.Compare(x, y))
	})
	perClause := map[string]int{}
	var eq []align.Link
	for _, k := range near {
		if l := clauseLinks[k]; perClause[l.A] < ReusePerClause && perClause[l.B] < ReusePerClause {
			perClause[l.A]++
			perClause[l.B]++
			eq = append(eq, l)
		}
	}
	align.SortLinks(eq)
	byID := map[string]align.Unit{}
	for _, l := range eq {
		byID[l.A], byID[l.B] = cls.unit(l.A), cls.unit(l.B)
	}
	passages, err := align.Reuse(ctx, byID, eq, align.ReuseOptions{})
	if err != nil {
		return nil, nil, nil, err
	}
	reuse := make([]Reuse, len(passages))
	if err := parallel(ctx, len(passages), 0, func(k int) {
		p := passages[k]
		ca, cb := cls.byID[p.A].c, cls.byID[p.B].c
		as, ae := ca.rawSpan(p.AStart, p.AEnd)
		bs, be := cb.rawSpan(p.BStart, p.BEnd)
		reuse[k] = Reuse{A: p.A, B: p.B, ADoc: cls.byID[p.A].doc, BDoc: cls.byID[p.B].doc, AStart: as, AEnd: ae, BStart: bs, BEnd: be, Text: p.Text, Chars: p.Identities}
	}); err != nil {
		return nil, nil, nil, err
	}
	// Task links first, so that their map is gone when the clause links,
	// the largest output, are converted.
	tasks := taskLinksFrom(docs, clauseLinks, taskLinks, a.TaskLinks)
	return toLinks(clauseLinks), tasks, reuse, nil
}

// HeadingMinDice is the share of character pairs (Dice) from which two
// tasks whose headings read nearly the same (健全公共卫生体系 ~
// 健全公共卫生服务体系) are linked as counterparts, however little their
// bodies share.
const HeadingMinDice = 0.65

// headingLinks links tasks of different documents by their headings alone.
// Candidates come from the aligner's index; the test is the Dice overlap
// of the headings' character pairs, which does not depend on the corpus, so
// general words that no body link may rest on (公共卫生, 体系) still make two
// headings the same.
func headingLinks(ctx context.Context, docs []*Document) ([]align.Link, error) {
	var units []align.Unit
	text := map[string]string{}
	for _, d := range docs {
		for _, t := range d.Tasks {
			h := segment.FoldText(t.Heading)
			if utf8.RuneCountInString(h) < 4 {
				continue
			}
			text[t.ID] = h
			units = append(units, align.Unit{ID: t.ID, Doc: d.ID, Text: h, Words: segment.Words(segment.Bigrams, h)})
		}
	}
	// Scores above 1 turn equivalence off: a heading alone makes tasks related.
	cands, err := align.New(align.Options{Related: 0.2, Equivalent: 2, Mutual: 2, NoLabels: true}).Align(ctx, units)
	if err != nil {
		return nil, err
	}
	out := cands[:0]
	for _, l := range cands {
		if dice, _ := align.PairOverlap(text[l.A], text[l.B]); dice >= HeadingMinDice {
			l.Score = math.Round(dice*1000) / 1000
			out = append(out, l)
		}
	}
	return out, nil
}

// taskLinksFrom joins two evidences that two tasks share their subject: the
// similarity of their whole texts, and the links between their clauses. A
// task pair is linked when either says so, with the better score; it is
// equivalent when the tasks share their primary theme and one of their
// clauses is equivalent (or their texts alone are).
// TaskClauseMinScore is the score (the model's probability that the two
// clauses state the same measure) from which a related clause pair links
// its tasks. On the seeds, task links fall from 617 to 343 while every
// task holding a dev pair stays linked (30/30; on the real documents 34
// of 43, against 40 with every related clause pair).
const TaskClauseMinScore = 0.4

func taskLinksFrom(docs []*Document, clauseLinks, textLinks []align.Link, opts TaskLinkOptions) []Link {
	opts = opts.withDefaults()
	var tasks []*Task
	var docOf []int32            // each task's document
	var prim []string            // each task's primary theme
	taskOf := map[string]int32{} // clause ID → task index
	byID := map[string]int32{}   // task ID → task index
	for di, d := range docs {
		for _, t := range d.Tasks {
			k := int32(len(tasks))
			tasks, prim, docOf = append(tasks, t), append(prim, t.PrimaryTheme()), append(docOf, int32(di))
			byID[t.ID] = k
			for _, c := range t.Clauses {
				taskOf[c.ID] = k
			}
		}
	}
	domainsOf := make([][]string, len(tasks))
	if !opts.RelatedAnyTheme {
		_ = work.Do(context.Background(), len(tasks), 0, func(k int) { domainsOf[k] = taskDomains(tasks[k]) })
	}
	// Each piece of evidence is an entry for its pair of tasks; the
	// entries are sorted by pair on every core and each pair's run merged
	// (work.SortMerge: max and or give the same in any order). Links are
	// sorted by A then B, so a run of one pair is mostly consecutive
	// already and is merged as it is gathered.
	type entry = taskEntry
	merge := func(into *entry, x entry) {
		into.score, into.eqText = max(into.score, x.score), into.eqText || x.eqText
		into.eqClauses = uint16(min(int(into.eqClauses)+int(x.eqClauses), math.MaxUint16))
	}
	add := func(es []entry, a, b int32, score float64, eqText, eqClause bool) []entry {
		e := entry{pair: uint64(a)<<32 | uint64(uint32(b)), score: score, eqText: eqText}
		if eqClause {
			e.eqClauses = 1
		}
		if n := len(es); n > 0 && es[n-1].pair == e.pair {
			merge(&es[n-1], e)
			return es
		}
		return append(es, e)
	}
	var all []entry
	for _, l := range textLinks {
		ta, oka := byID[l.A]
		tb, okb := byID[l.B]
		if oka && okb {
			all = add(all, ta, tb, l.Score, l.Kind == align.Equivalent, false)
		}
	}
	// A task link stands on whole-task agreement (textLinks) or on a
	// clause pair that is equivalent or scores TaskClauseMinScore: not on
	// a weakly related sentence. The clause links (a million at 1,000
	// documents) are gathered in parts on every core.
	parts := work.InParts(len(clauseLinks), func(lo, hi int) []entry {
		var es []entry
		lastA, ta, oka := "", int32(0), false // links are sorted by A: its task is looked up once a run
		for _, l := range clauseLinks[lo:hi] {
			if l.Kind != align.Equivalent && l.Score < opts.ClauseMinScore {
				continue
			}
			if l.A != lastA || lastA == "" {
				lastA = l.A
				ta, oka = taskOf[l.A]
			}
			tb, okb := taskOf[l.B]
			if !oka || !okb {
				continue
			}
			es = add(es, ta, tb, l.Score, false, l.Kind == align.Equivalent && prim[ta] == prim[tb])
		}
		return es
	})
	for _, es := range parts {
		all = append(all, es...)
	}
	all = work.SortMerge(all, func(e entry) uint64 { return e.pair }, merge)
	// Equivalent: the whole texts agree, or two equivalent clause pairs
	// hold it, or one does and the headings share a character pair — not
	// one shared sentence between tasks whose headings name other things
	// (发挥信息技术支撑作用 ~ 加快推进公立医院高质量发展 share only 智慧医院).
	_ = work.Do(context.Background(), len(all), 0, func(x int) {
		e := &all[x]
		switch {
		case e.eqText || e.eqClauses >= 2:
			e.eq = true
		case e.eqClauses == 1:
			dice, _ := align.PairOverlap(tasks[e.pair>>32].Heading, tasks[uint32(e.pair)].Heading)
			e.eq = dice > 0
		}
		e.apart = !opts.RelatedAnyTheme && !shareAny(domainsOf[e.pair>>32], domainsOf[uint32(e.pair)])
	})
	// Task links carry no evidence: they are made as Links directly, not
	// as the aligner's links first (a million at 1,000 documents).
	keep := nominated(all, docOf, opts)
	// In the order of their IDs (A, then B), by integers: each task's rank
	// among the task IDs, found once, keys its links, and no pair of
	// strings is compared per link.
	order := make([]int32, len(tasks))
	for k := range order {
		order[k] = int32(k)
	}
	slices.SortFunc(order, func(x, y int32) int { return strings.Compare(tasks[x].ID, tasks[y].ID) })
	rank := make([]uint64, len(tasks))
	for r, k := range order {
		rank[k] = uint64(r)
	}
	type keyed struct {
		key uint64 // rank of A << 32 | rank of B
		x   int32
	}
	kept := make([]keyed, 0, len(all))
	for x, g := range all {
		if keep[x] {
			kept = append(kept, keyed{rank[g.pair>>32]<<32 | rank[uint32(g.pair)], int32(x)})
		}
	}
	work.Sort(kept, func(u, v keyed) int { return cmp.Compare(u.key, v.key) })
	out := make([]Link, 0, len(kept)) // at its size, and empty rather than nil without links
	for _, k := range kept {
		g := all[k.x]
		l := Link{A: tasks[g.pair>>32].ID, B: tasks[uint32(g.pair)].ID, Score: g.score, Kind: align.Related}
		if g.eq {
			l.Kind = align.Equivalent
		}
		out = append(out, l)
	}
	return out
}

// RelatedTaskLinksPerDoc is how many related task links one task
// nominates into each other document: its best, unless an equivalent link
// into that document takes the place. RelatedTaskLinksPerTask bounds its
// nominations in all. A related task link is kept when either of its
// tasks nominates it; equivalent task links are all kept. So a reader
// sees, for each task, its counterparts and its nearest related tasks
// elsewhere, not every pair of tasks that share one related sentence
// (on the seeds with ../shared/real, 1,092 related task links became 680;
// at 1,000 generated documents, 375,037 became 178,281), and the related
// links grow with the tasks, not with the tasks times the documents.
const (
	RelatedTaskLinksPerDoc  = 1
	RelatedTaskLinksPerTask = 5
)

// TaskLinkOptions tune task links (DefaultAligner.TaskLinks). The zero
// value uses the defaults.
type TaskLinkOptions struct {
	// ClauseMinScore is the score from which a related clause pair links
	// its tasks; 0 means TaskClauseMinScore.
	ClauseMinScore float64
	// RelatedPerDoc and RelatedPerTask bound the related task links each
	// task nominates, into one document and in all; 0 means
	// RelatedTaskLinksPerDoc and RelatedTaskLinksPerTask, a negative value
	// no bound.
	RelatedPerDoc, RelatedPerTask int
	// RelatedAnyTheme keeps related task links between tasks whose themes
	// share no domain (the prefix before the dot: insurance, pharma,
	// delivery …). By default a related task link joins tasks of one
	// domain: counterparts are the same reform task, and of the judged
	// related task links those between tasks sharing no theme joined
	// counterparts once in 13.
	RelatedAnyTheme bool
}

func (o TaskLinkOptions) withDefaults() TaskLinkOptions {
	work.Default(&o.ClauseMinScore, TaskClauseMinScore)
	work.Default(&o.RelatedPerDoc, RelatedTaskLinksPerDoc)
	work.Default(&o.RelatedPerTask, RelatedTaskLinksPerTask)
	if o.RelatedPerDoc < 0 {
		o.RelatedPerDoc = math.MaxInt
	}
	if o.RelatedPerTask < 0 {
		o.RelatedPerTask = math.MaxInt
	}
	return o
}

// taskEntry is the evidence that two tasks are linked: the pair (task
// index of A << 32 | that of B), the best score, whether their whole texts
// are equivalent, how many equivalent clause pairs they hold, and whether
// the link is equivalent (decided from those).
type taskEntry struct {
	pair      uint64
	score     float64
	eq        bool
	eqText    bool
	eqClauses uint16
	apart     bool // the tasks share no theme domain: no related link (TaskLinkOptions.RelatedAnyTheme)
}

// nominated marks the task pairs to keep (TaskLinkOptions, with its
// defaults filled in): every
// equivalent one, and each related one that one of its tasks nominates,
// best score first (ties by pair: the same in any run). docOf is each
// task's document.
func nominated(all []taskEntry, docOf []int32, opts TaskLinkOptions) []bool {
	keep := make([]bool, len(all))
	// Each entry has an end at each of its tasks; the ends are laid out by
	// task (a counting sort: task indexes are dense), and each task's ends
	// are ranked and walked on every core. An end's nomination is its own
	// slot, so no two workers write one.
	type end struct {
		score float64
		pair  uint64
		x     int32 // the entry
		doc   int32 // the other task's document
		eq    bool
	}
	start := make([]int32, len(docOf)+1)
	for _, e := range all {
		start[e.pair>>32+1]++
		start[uint32(e.pair)+1]++
	}
	for t := range len(docOf) {
		start[t+1] += start[t]
	}
	ends := make([]end, 2*len(all))
	fill := slices.Clone(start[:len(docOf)])
	for x, e := range all {
		keep[x] = e.eq
		a, b := int32(e.pair>>32), int32(uint32(e.pair))
		ends[fill[a]] = end{e.score, e.pair, int32(x), docOf[b], e.eq}
		fill[a]++
		ends[fill[b]] = end{e.score, e.pair, int32(x), docOf[a], e.eq}
		fill[b]++
	}
	nominates := make([]bool, len(ends))
	_ = work.Each(context.Background(), len(docOf), 0, func() func(int) {
		perDoc := map[int32]int{}
		return func(t int) {
			es := ends[start[t]:start[t+1]]
			if len(es) == 0 {
				return
			}
			// Equivalent links first, then the best.
			slices.SortFunc(es, func(u, v end) int {
				if u.eq != v.eq {
					if u.eq {
						return -1
					}
					return 1
				}
				if c := cmp.Compare(v.score, u.score); c != 0 {
					return c
				}
				return cmp.Compare(u.pair, v.pair)
			})
			clear(perDoc)
			n := 0
			for k, e := range es {
				switch {
				case e.eq:
					perDoc[e.doc]++
				case all[e.x].apart:
				case n < opts.RelatedPerTask && perDoc[e.doc] < opts.RelatedPerDoc:
					perDoc[e.doc]++
					n++
					nominates[int(start[t])+k] = true
				}
			}
		}
	})
	for k, e := range ends {
		if nominates[k] {
			keep[e.x] = true
		}
	}
	return keep
}

// evidenceOf hands out the links' evidence. Most evidence is a basis and
// a share of character pairs: links with the same such evidence share one
// Evidence and one Reason, which at 1,000 documents are a million of each.
// Evidence naming targets or a concept is each link's own. It is safe for
// concurrent use.
type evidenceOf struct {
	mu    sync.Mutex
	plain map[plainEvidence]*align.Evidence
}

type plainEvidence struct {
	basis  align.Basis
	shared float64
}

func (m *evidenceOf) get(e align.Evidence) *align.Evidence {
	own := func() *align.Evidence { // a copy: &e would put every e on the heap, shared or not
		p := new(align.Evidence)
		*p = e
		return p
	}
	if e.Metric != "" || e.TargetA != nil || e.TargetB != nil || len(e.Concept) > 0 {
		return own()
	}
	k := plainEvidence{e.Basis, e.SharedPairs}
	m.mu.Lock()
	defer m.mu.Unlock()
	p, ok := m.plain[k]
	if !ok {
		if m.plain == nil {
			m.plain = map[plainEvidence]*align.Evidence{}
		}
		p = own()
		m.plain[k] = p
	}
	return p
}

// toLinks converts the aligner's links; links that share an Evidence
// share its Reason too.
func toLinks(ls []align.Link) []Link {
	reasons := map[*align.Evidence]string{}
	out := make([]Link, len(ls))
	for i, l := range ls {
		out[i] = Link{A: l.A, B: l.B, Score: l.Score, Kind: l.Kind, Relation: l.Relation, Evidence: l.Evidence}
		if e := l.Evidence; e != nil && e.Basis != "" {
			r, ok := reasons[e]
			if !ok {
				r = e.String()
				reasons[e] = r
			}
			out[i].Reason = r
		} else {
			out[i].Evidence = nil
		}
	}
	return out
}

func themeIDs(t *Task) []string {
	ids := make([]string, len(t.Themes))
	for i, th := range t.Themes {
		ids[i] = th.ID
	}
	return ids
}

// Clause returns the clause with the given ID, and its task.
func (d *Document) Clause(id string) (*Clause, *Task) {
	for _, t := range d.Tasks {
		for i := range t.Clauses {
			if t.Clauses[i].ID == id {
				return &t.Clauses[i], t
			}
		}
	}
	return nil, nil
}

// memo remembers f's result per key (getOr's, when f is nil), for use from
// several goroutines; the results are shared, so callers must not modify
// them.
type memo[K comparable, V any] struct {
	mu sync.Mutex
	m  map[K]V
	f  func(K) V
}

func newMemo[K comparable, V any](f func(K) V) *memo[K, V] {
	return &memo[K, V]{m: map[K]V{}, f: f}
}

func (m *memo[K, V]) get(k K) V {
	return m.getOr(k, func() V { return m.f(k) })
}

// getOr is k's value, made by f when it is not remembered yet.
func (m *memo[K, V]) getOr(k K, f func() V) V {
	m.mu.Lock()
	v, ok := m.m[k]
	m.mu.Unlock()
	if ok {
		return v
	}
	v = f()
	m.mu.Lock()
	m.m[k] = v
	m.mu.Unlock()
	return v
}

// each gives set(i, value of key(i)) for i in 0..n-1, making the values
// not remembered yet on every core, each distinct key once; the keys are
// gathered on one core first, so the workers share no lock (a memo's lock,
// taken for each of 350,000 units at 1,000 documents, kept the segmenting
// to about one core).
func (m *memo[K, V]) each(ctx context.Context, n int, key func(i int) K, set func(i int, v V)) error {
	pos, distinct := work.Distinct(n, key)
	vals, known := make([]V, len(distinct)), make([]bool, len(distinct))
	m.mu.Lock()
	for j, k := range distinct {
		vals[j], known[j] = m.m[k]
	}
	m.mu.Unlock()
	if err := parallel(ctx, len(distinct), 0, func(j int) {
		if !known[j] {
			vals[j] = m.f(distinct[j])
		}
	}); err != nil {
		return err
	}
	m.mu.Lock()
	for j, k := range distinct {
		if !known[j] {
			m.m[k] = vals[j]
		}
	}
	m.mu.Unlock()
	return parallel(ctx, n, 0, func(i int) { set(i, vals[pos[i]]) })
}

// taskDomains is the domains of a task's themes, sorted and without
// unclassified. Domains, not themes: counterparts labelled with sibling
// themes (pharma.supply ~ pharma.procurement) stay linked. (Themes were
// measured too: the tasks of three gold pairs lost their link. So were the
// clauses' themes on their own: nearly every pair of tasks then shares
// one.)
func taskDomains(t *Task) []string {
	var out []string
	for _, th := range t.Themes {
		domain, _, _ := strings.Cut(th.ID, ".") // insurance.payment → insurance
		out = append(out, domain)
	}
	slices.Sort(out)
	out = slices.Compact(out)
	if k, ok := slices.BinarySearch(out, taxonomy.Unclassified); ok {
		out = slices.Delete(out, k, k+1)
	}
	return out
}

// shareAny reports two sorted lists with an entry in common.
func shareAny(a, b []string) bool {
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch c := strings.Compare(a[i], b[j]); {
		case c == 0:
			return true
		case c < 0:
			i++
		default:
			j++
		}
	}
	return false
}

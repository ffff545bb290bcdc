// Package eval scores a policycmp comparison against a gold file in the
// format of shared/gold/seeds-dev.json: structure, themes, targets,
// departments and clause alignment. The dev gold for the seed documents is
// embedded (DevGold).
package eval

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"github.com/policycmp/policycmp/internal/textcol"
	"io"
	"slices"
	"strings"
	"unicode"

	"github.com/policycmp/policycmp"
	"github.com/policycmp/policycmp/align"
	"github.com/policycmp/policycmp/taxonomy"
	"golang.org/x/text/unicode/norm"
)

//go:embed testdata/seeds-dev.json
var devGold []byte

//go:embed testdata/judged-equivalent.json
var devJudged []byte

//go:embed testdata/judged-related.json
var relatedJudged []byte

//go:embed testdata/judged-real-equivalent.json
var realEquivalentJudged []byte

//go:embed testdata/judged-task-links.json
var taskLinksJudged []byte

// RealJudgement is a hand judgement of a link proposed as equivalent with
// a real document on at least one side, by clause ID (no real text is kept).
type RealJudgement struct {
	A, B    string
	Correct bool
	Reason  string
}

// RealJudgements resolves the judged sample of equivalent links with a
// real document (RealEquivalentSample) against docs, the real documents
// and the seeds loaded: each becomes a Judgement whose snippets are the two
// clause texts. Judgements naming a clause docs lack are left out.
func RealJudgements(docs []*policycmp.Document) ([]Judgement, error) {
	sample, err := RealEquivalentSample()
	if err != nil {
		return nil, err
	}
	where := map[string]Snip{}
	for _, d := range docs {
		for _, t := range d.Tasks {
			for _, c := range t.Clauses {
				where[c.ID] = Snip{Source: d.Source, Snippet: c.Text}
			}
		}
	}
	var out []Judgement
	for _, j := range sample {
		a, okA := where[j.A]
		b, okB := where[j.B]
		if okA && okB {
			out = append(out, Judgement{A: a, B: b, Correct: j.Correct, Note: j.Reason, Real: true})
		}
	}
	return out, nil
}

// RealEquivalentSample returns the hand-judged random sample of equivalent
// links that involve the real documents of ../shared
// (testdata/judged-real-equivalent.json).
func RealEquivalentSample() ([]RealJudgement, error) {
	return judgedList[RealJudgement](realEquivalentJudged, "judged-real-equivalent.json")
}

// judgedList reads the "judged" list of a testdata file of judgements.
func judgedList[T any](data []byte, name string) ([]T, error) {
	var f struct {
		Judged []T `json:"judged"`
	}
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("eval: %s: %w", name, err)
	}
	return f.Judged, nil
}

// UniformSample returns the uniform random samples of equivalent links
// with a real document drawn from the shipped model's proposals
// (testdata/judged-real-equivalent.json, "uniform" and "uniform2": two
// independent draws of 40, pooled, so a link may come twice), each with
// its judgement from the same file. Unlike the judged sample as a whole,
// whose draws came from several models' proposals at different rates, it
// estimates the precision of the proposals it was drawn from.
func UniformSample() ([]RealJudgement, error) {
	var f struct {
		Judged   []RealJudgement         `json:"judged"`
		Uniform  []struct{ A, B string } `json:"uniform"`
		Uniform2 []struct{ A, B string } `json:"uniform2"`
	}
	if err := json.Unmarshal(realEquivalentJudged, &f); err != nil {
		return nil, fmt.Errorf("eval: judged-real-equivalent.json: %w", err)
	}
	byPair := map[[2]string]RealJudgement{}
	for _, j := range f.Judged {
		byPair[[2]string{j.A, j.B}], byPair[[2]string{j.B, j.A}] = j, j
	}
	out := make([]RealJudgement, 0, len(f.Uniform)+len(f.Uniform2))
	for _, u := range append(f.Uniform, f.Uniform2...) {
		j, ok := byPair[[2]string{u.A, u.B}]
		if !ok {
			return nil, fmt.Errorf("eval: judged-real-equivalent.json: the uniform sample's %s ~ %s is not judged", u.A, u.B)
		}
		out = append(out, j)
	}
	return out, nil
}

// RelatedJudgement is a hand judgement of a link proposed as related, by
// clause ID: whether the two clauses state the same measure after all.
type RelatedJudgement struct {
	A, B   string
	Same   bool
	Reason string
}

// RelatedSample returns the hand-judged random sample of related links
// (testdata/judged-related.json, on the seeds with ../shared/real).
func RelatedSample() ([]RelatedJudgement, error) {
	return judgedList[RelatedJudgement](relatedJudged, "judged-related.json")
}

// TaskJudgement is a hand judgement of a task link, by task ID: whether
// the two tasks are counterparts (the same reform task of the two plans).
// Kind is the link's kind when it was drawn.
type TaskJudgement struct {
	A, B    string
	Kind    string
	Correct bool
	Reason  string
}

// TaskLinkSample returns the hand-judged random sample of task links
// (testdata/judged-task-links.json, on the seeds with ../shared/real).
func TaskLinkSample() ([]TaskJudgement, error) {
	return judgedList[TaskJudgement](taskLinksJudged, "judged-task-links.json")
}

// Gold is a hand-made answer key.
type Gold struct {
	About       string       `json:"about"`
	Documents   []GoldDoc    `json:"documents"`
	ClausePairs []GoldPair   `json:"clause_pairs"`
	Targets     []GoldTarget `json:"targets"`
	Departments []GoldDept   `json:"departments"`
	// Judged holds hand judgements of links the system made (precision sample).
	Judged []Judgement `json:"judged,omitempty"`
}

// GoldDoc is the answer key for one document.
type GoldDoc struct {
	Source string `json:"source"`
	Key    string `json:"key"`
	Expect struct {
		RegionContains string   `json:"region_contains"`
		LevelIn        []string `json:"level_in"`
		YearIn         []int    `json:"year_in"`
		TaskCount      int      `json:"task_count"`
		// Title and DocNumber, when given, are compared after Squash.
		Title     string `json:"title,omitempty"`
		DocNumber string `json:"doc_number,omitempty"`
	} `json:"expect"`
	Tasks []GoldTask `json:"tasks"`
	// NotTasks are snippets that must not be inside any task: annex and
	// indicator-table rows, effective-date clauses, preamble.
	NotTasks []string `json:"not_tasks,omitempty"`
}

// GoldTask names the themes of the task that contains Loc.
type GoldTask struct {
	Loc     string   `json:"loc"`
	Primary []string `json:"primary"`
	Also    []string `json:"also"`
	// Safeguard, when the gold says it, is whether the task belongs to a
	// safeguard section.
	Safeguard *bool `json:"safeguard,omitempty"`
}

// GoldPair is a pair of equivalent clauses, each located by a snippet.
type GoldPair struct {
	ID string `json:"id"`
	A  Snip   `json:"a"`
	B  Snip   `json:"b"`
	// Relation and Difficulty, where the gold gives them: same, adapted,
	// stronger or weaker; lexical (most words shared) or semantic.
	Relation   string `json:"relation,omitempty"`
	Difficulty string `json:"difficulty,omitempty"`
}

// Snip locates text in a document.
type Snip struct {
	Source  string `json:"source"`
	Snippet string `json:"snippet"`
}

// GoldTarget is a quantitative target.
type GoldTarget struct {
	Source string  `json:"source"`
	Text   string  `json:"text"`
	Value  float64 `json:"value"`
	Unit   string  `json:"unit"`
}

// GoldDept lists the departments of the task containing TaskLoc.
type GoldDept struct {
	Source  string   `json:"source"`
	TaskLoc string   `json:"task_loc"`
	Lead    []string `json:"lead"`
	Support []string `json:"support"`
}

// Judgement is a person's verdict on a link the system proposed.
type Judgement struct {
	A       Snip   `json:"a"`
	B       Snip   `json:"b"`
	Correct bool   `json:"correct"`
	Note    string `json:"note,omitempty"`
	// Real marks a judgement of the sample with a real document
	// (RealJudgements), counted apart by CrossValidate.
	Real bool `json:"-"`
}

// DevGold returns the embedded dev gold for the seed documents, with the
// project's hand judgements of proposed equivalent links (Judged) added.
func DevGold() *Gold {
	g, err := ParseGold(devGold)
	if err != nil {
		panic("eval: embedded gold is invalid: " + err.Error())
	}
	var j struct {
		Judged []Judgement `json:"judged"`
	}
	if err := json.Unmarshal(devJudged, &j); err != nil {
		panic("eval: embedded judgements are invalid: " + err.Error())
	}
	g.Judged = append(g.Judged, j.Judged...)
	return g
}

// ParseGold reads a gold file.
func ParseGold(data []byte) (*Gold, error) {
	var g Gold
	if err := json.Unmarshal(data, &g); err != nil {
		return nil, fmt.Errorf("eval: parse gold: %w", err)
	}
	return &g, nil
}

// Squash is the comparison form of text: NFKC, no white space.
func Squash(s string) string {
	s = norm.NFKC.String(s)
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// Scores is the outcome of an evaluation.
type Scores struct {
	Docs []DocScores

	Tasks, TasksLocated, TasksAmbiguous, TasksMissing int
	CountsExact                                       int
	// GroupOnly counts missing gold tasks found only as a group heading.
	GroupOnly int
	// FalseTasks counts not-task snippets found inside a task, of NotTasks.
	FalseTasks, NotTasks int
	// FieldsRight counts metadata fields right, of FieldsGold.
	FieldsRight, FieldsGold int
	// SafeguardRight counts located tasks with the right safeguard flag.
	SafeguardRight, SafeguardGold int

	ThemeTasks, Top1InSet, Top1Primary int
	SetTP, SetFP, SetFN                int

	Targets, TargetsFound int
	DeptNames, DeptFound  int
	DeptPred, DeptCorrect int
	MetaDocs, MetaRight   int

	Pairs, PairsLinked, PairsEquivalent int
	PairMisses                          []string

	// Task pairs holding a gold clause pair, and how many are linked.
	TaskPairs, TaskPairsLinked int

	// Judged counts the judged links the system proposes as equivalent,
	// JudgedCorrect those judged right; Proposed counts every equivalent
	// clause link it proposes, judged or not.
	Judged, JudgedCorrect, Proposed int

	// RelatedSampled counts the links of the judged related sample
	// (RelatedSample) the system still proposes as related, RelatedSame
	// those judged to state the same measure.
	RelatedSampled, RelatedSame int
	// RealSampled counts the links of the judged sample of equivalent links
	// with a real document (RealEquivalentSample) the system still proposes
	// as equivalent, RealRight those of them judged right.
	RealSampled, RealRight int
	// RealProposed counts every equivalent link the system proposes with
	// a document of the gold file on one side: a change that proposes
	// links nobody judged shows as RealProposed growing while RealSampled
	// does not, which the precision above cannot see.
	RealProposed int
	// UniformSampled counts the links of the uniform sample of proposals
	// with a real document (UniformSample) the system still proposes as
	// equivalent, UniformRight those of them judged right.
	UniformSampled, UniformRight int
	// TaskSampled counts the task links of the judged sample
	// (TaskLinkSample) the system still makes, by their kind now
	// (0 equivalent, 1 related), TaskRight those of them judged right;
	// TaskProposed counts every task link it makes, by kind.
	TaskSampled, TaskRight, TaskProposed [2]int
}

// TaskPrecision estimates the share of task links that join counterparts:
// each kind's share right in the judged sample, weighted by how many links
// of that kind the system makes. ok is false when a kind it makes has no
// judged link.
func (s *Scores) TaskPrecision() (p float64, ok bool) {
	n := 0
	for k := range 2 {
		if s.TaskProposed[k] == 0 {
			continue
		}
		if s.TaskSampled[k] == 0 {
			return 0, false
		}
		p += float64(s.TaskProposed[k]) * float64(s.TaskRight[k]) / float64(s.TaskSampled[k])
		n += s.TaskProposed[k]
	}
	if n == 0 {
		return 0, false
	}
	return p / float64(n), true
}

// DocScores is the part of Scores for one document.
type DocScores struct {
	Source, Key          string
	TaskCount, WantCount int
	Located, GoldTasks   int
	Top1InSet, Top1Prim  int
	SetTP, SetFP, SetFN  int
	Region               string
	Level                policycmp.Level
	Year                 int
	MetaOK               bool
	// GroupOnly counts gold tasks found only in a group or section heading;
	// FalseTasks the not-task snippets found inside a task, of NotTasks.
	GroupOnly, FalseTasks, NotTasks int
	// Fields holds the metadata fields the gold names (region, level, year,
	// doc_number, title) and whether each is right.
	Fields map[string]bool
	// SafeguardRight counts located gold tasks whose safeguard flag is
	// right, of SafeguardGold.
	SafeguardRight, SafeguardGold int
	Problems                      []string
}

// Evaluate scores res against g.
func Evaluate(g *Gold, res *policycmp.Result) *Scores {
	s := &Scores{}
	bySource := map[string]*policycmp.Document{}
	for _, d := range res.Documents {
		bySource[d.Source] = d
	}
	for _, gd := range g.Documents {
		d := bySource[gd.Source]
		ds := DocScores{Source: gd.Source, Key: gd.Key, WantCount: gd.Expect.TaskCount, GoldTasks: len(gd.Tasks)}
		if d == nil {
			ds.Problems = append(ds.Problems, "document not in the comparison")
			s.Docs = append(s.Docs, ds)
			continue
		}
		ds.TaskCount = len(d.Tasks)
		if ds.TaskCount == ds.WantCount {
			s.CountsExact++
		}
		ds.Region, ds.Level, ds.Year = d.Region, d.Level, d.Year
		ds.Fields = metadataFields(gd, d)
		ds.MetaOK = ds.Fields["region"] && ds.Fields["level"] && ds.Fields["year"]
		for f, ok := range ds.Fields {
			s.FieldsGold++
			if ok {
				s.FieldsRight++
			}
			if !ok && f != "region" && f != "level" && f != "year" {
				ds.Problems = append(ds.Problems, fmt.Sprintf("metadata %s: got %q", f, fieldValue(d, f)))
			}
		}
		for _, nt := range gd.NotTasks {
			ds.NotTasks++
			s.NotTasks++
			if ts := TasksContaining(d, nt); len(ts) > 0 {
				ds.FalseTasks++
				s.FalseTasks++
				ds.Problems = append(ds.Problems, fmt.Sprintf("not a task, but inside %s: %q", ts[0].ID, nt))
			}
		}
		s.MetaDocs++
		if ds.MetaOK {
			s.MetaRight++
		} else {
			ds.Problems = append(ds.Problems, fmt.Sprintf("metadata region=%q level=%s year=%d", d.Region, d.Level, d.Year))
		}
		for _, gt := range gd.Tasks {
			s.Tasks++
			ts := TasksContaining(d, gt.Loc)
			switch len(ts) {
			case 0:
				s.TasksMissing++
				if inHeading(d, gt.Loc) {
					ds.GroupOnly++
					s.GroupOnly++
					ds.Problems = append(ds.Problems, fmt.Sprintf("gold task %q found only as a group heading", gt.Loc))
				} else {
					ds.Problems = append(ds.Problems, fmt.Sprintf("gold task %q not found", gt.Loc))
				}
				continue
			case 1:
				s.TasksLocated++
				ds.Located++
			default:
				s.TasksAmbiguous++
				ds.Problems = append(ds.Problems, fmt.Sprintf("gold task %q in %d tasks", gt.Loc, len(ts)))
			}
			t := ts[0]
			if gt.Safeguard != nil && len(ts) == 1 {
				ds.SafeguardGold++
				s.SafeguardGold++
				if t.Safeguard == *gt.Safeguard {
					ds.SafeguardRight++
					s.SafeguardRight++
				} else {
					ds.Problems = append(ds.Problems, fmt.Sprintf("task %s: safeguard %v, gold %v", t.ID, t.Safeguard, *gt.Safeguard))
				}
			}
			s.ThemeTasks++
			c := scoreThemes(gt, t)
			s.Top1InSet += c.Top1InSet
			s.Top1Primary += c.Top1Prim
			s.SetTP, s.SetFP, s.SetFN = s.SetTP+c.SetTP, s.SetFP+c.SetFP, s.SetFN+c.SetFN
			ds.Top1InSet += c.Top1InSet
			ds.Top1Prim += c.Top1Prim
			ds.SetTP, ds.SetFP, ds.SetFN = ds.SetTP+c.SetTP, ds.SetFP+c.SetFP, ds.SetFN+c.SetFN
			if c.Top1Prim == 0 {
				ds.Problems = append(ds.Problems, fmt.Sprintf("task %s %q: primary %s, gold %v", t.ID, t.Heading, t.PrimaryTheme(), gt.Primary))
			}
		}
		s.Docs = append(s.Docs, ds)
	}
	for _, gt := range g.Targets {
		s.Targets++
		d := bySource[gt.Source]
		if d != nil && findTarget(d, gt) {
			s.TargetsFound++
		} else {
			s.PairMisses = append(s.PairMisses, fmt.Sprintf("target %s %q not found", gt.Source, gt.Text))
		}
	}
	for _, gdp := range g.Departments {
		d := bySource[gdp.Source]
		var t *policycmp.Task
		if d != nil {
			if ts := TasksContaining(d, gdp.TaskLoc); len(ts) == 1 {
				t = ts[0]
			}
		}
		want := len(gdp.Lead) + len(gdp.Support)
		s.DeptNames += want
		if t == nil {
			continue
		}
		for _, n := range gdp.Lead {
			if slices.Contains(t.Departments.Lead, n) {
				s.DeptFound++
			}
		}
		for _, n := range gdp.Support {
			if slices.Contains(t.Departments.Support, n) {
				s.DeptFound++
			}
		}
		s.DeptPred += len(t.Departments.Lead) + len(t.Departments.Support)
		for _, n := range t.Departments.Lead {
			if slices.Contains(gdp.Lead, n) {
				s.DeptCorrect++
			}
		}
		for _, n := range t.Departments.Support {
			if slices.Contains(gdp.Support, n) {
				s.DeptCorrect++
			}
		}
	}
	links := linkIndex(res.Alignments)
	for _, p := range g.ClausePairs {
		s.Pairs++
		kind := pairKind(bySource, links, p.A, p.B)
		switch kind {
		case "equivalent":
			s.PairsLinked++
			s.PairsEquivalent++
		case "related":
			s.PairsLinked++
			s.PairMisses = append(s.PairMisses, fmt.Sprintf("pair %s linked only as related", p.ID))
		default:
			s.PairMisses = append(s.PairMisses, fmt.Sprintf("pair %s not linked: %q ~ %q", p.ID, p.A.Snippet, p.B.Snippet))
		}
	}
	taskLinks := linkIndex(res.TaskAlignments)
	seenTP := map[[2]string]bool{}
	for _, p := range g.ClausePairs {
		da, db := bySource[p.A.Source], bySource[p.B.Source]
		if da == nil || db == nil {
			continue
		}
		ta, tb := TasksContaining(da, p.A.Snippet), TasksContaining(db, p.B.Snippet)
		if len(ta) != 1 || len(tb) != 1 || seenTP[[2]string{ta[0].ID, tb[0].ID}] {
			continue
		}
		seenTP[[2]string{ta[0].ID, tb[0].ID}] = true
		s.TaskPairs++
		if taskLinks[[2]string{ta[0].ID, tb[0].ID}] != "" {
			s.TaskPairsLinked++
		} else {
			s.PairMisses = append(s.PairMisses, fmt.Sprintf("task pair %s ~ %s (from %s) not linked", ta[0].ID, tb[0].ID, p.ID))
		}
	}
	for _, l := range res.Alignments {
		if l.Kind == align.Equivalent {
			s.Proposed++
		}
	}
	kind := map[[2]string]string{} // clause ID pair, both orders → link kind
	for _, l := range res.Alignments {
		kind[[2]string{l.A, l.B}], kind[[2]string{l.B, l.A}] = l.Kind.String(), l.Kind.String()
	}
	taskKind := map[[2]string]align.Kind{}
	for _, l := range res.TaskAlignments {
		taskKind[[2]string{l.A, l.B}], taskKind[[2]string{l.B, l.A}] = l.Kind, l.Kind
		s.TaskProposed[kindIndex(l.Kind)]++
	}
	if sample, err := TaskLinkSample(); err == nil {
		for _, j := range sample {
			if k, ok := taskKind[[2]string{j.A, j.B}]; ok {
				s.TaskSampled[kindIndex(k)]++
				if j.Correct {
					s.TaskRight[kindIndex(k)]++
				}
			}
		}
	}
	if sample, err := RelatedSample(); err == nil {
		for _, j := range sample {
			if kind[[2]string{j.A, j.B}] == "related" {
				s.RelatedSampled++
				if j.Same {
					s.RelatedSame++
				}
			}
		}
	}
	goldDoc := map[string]bool{}
	for _, gd := range g.Documents {
		if d := bySource[gd.Source]; d != nil {
			goldDoc[d.ID] = true
		}
	}
	docOf := func(clause string) string { id, _, _ := strings.Cut(clause, "/"); return id }
	for _, l := range res.Alignments {
		if l.Kind == align.Equivalent && (goldDoc[docOf(l.A)] || goldDoc[docOf(l.B)]) {
			s.RealProposed++
		}
	}
	if sample, err := RealEquivalentSample(); err == nil {
		for _, j := range sample {
			if kind[[2]string{j.A, j.B}] == "equivalent" {
				s.RealSampled++
				if j.Correct {
					s.RealRight++
				}
			}
		}
	}
	if sample, err := UniformSample(); err == nil {
		for _, j := range sample {
			if kind[[2]string{j.A, j.B}] == "equivalent" {
				s.UniformSampled++
				if j.Correct {
					s.UniformRight++
				}
			}
		}
	}
	for _, j := range g.Judged {
		if pairKind(bySource, links, j.A, j.B) != "equivalent" {
			continue // the sample judges equivalent links the system makes
		}
		s.Judged++
		if j.Correct {
			s.JudgedCorrect++
		}
	}
	return s
}

// scoreThemes compares task t's themes with the gold task's: the counts
// of one task, in the fields of DocScores.
func scoreThemes(gt GoldTask, t *policycmp.Task) DocScores {
	var c DocScores
	gold := map[string]bool{}
	for _, id := range append(append([]string{}, gt.Primary...), gt.Also...) {
		gold[id] = true
	}
	top := t.PrimaryTheme()
	if gold[top] {
		c.Top1InSet++
	}
	if slices.Contains(gt.Primary, top) {
		c.Top1Prim++
	}
	pred := map[string]bool{}
	for _, th := range t.Themes {
		if th.ID != taxonomy.Unclassified {
			pred[th.ID] = true
		}
	}
	for id := range pred {
		if gold[id] {
			c.SetTP++
		} else {
			c.SetFP++
		}
	}
	for id := range gold {
		if !pred[id] {
			c.SetFN++
		}
	}
	return c
}

// metadataFields checks the metadata fields the gold names.
func metadataFields(gd GoldDoc, d *policycmp.Document) map[string]bool {
	f := map[string]bool{
		"region": strings.Contains(d.Region, gd.Expect.RegionContains),
		"level":  slices.Contains(gd.Expect.LevelIn, string(d.Level)),
		"year":   slices.Contains(gd.Expect.YearIn, d.Year),
	}
	if gd.Expect.Title != "" {
		f["title"] = Squash(d.Title) == Squash(gd.Expect.Title)
	}
	if gd.Expect.DocNumber != "" {
		f["doc_number"] = Squash(d.DocNumber) == Squash(gd.Expect.DocNumber)
	}
	return f
}

func fieldValue(d *policycmp.Document, field string) string {
	switch field {
	case "title":
		return d.Title
	case "doc_number":
		return d.DocNumber
	}
	return ""
}

// inHeading reports whether loc stands in a section heading or in the
// heading path of a task: a task found only as a group.
func inHeading(d *policycmp.Document, loc string) bool {
	want := Squash(loc)
	for _, sec := range d.Sections {
		if strings.Contains(Squash(sec.Number+sec.Heading+sec.Text), want) {
			return true
		}
	}
	for _, t := range d.Tasks {
		for _, h := range t.Path {
			if strings.Contains(Squash(h), want) {
				return true
			}
		}
	}
	return false
}

// TasksContaining returns the tasks whose text contains loc (both squashed).
func TasksContaining(d *policycmp.Document, loc string) []*policycmp.Task {
	want := Squash(loc)
	var out []*policycmp.Task
	for _, t := range d.Tasks {
		if strings.Contains(Squash(t.FullText()), want) {
			out = append(out, t)
		}
	}
	return out
}

// ClausesContaining returns the IDs of the clauses that overlap snippet.
func ClausesContaining(d *policycmp.Document, snippet string) []string {
	want := Squash(snippet)
	var out []string
	for _, t := range d.Tasks {
		text := ""
		var bounds []int
		for _, c := range t.Clauses {
			bounds = append(bounds, len(text))
			text += Squash(c.Text) + "。"
		}
		at := strings.Index(text, want)
		if at < 0 {
			continue
		}
		end := at + len(want)
		for i, c := range t.Clauses {
			cs := bounds[i]
			ce := cs + len(Squash(c.Text)) + len("。")
			if cs < end && ce > at {
				out = append(out, c.ID)
			}
		}
	}
	return out
}

func findTarget(d *policycmp.Document, gt GoldTarget) bool {
	want := Squash(gt.Text)
	for _, t := range d.Tasks {
		for _, tg := range t.Targets {
			got := Squash(tg.Text)
			if tg.Value == gt.Value && tg.Unit == gt.Unit && (strings.Contains(got, want) || strings.Contains(want, got)) {
				return true
			}
		}
	}
	return false
}

func linkIndex(links []policycmp.Link) map[[2]string]string {
	idx := map[[2]string]string{}
	for _, l := range links {
		k := l.Kind.String()
		if idx[[2]string{l.A, l.B}] != "equivalent" {
			idx[[2]string{l.A, l.B}] = k
			idx[[2]string{l.B, l.A}] = k
		}
	}
	return idx
}

// pairKind is the best link kind between any clause overlapping a and any
// overlapping b: "equivalent", "related" or "".
func pairKind(bySource map[string]*policycmp.Document, links map[[2]string]string, a, b Snip) string {
	da, db := bySource[a.Source], bySource[b.Source]
	if da == nil || db == nil {
		return ""
	}
	best := ""
	for _, ca := range ClausesContaining(da, a.Snippet) {
		for _, cb := range ClausesContaining(db, b.Snippet) {
			switch links[[2]string{ca, cb}] {
			case "equivalent":
				return "equivalent"
			case "related":
				best = "related"
			}
		}
	}
	return best
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// SetP, SetR and SetF1 are the micro-averaged theme-set scores.
func (s *Scores) SetP() float64 { return ratio(s.SetTP, s.SetTP+s.SetFP) }

// SetR is the theme-set recall.
func (s *Scores) SetR() float64 { return ratio(s.SetTP, s.SetTP+s.SetFN) }

// SetF1 is the theme-set F1.
func (s *Scores) SetF1() float64 {
	p, r := s.SetP(), s.SetR()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Top1 is the share of gold tasks whose primary theme is in the gold set.
func (s *Scores) Top1() float64 { return ratio(s.Top1InSet, s.ThemeTasks) }

// Print writes a readable report of s.
func (s *Scores) Print(w io.Writer, verbose bool) {
	keyW := textcol.Width("document")
	for _, d := range s.Docs {
		keyW = max(keyW, textcol.Width(d.Key))
	}
	fmt.Fprintf(w, "%s %6s %6s %8s %9s %9s %6s %6s %6s  %s\n", textcol.Pad("document", keyW), "tasks", "want", "located", "top1∈set", "top1=pri", "P", "R", "F1", "metadata")
	for _, d := range s.Docs {
		p := ratio(d.SetTP, d.SetTP+d.SetFP)
		r := ratio(d.SetTP, d.SetTP+d.SetFN)
		f := 0.0
		if p+r > 0 {
			f = 2 * p * r / (p + r)
		}
		meta := "ok"
		if !d.MetaOK {
			meta = "WRONG"
		}
		fmt.Fprintf(w, "%s %6d %6d %5d/%-3d %9.3f %9.3f %6.3f %6.3f %6.3f  %s (%s, %s, %d)\n", textcol.Pad(d.Key, keyW), d.TaskCount, d.WantCount, d.Located, d.GoldTasks,
			ratio(d.Top1InSet, d.GoldTasks), ratio(d.Top1Prim, d.GoldTasks), p, r, f, meta, d.Region, d.Level, d.Year)
	}
	fmt.Fprintf(w, "\nstructure: task counts exact %d/%d; gold tasks located in exactly one task %d/%d (ambiguous %d, missing %d)\n",
		s.CountsExact, len(s.Docs), s.TasksLocated, s.Tasks, s.TasksAmbiguous, s.TasksMissing)
	if s.NotTasks > 0 || s.GroupOnly > 0 {
		fmt.Fprintf(w, "           missing found only as a group heading or section text %d; false tasks (not-task snippets inside a task) %d/%d\n", s.GroupOnly, s.FalseTasks, s.NotTasks)
	}
	fmt.Fprintf(w, "metadata:  region, level and year right %d/%d; fields right %d/%d\n", s.MetaRight, s.MetaDocs, s.FieldsRight, s.FieldsGold)
	if s.SafeguardGold > 0 {
		fmt.Fprintf(w, "safeguard: flag right on %d/%d located tasks\n", s.SafeguardRight, s.SafeguardGold)
	}
	fmt.Fprintf(w, "themes:    top-1 in gold set %.3f, top-1 = primary %.3f, set P %.3f R %.3f F1 %.3f (%d tasks)\n",
		s.Top1(), ratio(s.Top1Primary, s.ThemeTasks), s.SetP(), s.SetR(), s.SetF1(), s.ThemeTasks)
	fmt.Fprintf(w, "targets:   found %d/%d\n", s.TargetsFound, s.Targets)
	fmt.Fprintf(w, "depts:     gold names found %d/%d; predicted names right %d/%d\n", s.DeptFound, s.DeptNames, s.DeptCorrect, s.DeptPred)
	fmt.Fprintf(w, "alignment: gold clause pairs linked %d/%d, as equivalent %d/%d; tasks holding them linked %d/%d\n", s.PairsLinked, s.Pairs, s.PairsEquivalent, s.Pairs, s.TaskPairsLinked, s.TaskPairs)
	if s.Judged > 0 {
		fmt.Fprintf(w, "precision: hand-judged equivalent links right %d/%d = %.3f (judged links the system still proposes as equivalent; %d proposed)\n", s.JudgedCorrect, s.Judged, ratio(s.JudgedCorrect, s.Judged), s.Proposed)
	}
	if s.RelatedSampled > 0 {
		fmt.Fprintf(w, "related:   of a hand-judged random sample of related links, %d/%d = %.3f state the same measure (those the system still proposes as related)\n", s.RelatedSame, s.RelatedSampled, ratio(s.RelatedSame, s.RelatedSampled))
	}
	if s.TaskSampled[0]+s.TaskSampled[1] > 0 {
		fmt.Fprintf(w, "tasks:     of a hand-judged random sample of task links, the equivalent ones join counterparts %d/%d = %.3f, the related ones %d/%d = %.3f (those the system still makes, by their kind now; it makes %d equivalent and %d related)",
			s.TaskRight[0], s.TaskSampled[0], ratio(s.TaskRight[0], s.TaskSampled[0]), s.TaskRight[1], s.TaskSampled[1], ratio(s.TaskRight[1], s.TaskSampled[1]), s.TaskProposed[0], s.TaskProposed[1])
		if p, ok := s.TaskPrecision(); ok {
			fmt.Fprintf(w, "; all task links about %.3f", p)
		}
		fmt.Fprintln(w)
	}
	if s.RealSampled > 0 {
		fmt.Fprintf(w, "precision: of the hand-judged links with a real document (samples of several models' proposals), %d/%d = %.3f right (those the system still proposes as equivalent; it proposes %d with a real document)\n", s.RealRight, s.RealSampled, ratio(s.RealRight, s.RealSampled), s.RealProposed)
	}
	if s.UniformSampled > 0 {
		fmt.Fprintf(w, "           of uniform random samples of the shipped model's proposals with a real document, %d/%d = %.3f right (those it still proposes: the estimate of their precision)\n", s.UniformRight, s.UniformSampled, ratio(s.UniformRight, s.UniformSampled))
	}
	if verbose {
		for _, d := range s.Docs {
			for _, p := range d.Problems {
				fmt.Fprintf(w, "  %s: %s\n", d.Key, p)
			}
		}
		for _, m := range s.PairMisses {
			fmt.Fprintf(w, "  %s\n", m)
		}
	}
}

// kindIndex is 0 for equivalent links, 1 for the others (related).
func kindIndex(k align.Kind) int {
	if k == align.Equivalent {
		return 0
	}
	return 1
}

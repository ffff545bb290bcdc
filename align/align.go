// Package align finds equivalent and related units of text across documents.
// It works on plain units (ID, document ID, text, words, themes) and knows
// nothing of how they were parsed.
//
// Similarity combines TF-IDF cosine over character bigrams (robust to
// segmentation errors and damaged spans) with TF-IDF cosine over words
// (variants folded by the caller), and uses theme agreement as a prior.
// Candidates come from an inverted index over the bigrams, so the cost grows
// about linearly with the number of units; alignment never assumes that two
// documents keep the same order.
package align

import (
	"cmp"
	"context"
	_ "embed"
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/policycmp/policycmp/internal/topk"
	"github.com/policycmp/policycmp/internal/tsv"
	"github.com/policycmp/policycmp/internal/work"
)

// Kind says how close two linked units are. It is a byte (there are
// millions of links at scale) and reads, prints and marshals as its name.
type Kind uint8

// Link kinds; the zero Kind is none.
const (
	Equivalent Kind = iota + 1 // "equivalent": the same measure
	Related                    // "related": the same subject, another measure
)

var kindNames = [...]string{Equivalent: "equivalent", Related: "related"}

// String returns the kind's name ("equivalent", "related"), "" for none.
func (k Kind) String() string { return enumName(kindNames[:], uint8(k)) }

// MarshalText returns the kind's name.
func (k Kind) MarshalText() ([]byte, error) { return marshalEnum(kindNames[:], uint8(k), "kind") }

// UnmarshalText reads a kind's name.
func (k *Kind) UnmarshalText(b []byte) error {
	return unmarshalEnum(kindNames[:], (*uint8)(k), b, "kind")
}

// ParseKind returns the kind of the given name.
func ParseKind(name string) (Kind, error) {
	var k Kind
	return k, k.UnmarshalText([]byte(name))
}

// Relation is an analyst's label for an equivalent pair. Like Kind it is a
// byte that reads, prints and marshals as its name.
type Relation uint8

// Relations between equivalent units; the zero Relation is none.
const (
	Same     Relation = iota + 1 // "same": near-verbatim
	Adapted                      // "adapted": same measure, local wording
	Stronger                     // "stronger": B sets a more ambitious target than A
	Weaker                       // "weaker": B sets a less ambitious target than A
)

var relationNames = [...]string{Same: "same", Adapted: "adapted", Stronger: "stronger", Weaker: "weaker"}

// String returns the relation's name ("same", "adapted" …), "" for none.
func (r Relation) String() string { return enumName(relationNames[:], uint8(r)) }

// MarshalText returns the relation's name.
func (r Relation) MarshalText() ([]byte, error) {
	return marshalEnum(relationNames[:], uint8(r), "relation")
}

// UnmarshalText reads a relation's name; "" is none.
func (r *Relation) UnmarshalText(b []byte) error {
	return unmarshalEnum(relationNames[:], (*uint8)(r), b, "relation")
}

func enumName(names []string, v uint8) string {
	if int(v) < len(names) {
		return names[v]
	}
	return fmt.Sprintf("%d", v)
}

func marshalEnum(names []string, v uint8, what string) ([]byte, error) {
	if int(v) >= len(names) {
		return nil, fmt.Errorf("align: no %s %d", what, v)
	}
	return []byte(names[v]), nil
}

func unmarshalEnum(names []string, v *uint8, b []byte, what string) error {
	for i, n := range names {
		if n == string(b) {
			*v = uint8(i)
			return nil
		}
	}
	return fmt.Errorf("align: no %s %q", what, b)
}

// Unit is a piece of text to align.
type Unit struct {
	ID  string
	Doc string // units of the same Doc are never linked
	// Group, when set, names the whole this unit is a part of (a clause
	// for a phrase): Align then reports links between groups, each with
	// the best score of its parts' links, equivalent when any part link is.
	Group string
	// Scope, when set, names the passage the unit belongs to (a task for
	// a clause's phrase): a document's mentions of a key term within one
	// scope count as one mention (see Options.KeyTerm).
	Scope   string
	Text    string   // the text compared character by character
	Words   []string // segmented, variant-folded words without stop words
	Themes  []string // theme IDs, primary first; may be empty
	Targets []Target
	// Concepts are the domain concepts the text names, each with the form
	// it names it by (segment.Concepts). Two units that share a concept
	// named by different forms (总额控制 ~ 总额预算) are candidates of each
	// other beyond the shared characters (Options.ConceptCandidates), and
	// the pair model weighs that evidence (the feature "concept").
	Concepts []Concept
}

// Concept is a domain concept a unit names: its ID and the form used
// (variants folded by the caller, as Words are), which is what is compared,
// and the form as the text writes it, for labels (empty: Form).
type Concept struct {
	ID, Form string
	Text     string
}

// Target is a quantitative target of a unit, for stronger/weaker labels.
type Target struct {
	Indicator string `json:"indicator"`
	// Counted is the noun the number counts when it follows it (see
	// extract.Target): two targets counting the same things measure the
	// same metric whoever is to build them.
	Counted    string  `json:"counted,omitempty"`
	Value      float64 `json:"value"`
	Unit       string  `json:"unit"`
	Comparator string  `json:"comparator"` // "=", ">=", ">", "<=", "<"
}

// Link joins two units of different documents. A comes from the document
// that appears first in the input.
type Link struct {
	A, B     string
	Score    float64
	Evidence *Evidence // why Relation: nil when unlabelled; links may share one, so treat it as read-only
	Kind     Kind
	Relation Relation

	anchored bool // the units share a specific word (see Options.MutualSpecific)
}

// Options tune the aligner. The zero value uses the defaults, which were
// chosen on the seed corpus (see the README's evaluation section).
type Options struct {
	// Equivalent is the score from which a link is equivalent; 0 means 0.65.
	Equivalent float64
	// Mutual is the lower score from which a link is equivalent when each
	// unit is the other's best match in its document; 0 means 0.44.
	Mutual float64
	// Related is the score from which units are linked at all; 0 means 0.28.
	Related float64
	// CharWeight is the share of the character-bigram cosine in the score
	// (the rest is the word cosine); 0 means 0.55.
	CharWeight float64
	// Candidates is how many candidates per unit are scored; 0 means 10.
	Candidates int
	// MaxPosting skips bigrams found in more units than this share of the
	// corpus when gathering candidates; 0 means 0.05 (never below 64 units).
	MaxPosting float64
	// Budget bounds the posting entries one unit reads when gathering
	// candidates, its rarest bigrams first; 0 means 4000. The search is
	// exact (see Index.Candidates) and usually stops by its bound first;
	// the budget is the safety net that keeps the cost per unit bounded on
	// pathological shapes, where it may cut the search short.
	Budget int
	// PerDoc caps the links of one unit into one other document; 0 means 3.
	PerDoc int
	// Workers bounds parallel scoring; 0 means GOMAXPROCS.
	Workers int
	// NoLabels leaves Relation and Evidence empty (label later with Label).
	NoLabels bool
	// WordIDF gives a background inverse document frequency for words,
	// such as jieba's idf table (segment.Jieba.IDF); ok false for unknown
	// words. When nil, word weights come from the units alone.
	WordIDF func(word string) (idf float64, ok bool) `json:"-"`
	// Specific is the word weight (background IDF × corpus rarity) from
	// which a shared word anchors a link: with WordIDF set, units are only
	// linked when they share such a word, so boilerplate (完善工作机制,
	// 督促任务落实) links nothing, and a mutual-best link below Equivalent
	// needs one too; 0 means 6.0.
	Specific float64
	// MutualSpecific is the word weight a mutual-best link below
	// Equivalent needs in a shared word; 0 means 8.0.
	MutualSpecific float64
	// KeyTerm marks curated domain terms (segment.IsDomainTerm). Two units
	// that share a key term rare in the corpus (weight ≥ MutualSpecific,
	// held by at most KeyMaxUnits units) name the same instrument —
	// 公共卫生科, 三明医改, 多学科诊疗 — whatever else their wording does: they
	// are linked as related with at least KeyFloor. Such a pair is
	// equivalent only when each unit is its document's sole mention of the
	// term (no other Scope of the document holds it, and the unit does not
	// merely list it as an item of an enumeration 、…、): each document then
	// states its one measure on the instrument there. Pairs where either
	// document names the instrument in several places stay related: on the
	// seeds, half of those state different measures on it.
	KeyTerm func(word string) bool `json:"-"`
	// KeyFloor is that least score; 0 means 0.42.
	KeyFloor float64
	// KeyMaxUnits is how many units at most may hold a key term for it to
	// count: a term found all over the corpus no longer singles out one
	// instrument; 0 means 8.
	KeyMaxUnits int
	// PairIDF gives reference weights of character pairs (two-rune
	// strings), such as those of a fixed reference corpus; ok false for
	// pairs it lacks. When nil, pair weights come from the units alone.
	PairIDF func(pair string) (idf float64, ok bool) `json:"-"`
	// Model, when set, decides links instead of the thresholds above:
	// every candidate's features (Index.Features) go through the model,
	// its probability is the link's score, pairs at Model.Related are
	// linked and at Model.Equivalent equivalent; a pair setting targets on
	// the same metric (the same value or another) is always equivalent.
	// Only Candidates, Budget, MaxPosting, PerDoc and Workers apply besides.
	Model *Model `json:"-"`
	// Rules, with Model, decides beside the model by the thresholds above
	// over the first RuleCandidates candidates: a pair is linked when
	// either links it, and equivalent when the rules say so, the model
	// is sure (Model.Sure) or the two set targets on the same metric.
	// Scores stay the model's probabilities; the rules' decision uses word
	// rarity among the loaded units.
	Rules bool
	// RuleMinProb, with Rules, is the model's probability from which the
	// rules may make a pair equivalent: below it the model finds the two
	// more likely not to state the same measure, and the rules' word
	// rarity, which is that of the loaded units, does not overrule it.
	// 0 means 0.5, the calibrated probability's own boundary (not fitted).
	// Measured against Model.Related (0.26), where the rules could make any
	// linked pair equivalent: the judged real sample 0.680 → 0.756 right,
	// the seeds' 0.945 → 0.972; cross-validated the same 34 of 75 pairs as
	// equivalent at 0.855 → 0.882; fitted, one seed pair fewer (P19, 0.46).
	RuleMinProb float64
	// RuleCandidates is how many candidates the rules consider; 0 means 10.
	RuleCandidates int
	// NoModelMutual, with Rules, turns off the model's second route to
	// equivalence beside the rules: a link is equivalent when each unit is
	// the other's most probable match in its document and the model gives
	// it Model.MutualSure (the lowest probability at which such pairs'
	// training precision reaches SurePrecision, at most Model.Equivalent),
	// instead of Model.Sure for any pair. Measured with it off and on:
	// cross-validated 34 → 42 of 75 pairs as equivalent at judged precision
	// 0.882 → 0.855 (seeds 0.914 → 0.898, with a real document 0.750 →
	// 0.739); of a random sample of 40 of the 84 equivalent links it adds
	// with a real document, 28 are right.
	NoModelMutual bool
	// RelatedPerDoc caps the model's links of one unit into one other
	// document that are below Model.Equivalent (related at best), and
	// with Rules all the links the model adds to the rules' own; 0 means
	// 1: the best counterpart, not every nearby sentence.
	RelatedPerDoc int
	// RelatedPerUnit caps those links of one unit across all documents;
	// 0 means 5, so they grow with the units, not with the documents each
	// unit has near-copies in. 5 is the smallest cap from which the dev
	// pairs between eleven documents stop gaining links (3 left two
	// counterparts out: a unit's fourth and fifth best documents); at
	// 1,000 documents it costs a third more links than 3.
	RelatedPerUnit int
	// ConceptCandidates is how many candidates each unit gets beyond
	// Candidates from the units that share one of its concepts named by a
	// different form and no form of it (Unit.Concepts), those sharing the
	// most character-pair weight first: units that state the same measure
	// in other words share few characters, so the character search alone
	// never offers them. Only the model scores them (see Model); 0 means
	// 3, negative none.
	ConceptCandidates int
}

func (o Options) withDefaults() Options {
	work.Default(&o.Equivalent, 0.65)
	work.Default(&o.Mutual, 0.44)
	work.Default(&o.Related, 0.28)
	work.Default(&o.CharWeight, 0.55)
	work.Default(&o.MaxPosting, 0.05)
	work.Default(&o.Specific, 6.0)
	work.Default(&o.MutualSpecific, 8.0)
	work.Default(&o.KeyFloor, 0.42)
	work.Default(&o.KeyMaxUnits, 8)
	work.Default(&o.Candidates, 10)
	work.Default(&o.Budget, 4000)
	work.Default(&o.PerDoc, 3)
	work.Default(&o.RuleCandidates, 10)
	work.Default(&o.RelatedPerDoc, 1)
	work.Default(&o.RelatedPerUnit, 5)
	work.Default(&o.ConceptCandidates, 3)
	work.Default(&o.RuleMinProb, 0.5)
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	return o
}

// Aligner links units across documents. It is safe for concurrent use.
type Aligner struct {
	opts Options
}

// New returns an aligner.
func New(opts Options) *Aligner { return &Aligner{opts: opts.withDefaults()} }

// Options returns the aligner's options with defaults filled in.
func (a *Aligner) Options() Options { return a.opts }

// vec is a sparse, L2-normalised TF-IDF vector, sorted by feature ID.
type vec struct {
	ids []int32
	w   []float32
}

func (v vec) dot(o vec) float64 {
	s := 0.0
	i, j := 0, 0
	for i < len(v.ids) && j < len(o.ids) {
		switch {
		case v.ids[i] == o.ids[j]:
			s += float64(v.w[i]) * float64(o.w[j])
			i++
			j++
		case v.ids[i] < o.ids[j]:
			i++
		default:
			j++
		}
	}
	return s
}

// Index holds the vectors of a set of units. Units with the same content
// (textID) share one entry in the per-content fields: chars, words,
// charsFixed, wordsFixed, keys and runes.
type Index struct {
	units    []Unit
	docIdx   []int       // document order of each unit
	chars    []vec       // each content's character-pair vector (corpus weights)
	words    []vec       // each content's word vector
	postings [][]posting // bigram ID → contents holding it
	maxW     []float32   // the largest weight in each bigram's postings
	df       []int32
	maxPost  int
	wordW    []float64 // weight of each word ID (background × corpus IDF), nil without a background table
	bgW      []float64 // background IDF of each word ID alone (fixed, for the model's features)
	// charsFixed and wordsFixed are the vectors under fixed weights
	// (reference pairs, background words), for the model's features.
	charsFixed, wordsFixed []vec
	keys                   [][]uint64     // sorted content character pairs of each content (pairKeys)
	targetKeys             [][]targetKeys // each content's targets' keys (nil without targets)
	// textID names each unit's content (text, themes, targets, words):
	// units with the same content score alike, so a pair of contents is
	// scored once and its copies reuse it.
	textID   []int32
	members  [][]int32 // the units of each content, ascending
	runes    [][]rune  // each content's text, clipped to MaxDiffRunes
	keyTerm  func(string) bool
	wordText []string // the word of each word ID
	runeLen  []int32  // each content's length in runes
	wordDF   []int32  // how many units hold each word
	// concepts holds each content's concepts as conceptID<<32 | formID,
	// sorted; conceptPost lists the contents naming each concept.
	concepts     [][]uint64
	conceptForms []string // the text of each form ID
	conceptPost  [][]int32
	conceptExtra int     // Options.ConceptCandidates (0: none)
	soleDoc      []int32 // each content's document when one document holds all its units, else -1
}

// Bigrams returns the character bigrams of s that carry content: pairs of
// letters or digits, skipping punctuation and damaged characters (?, U+FFFD).
func Bigrams(s string) []string {
	var out []string
	for _, k := range appendPairs(nil, s) {
		out = append(out, string([]rune{rune(k >> 32), rune(k & 0xffffffff)}))
	}
	return out
}

// appendPairs appends to dst each pair of adjacent letters or digits in s,
// in order, encoded as first<<32 | second.
func appendPairs(dst []uint64, s string) []uint64 {
	var prev rune = -1
	for _, r := range s {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r)) {
			prev = -1
			continue
		}
		if prev >= 0 {
			dst = append(dst, uint64(prev)<<32|uint64(r))
		}
		prev = r
	}
	return dst
}

// posting is a content holding a character pair, with the pair's weight.
type posting struct {
	content int32
	w       float32
}

type vocab struct {
	ids map[string]int32
}

func (v *vocab) id(s string) int32 {
	if id, ok := v.ids[s]; ok {
		return id
	}
	id := int32(len(v.ids))
	v.ids[s] = id
	return id
}

// NewIndex vectorises units: TF-IDF (sublinear tf) over character bigrams
// and over words, with document frequencies from the units themselves.
func NewIndex(units []Unit, maxPosting float64) *Index {
	ix := newIndex(units, maxPosting, nil, nil, true)
	ix.conceptExtra = max(0, Options{}.withDefaults().ConceptCandidates)
	return ix
}

// NewIndexFor vectorises units as an aligner with opts does: with its
// background word weights, reference pair weights and key terms. Without
// opts.Model it keeps only what the candidate search and the rules need:
// Features still works on it, computing what it lacks.
func NewIndexFor(units []Unit, opts Options) *Index {
	o := opts.withDefaults()
	ix := newIndex(units, o.MaxPosting, o.WordIDF, o.PairIDF, o.Model != nil)
	ix.keyTerm = o.KeyTerm
	ix.conceptExtra = max(0, o.ConceptCandidates)
	return ix
}

// Len is the number of units in the index.
func (ix *Index) Len() int { return len(ix.units) }

// Unit returns unit i.
func (ix *Index) Unit(i int) Unit { return ix.units[i] }

// Candidates returns up to k units of other documents that share the most
// weighted character pairs with unit i, best first, then up to
// Options.ConceptCandidates units that a concept bridges to it (the units
// the aligner scores for i). The search prunes by an upper bound on what unread
// postings can add, so its result is that of ExhaustiveCandidates unless
// budget posting entries are read first.
func (ix *Index) Candidates(i, k, budget int) []int {
	var sc scratch
	var out []int
	for _, c := range ix.candidates(i, k, budget, &sc) {
		out = append(out, int(c.j))
	}
	return out
}

// ExhaustiveCandidates is Candidates by reading every character-pair
// posting list of unit i in full, with neither bound nor budget, plus the
// same concept candidates (Options.ConceptCandidates): the reference the
// aligner's pruned search is checked against (slow; for measurement).
func (ix *Index) ExhaustiveCandidates(i, k int) []int {
	var sc scratch
	var out []int
	for _, c := range ix.withConcepts(i, ix.expand(i, k, ix.rank(ix.textID[i], 0, math.MaxInt, &sc).cands, &sc), &sc) {
		out = append(out, int(c.j))
	}
	return out
}

// minUnitsForRarity is the corpus size from which word weights are scaled
// by the words' rarity among the units.
const minUnitsForRarity = 100

// unknownIDF is the background IDF of words the table lacks: domain terms
// and names, rare in general text.
const unknownIDF = 11.0

// unknownPairIDF is the reference weight of character pairs the reference
// lacks: rarer than any it holds.
const unknownPairIDF = 8.0

// keyBatch is how many contents' pair keys newIndex makes at once.
const keyBatch = 4096

// newIndex builds the index; features keeps what the model's features
// need besides the candidate search (fixed-weight vectors, pair keys, runes).
func newIndex(units []Unit, maxPosting float64, bg func(string) (float64, bool), pairIDF func(string) (float64, bool), features bool) *Index {
	ix := &Index{units: units, docIdx: make([]int, len(units))}
	docOrder := map[string]int{}
	for i, u := range units {
		if _, ok := docOrder[u.Doc]; !ok {
			docOrder[u.Doc] = len(docOrder)
		}
		ix.docIdx[i] = docOrder[u.Doc]
	}
	cv, wv := map[uint64]int32{}, &vocab{ids: map[string]int32{}}
	charID := func(k uint64) int32 {
		id, ok := cv[k]
		if !ok {
			id = int32(len(cv))
			cv[k] = id
		}
		return id
	}
	// Units with the same content (text, themes, targets, words, concepts)
	// share their vectors and keys: generated and real corpora repeat
	// national wording, and each content is built once. Contents are
	// found by a hash of each unit's content, made on every core, and
	// checked against the content it names (contents sharing a hash are
	// chained: see groupContents).
	seed := maphash.MakeSeed()
	hashes := make([]uint64, len(units))
	_ = work.Do(context.Background(), len(units), 0, func(i int) { hashes[i] = contentHash(seed, &units[i]) })
	ix.textID, ix.members = groupContents(units, hashes)
	nc := len(ix.members)
	ix.soleDoc = make([]int32, nc)
	for c, ms := range ix.members {
		ix.soleDoc[c] = int32(ix.docIdx[ms[0]])
		for _, u := range ms[1:] {
			if ix.docIdx[u] != ix.docIdx[ms[0]] {
				ix.soleDoc[c] = -1
				break
			}
		}
	}
	// Each content's pair keys (and runes) on every core, then the
	// vocabularies in order of first appearance, a batch of contents at a
	// time: an index without features keeps no keys, and its batch's are
	// all it holds at once (a task's text has hundreds of pairs).
	ix.keys, ix.runes, ix.runeLen = make([][]uint64, nc), make([][]rune, nc), make([]int32, nc)
	ix.targetKeys = make([][]targetKeys, nc)
	charTF, wordTF := make([]termFreq, nc), make([]termFreq, nc)
	var cdf, wdf []int32
	// Each batch in three steps: each content's distinct pairs and words
	// with their counts, on every core; their IDs, in order of first
	// appearance, on one (the vocabularies are shared); each content's
	// terms sorted by ID, on every core.
	type distinct struct {
		keys  []uint64 // the content's distinct pair keys, ascending
		words []string // its distinct words, in order of first appearance
	}
	batch := make([]distinct, min(nc, keyBatch))
	for lo := 0; lo < nc; lo += keyBatch {
		hi := min(nc, lo+keyBatch)
		_ = work.Each(context.Background(), hi-lo, 0, func() func(int) {
			seen := map[string]int32{}
			return func(j int) {
				c, d := lo+j, &batch[j]
				text := units[ix.members[c][0]].Text
				ix.keys[c] = pairKeys(text)
				if ts := units[ix.members[c][0]].Targets; len(ts) > 0 {
					ix.targetKeys[c] = appendTargetKeys(nil, ts, units[ix.members[c][0]].Concepts, pairKeys)
				}
				ix.runeLen[c] = int32(utf8.RuneCountInString(text))
				if features {
					r := []rune(text)
					ix.runes[c] = r[:min(len(r), MaxDiffRunes)]
				}
				var tf termFreq
				d.keys = d.keys[:0]
				for k, key := range ix.keys[c] { // sorted: copies are neighbours
					if k > 0 && key == ix.keys[c][k-1] {
						tf.counts[len(tf.counts)-1]++
						continue
					}
					d.keys = append(d.keys, key)
					tf.counts = append(tf.counts, 1)
				}
				tf.ids = make([]int32, len(d.keys))
				charTF[c] = tf
				tf = termFreq{}
				clear(seen)
				d.words = d.words[:0]
				for _, w := range units[ix.members[c][0]].Words {
					if at, ok := seen[w]; ok {
						tf.counts[at]++
						continue
					}
					seen[w] = int32(len(d.words))
					d.words = append(d.words, w)
					tf.counts = append(tf.counts, 1)
				}
				tf.ids = make([]int32, len(d.words))
				wordTF[c] = tf
			}
		})
		for c := lo; c < hi; c++ {
			d, ms := &batch[c-lo], ix.members[c]
			for j, k := range d.keys {
				charTF[c].ids[j] = charID(k)
			}
			for j, w := range d.words {
				wordTF[c].ids[j] = wv.id(w)
			}
			cdf = grow(cdf, len(cv))
			wdf = grow(wdf, len(wv.ids))
			for _, id := range charTF[c].ids {
				cdf[id] += int32(len(ms))
			}
			for _, id := range wordTF[c].ids {
				wdf[id] += int32(len(ms))
			}
			if !features {
				ix.keys[c] = nil
			}
		}
		_ = work.Each(context.Background(), hi-lo, 0, func() func(int) {
			var buf []uint64
			return func(j int) {
				buf = charTF[lo+j].sortByID(buf)
				buf = wordTF[lo+j].sortByID(buf)
			}
		})
	}
	n := float64(len(units))
	ix.chars = make([]vec, nc)
	ix.words = make([]vec, nc)
	var wordIDF []float64
	if bg != nil {
		wordIDF = make([]float64, len(wv.ids))
		ix.bgW = make([]float64, len(wv.ids))
		for w, id := range wv.ids {
			v, ok := bg(w)
			if !ok {
				v = unknownIDF
			}
			ix.bgW[id] = v
			// Scale by the word's rarity in the corpus, once there are
			// enough units for document frequencies to mean something.
			if n >= minUnitsForRarity {
				v *= math.Log(1+n/float64(wdf[id])) / math.Log(1+n)
			}
			wordIDF[id] = v
		}
	}
	ix.wordW = wordIDF
	ix.wordDF = wdf
	ix.wordText = make([]string, len(wv.ids))
	for w, id := range wv.ids {
		ix.wordText[id] = w
	}
	// The model's features use fixed weights: the reference pair weights
	// and the background word weights, never the corpus loaded.
	if features && (pairIDF != nil || ix.bgW != nil) {
		ix.charsFixed = make([]vec, nc)
		ix.wordsFixed = make([]vec, nc)
	}
	if !features {
		ix.keys, ix.runes = nil, nil
	}
	var charIDF []float64
	if pairIDF != nil {
		charIDF = make([]float64, len(cv))
		for k, id := range cv {
			v, ok := pairIDF(string([]rune{rune(k >> 32), rune(k & 0xffffffff)}))
			if !ok {
				v = unknownPairIDF
			}
			charIDF[id] = v
		}
	}
	_ = work.Do(context.Background(), nc, 0, func(c int) {
		if ix.charsFixed != nil { // nil weights: from the units (no reference, no background table)
			ix.charsFixed[c] = tfidf(charTF[c], cdf, n, charIDF)
			ix.wordsFixed[c] = tfidf(wordTF[c], wdf, n, ix.bgW)
		}
		ix.chars[c] = tfidf(charTF[c], cdf, n, nil)
		ix.words[c] = tfidf(wordTF[c], wdf, n, wordIDF)
		charTF[c], wordTF[c] = termFreq{}, termFreq{}
	})
	ix.df = cdf
	ix.maxPost = max(64, int(maxPosting*n))
	ix.indexConcepts()
	// Postings list contents, not units: a content's copies are expanded
	// when candidates are chosen.
	ix.postings = make([][]posting, len(cv))
	ix.maxW = make([]float32, len(cv))
	for c, v := range ix.chars {
		for p, id := range v.ids {
			if int(cdf[id]) <= ix.maxPost {
				ix.postings[id] = append(ix.postings[id], posting{int32(c), v.w[p]})
				ix.maxW[id] = max(ix.maxW[id], v.w[p])
			}
		}
	}
	return ix
}

// groupContents numbers the units' contents in order of first
// appearance, given each unit's contentHash: textID[i] is unit i's
// content, members[c] the units holding content c. Units whose hashes
// agree are one content only when sameContent says so; contents that
// share a hash are chained (next), which in practice never happens.
func groupContents(units []Unit, hashes []uint64) (textID []int32, members [][]int32) {
	textID = make([]int32, len(units))
	byHash := make(map[uint64]int32, len(units)/4) // the first content with that hash
	var next []int32                               // the next content with the same hash, or -1
	for i := range units {
		id, ok := byHash[hashes[i]]
		last := int32(-1) // the last content of the chain, when it holds none like unit i
		for ok && !sameContent(&units[members[id][0]], &units[i]) {
			last = id
			id, ok = next[id], next[id] >= 0
		}
		if !ok {
			id = int32(len(members))
			members, next = append(members, nil), append(next, -1)
			if last >= 0 {
				next[last] = id
			} else {
				byHash[hashes[i]] = id
			}
		}
		textID[i] = id
		members[id] = append(members[id], int32(i))
	}
	return textID, members
}

// contentHash hashes what makes two units one content for the index:
// equal contents (sameContent) hash alike.
func contentHash(seed maphash.Seed, u *Unit) uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	str := func(s string) {
		h.WriteString(s)
		h.WriteByte(0)
	}
	str(u.Text)
	for _, t := range u.Themes {
		str(t)
	}
	h.WriteByte(1)
	for _, t := range u.Targets {
		str(t.Indicator)
		str(t.Counted)
		str(t.Unit)
		str(t.Comparator)
		maphash.WriteComparable(&h, t.Value)
	}
	h.WriteByte(1)
	for _, w := range u.Words {
		str(w)
	}
	h.WriteByte(1)
	for _, c := range u.Concepts {
		str(c.ID)
		str(c.Form)
	}
	return h.Sum64()
}

// sameContent reports whether two units are one content for the index:
// the same text, themes, targets, words and concepts (by ID and form).
func sameContent(a, b *Unit) bool {
	return a.Text == b.Text && slices.Equal(a.Themes, b.Themes) && slices.Equal(a.Targets, b.Targets) &&
		slices.Equal(a.Words, b.Words) && slices.EqualFunc(a.Concepts, b.Concepts, func(x, y Concept) bool { return x.ID == y.ID && x.Form == y.Form })
}

func grow(s []int32, n int) []int32 {
	for len(s) < n {
		s = append(s, 0)
	}
	return s
}

// termFreq holds the distinct term IDs of a unit, sorted, with their counts.
type termFreq struct {
	ids    []int32
	counts []int32
}

// sortByID orders tf's terms by ID (the IDs are distinct), with buf as
// scratch; it returns buf for reuse.
func (tf termFreq) sortByID(buf []uint64) []uint64 {
	buf = buf[:0]
	for k, id := range tf.ids {
		buf = append(buf, uint64(id)<<32|uint64(uint32(tf.counts[k])))
	}
	slices.Sort(buf)
	for k, x := range buf {
		tf.ids[k], tf.counts[k] = int32(x>>32), int32(uint32(x))
	}
	return buf
}

func tfidf(tf termFreq, df []int32, n float64, idf []float64) vec {
	v := vec{ids: tf.ids, w: make([]float32, len(tf.ids))}
	norm := 0.0
	ws := make([]float64, len(tf.ids))
	for i, id := range tf.ids {
		t := 1 + math.Log(float64(tf.counts[i]))
		if idf != nil {
			ws[i] = t * idf[id]
		} else {
			ws[i] = t * math.Log(1+n/float64(df[id]))
		}
		norm += ws[i] * ws[i]
	}
	norm = math.Sqrt(norm)
	for i, w := range ws {
		if norm > 0 {
			w /= norm
		}
		v.w[i] = float32(w)
	}
	return v
}

// Similarity is the score of units i and j of the index, in [0,1].
func (ix *Index) Similarity(i, j int, charWeight float64) float64 {
	ti, tj := ix.textID[i], ix.textID[j]
	c := ix.chars[ti].dot(ix.chars[tj])
	w := ix.words[ti].dot(ix.words[tj])
	if len(ix.words[ti].ids) == 0 || len(ix.words[tj].ids) == 0 {
		w = c
	}
	s := charWeight*c + (1-charWeight)*w
	return themePrior(s, ix.units[i].Themes, ix.units[j].Themes)
}

// themePrior nudges a score up when the units share their primary theme and
// down when they share no theme at all.
func themePrior(s float64, a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 || a[0] == "unclassified" || b[0] == "unclassified" {
		return s
	}
	if a[0] == b[0] {
		return min(1, s+0.08*(1-s))
	}
	for _, x := range a {
		if slices.Contains(b, x) {
			return s
		}
	}
	return s * 0.75
}

// scratch is a worker's reusable memory for gathering candidates.
type scratch struct {
	acc     []float64 // accumulated weight per content
	touched []int32   // contents with acc != 0
	order   []int
	top     []cand
	// The buffers of one unit's candidates and links (expand, modelLinksOf).
	expanded []cand
	scored   []scoredCand
	features []float64
	pairs    []pair
	keep     map[int32]bool
	perDoc   map[int]int
	memo     map[uint64]float64 // model probability by content pair (0: below Model.Related)
	simMemo  map[uint64]float64 // the rules' similarity by content pair
	// rankings, when set, is every content's ranking (Index.rankings),
	// shared read-only by the workers.
	rankings []ranking
	bound    []float64  // suffix sums of posting bounds (rank)
	maybe    []cand     // contents rank completes
	exact    []float64  // the best complete scores (rank)
	unread   [][2]int32 // unread bigram IDs and their reading place (rank)
	add      []float64  // what each unread list adds to a content (rank)
	// conceptFound is what conceptContents found for content conceptsOf
	// (when conceptsValid): a content's copies are asked in a row.
	conceptFound  []cand
	conceptsOf    int32
	conceptsValid bool
	dense         []float32      // a content's character-pair weights by ID (conceptContents)
	seen          map[int32]bool // contents read (conceptContents)
}

type cand struct {
	j int32
	s float64
}

// better orders candidates: higher score first, then lower unit index.
func better(x, y cand) bool { return x.s > y.s || (x.s == y.s && x.j < y.j) }

// rankedSpare is how many contents per candidate wanted a content's ranking
// keeps: twice k, so copies in the unit's own document (skipped) rarely
// leave fewer than k; when they do, the ranking is made again in full.
const rankedSpare = 2

// ranking is the contents sharing indexed character pairs with one
// content, best first, and whether it lists every one of them.
type ranking struct {
	cands    []cand // j is a content
	complete bool
}

// rank returns the m contents (all when m ≤ 0) that share the most indexed
// bigram weight with content c (the dot product of their vectors over the
// bigrams with postings), with any tied with the last kept.
//
// The ranking is exact, not a sample: postings are read rarest bigram
// first, and once what the unread ones can add to a content never seen
// (the sum over them of c's weight times the list's largest weight) falls
// below the m-th best partial score, no unseen content can enter the top
// m; the contents seen that still can are completed from the unread lists
// by merge, adding in the same order, so their scores are those a full
// read gives. budget bounds the posting entries read before that point as
// a safety net for pathological shapes (one list is always read); when it
// stops the read, the ranking is marked incomplete.
func (ix *Index) rank(c int32, m, budget int, sc *scratch) ranking {
	if len(sc.acc) < len(ix.members) {
		sc.acc = make([]float64, len(ix.members))
	}
	v := ix.chars[c]
	// A content held by one document only ranks none of that document's
	// own contents: when its document holds most of its matches, they
	// would fill the ranking and call for a full one.
	own := ix.soleDoc[c]
	sc.order = sc.order[:0]
	for p, id := range v.ids {
		if len(ix.postings[id]) > 0 {
			sc.order = append(sc.order, p)
		}
	}
	slices.SortFunc(sc.order, func(a, b int) int {
		if c := cmp.Compare(ix.df[v.ids[a]], ix.df[v.ids[b]]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	// bound[x]: the most the lists order[x:] can add to any content: c's
	// weight times the list's largest, summed, and at most the norm of c's
	// weights there (Cauchy–Schwarz: the other vector has norm 1).
	sc.bound = slices.Grow(sc.bound[:0], len(sc.order)+1)[:len(sc.order)+1]
	sc.bound[len(sc.order)] = 0
	byMax, sq := 0.0, 0.0
	for x := len(sc.order) - 1; x >= 0; x-- {
		p := sc.order[x]
		w := float64(v.w[p])
		byMax += w * float64(ix.maxW[v.ids[p]])
		sq += w * w
		sc.bound[x] = min(byMax, math.Sqrt(sq))
	}
	read, stop, exhausted := 0, len(sc.order), false
	theta, checked := 0.0, math.Inf(1) // the m-th best partial score, and the bound when it was last taken
	sc.touched = sc.touched[:0]
	for x, p := range sc.order {
		if m > 0 && len(sc.touched) >= m {
			if sc.bound[x] <= checked/2 {
				theta, checked = ix.kthPartial(m, sc), sc.bound[x]
			}
			if sc.bound[x] < theta-boundSlack {
				stop = x
				break
			}
		}
		post := ix.postings[v.ids[p]]
		if read > 0 && read+len(post) > budget {
			stop, exhausted = x, true
			break
		}
		read += len(post)
		for _, pj := range post {
			if own >= 0 && ix.soleDoc[pj.content] == own {
				continue // never a candidate of c's units: all in their document
			}
			if sc.acc[pj.content] == 0 {
				sc.touched = append(sc.touched, pj.content)
			}
			sc.acc[pj.content] += float64(v.w[p]) * float64(pj.w)
		}
	}
	if stop < len(sc.order) && !exhausted {
		// Complete the contents that may still reach the top m, best
		// partial score first: once m are complete, a content whose
		// partial score plus the rest cannot reach the m-th best complete
		// one is out, and so is every content after it.
		rest := sc.bound[stop]
		theta = ix.kthPartial(m, sc)
		maybe := sc.maybe[:0]
		for _, j := range sc.touched {
			if sc.acc[j]+rest >= theta-boundSlack {
				maybe = append(maybe, cand{j, sc.acc[j]})
			} else {
				sc.acc[j] = 0
			}
		}
		// a heap, best at the root: usually few are taken before the cut
		heapify(maybe)
		// The unread bigrams by ID, with their place in the reading
		// order, to merge with each content's sorted vector.
		unread := sc.unread[:0]
		for x, p := range sc.order[stop:] {
			unread = append(unread, [2]int32{v.ids[p], int32(x)})
		}
		slices.SortFunc(unread, func(a, b [2]int32) int { return cmp.Compare(a[0], b[0]) })
		sc.unread = unread
		add := sc.add
		if len(add) < len(unread) {
			add = make([]float64, len(unread))
			sc.add = add
		}
		kept := sc.touched[:0]
		best := sc.exact[:0] // min-heap of the m best complete scores
		for h := maybe; len(h) > 0; {
			var cd cand
			cd, h = popBest(h)
			if len(best) == m && cd.s+rest < best[0]-boundSlack {
				sc.acc[cd.j] = 0
				for _, later := range h {
					sc.acc[later.j] = 0
				}
				break
			}
			j := cd.j
			u := ix.chars[j]
			// What each unread list adds, then added in reading order, so
			// the sum is the one a full read makes.
			clear(add[:len(unread)])
			for a, b := 0, 0; a < len(unread) && b < len(u.ids); {
				switch {
				case unread[a][0] == u.ids[b]:
					x := unread[a][1]
					add[x] = float64(v.w[sc.order[stop+int(x)]]) * float64(u.w[b])
					a++
					b++
				case unread[a][0] < u.ids[b]:
					a++
				default:
					b++
				}
			}
			for x := range unread {
				if add[x] != 0 {
					sc.acc[j] += add[x]
				}
			}
			kept = append(kept, j)
			best = topk.Push(best, m, sc.acc[j], func(a, b float64) bool { return a > b })
		}
		sc.maybe, sc.exact = maybe, best
		sc.touched = kept
	}
	if m <= 0 || len(sc.touched) <= m {
		out := make([]cand, len(sc.touched))
		for x, j := range sc.touched {
			out[x] = cand{j, sc.acc[j]}
			sc.acc[j] = 0
		}
		sortCands(out)
		// Complete only when every list was read: a ranking cut by the
		// bound lacks the weaker contents that copies in the unit's own
		// document may leave candidates to.
		return ranking{out, !exhausted && stop == len(sc.order)}
	}
	h := ix.topPartial(m, sc)
	out := slices.Clone(h)
	last := h[0].s // the worst kept
	for _, j := range sc.touched {
		if sc.acc[j] == last && !slices.ContainsFunc(out, func(x cand) bool { return x.j == j }) {
			out = append(out, cand{j, last})
		}
		sc.acc[j] = 0
	}
	sortCands(out)
	return ranking{out, false}
}

// heapify orders h as a heap with the best candidate (better) at the root.
func heapify(h []cand) {
	for i := len(h)/2 - 1; i >= 0; i-- {
		siftBest(h, i)
	}
}

// popBest removes the root of a heap made by heapify.
func popBest(h []cand) (cand, []cand) {
	top := h[0]
	h[0] = h[len(h)-1]
	h = h[:len(h)-1]
	siftBest(h, 0)
	return top, h
}

func siftBest(h []cand, i int) {
	for {
		l := 2*i + 1
		if l >= len(h) {
			return
		}
		k := l
		if r := l + 1; r < len(h) && better(h[r], h[l]) {
			k = r
		}
		if !better(h[k], h[i]) {
			return
		}
		h[i], h[k] = h[k], h[i]
		i = k
	}
}

// boundSlack absorbs rounding in the bound's sums: a content is pruned only
// when it falls short by more than that.
const boundSlack = 1e-9

// kthPartial is the m-th best accumulated score among the touched contents.
func (ix *Index) kthPartial(m int, sc *scratch) float64 {
	h := ix.topPartial(m, sc)
	if len(h) < m {
		return 0
	}
	return h[0].s
}

// topPartial keeps the m best touched contents by accumulated score in a
// min-heap (worst at the root), in sc.top.
func (ix *Index) topPartial(m int, sc *scratch) []cand {
	// The heap of topk.Push, written out: the comparison inlined here is
	// a tenth of the ranking's time (BenchmarkRank).
	h := sc.top[:0]
	less := func(a, b int) bool { return better(h[b], h[a]) } // a is worse than b
	down := func(i int) {
		for {
			l := 2*i + 1
			if l >= len(h) {
				return
			}
			m := l
			if r := l + 1; r < len(h) && less(r, l) {
				m = r
			}
			if !less(m, i) {
				return
			}
			h[i], h[m] = h[m], h[i]
			i = m
		}
	}
	for _, j := range sc.touched {
		c := cand{j, sc.acc[j]}
		switch {
		case len(h) < m:
			h = append(h, c)
			for x := len(h) - 1; x > 0; {
				p := (x - 1) / 2
				if !less(x, p) {
					break
				}
				h[x], h[p] = h[p], h[x]
				x = p
			}
		case better(c, h[0]):
			h[0] = c
			down(0)
		}
	}
	sc.top = h
	return h
}

func sortCands(cs []cand) {
	slices.SortFunc(cs, func(x, y cand) int {
		if better(x, y) {
			return -1
		}
		if better(y, x) {
			return 1
		}
		return 0
	})
}

// candidates returns up to k units of other documents that share the most
// indexed bigram weight with unit i, best first (then by unit index). The
// weights are accumulated once per content (see rank), from a ranking made
// beforehand when sc holds one, and expanded to the content's copies here,
// so the cost per unit does not grow with the corpus or its repetitions.
func (ix *Index) candidates(i, k, budget int, sc *scratch) []cand {
	c := ix.textID[i]
	var r ranking
	if sc.rankings != nil {
		r = sc.rankings[c]
	} else {
		r = ix.rank(c, rankedSpare*k, budget, sc)
	}
	out := ix.expand(i, k, r.cands, sc)
	if len(out) < k && !r.complete {
		out = ix.expand(i, k, ix.rank(c, 0, budget, sc).cands, sc)
	}
	return ix.withConcepts(i, out, sc)
}

// expand lists the units of ranked contents outside unit i's document,
// best first, and keeps the k best: the units tied with the kth are all
// read before the cut, so the cut is the one a ranking of units would make.
//
// The list lives in sc until the next call.
func (ix *Index) expand(i, k int, ranked []cand, sc *scratch) []cand {
	out := sc.expanded[:0]
	for _, rc := range ranked {
		if len(out) >= k && rc.s < out[len(out)-1].s {
			break
		}
		taken := 0 // a content's first k copies are all the cut can keep of it
		for _, u := range ix.members[rc.j] {
			if taken == k {
				break
			}
			if ix.docIdx[u] != ix.docIdx[i] {
				out = append(out, cand{u, rc.s})
				taken++
			}
		}
	}
	sortCands(out)
	sc.expanded = out
	return out[:min(k, len(out))]
}

// rankings ranks every content once, in parallel, for candidates.
func (ix *Index) rankings(ctx context.Context, k, budget, workers int) ([]ranking, error) {
	rs := make([]ranking, len(ix.members))
	err := work.Each(ctx, len(ix.members), workers, func() func(int) {
		var sc scratch
		return func(c int) { rs[c] = ix.rank(int32(c), rankedSpare*k, budget, &sc) }
	})
	return rs, err
}

// Align links the units of different documents whose score reaches the
// Related threshold. Links are sorted by A then B.
func (a *Aligner) Align(ctx context.Context, units []Unit) ([]Link, error) {
	return a.AlignIndex(ctx, NewIndexFor(units, a.opts))
}

// AlignIndex is Align over a prepared index.
func (a *Aligner) AlignIndex(ctx context.Context, ix *Index) ([]Link, error) {
	n := len(ix.units)
	var keys *keyIndex
	if a.opts.KeyTerm != nil && ix.wordW != nil {
		keys = newKeyIndex(ix, a.opts.MutualSpecific, a.opts.KeyMaxUnits, a.opts.KeyTerm)
	}
	rs, err := ix.rankings(ctx, a.opts.Candidates, a.opts.Budget, a.opts.Workers)
	if err != nil {
		return nil, fmt.Errorf("align: %w", err)
	}
	// Units are scored content by content, a content's copies one after
	// another: what they share (model probabilities, similarities by
	// content pair) is remembered for the content only, so the memory
	// stays small however many contents there are.
	found := make([][]pair, n)
	err = work.Each(ctx, len(ix.members), a.opts.Workers, func() func(int) {
		sc := scratch{rankings: rs}
		return func(c int) {
			clear(sc.memo)
			clear(sc.simMemo)
			for _, i := range ix.members[c] {
				found[i] = slices.Clone(a.linksOf(ix, keys, int(i), &sc)) // at its size: millions are kept
			}
		}
	})
	if err != nil {
		return nil, fmt.Errorf("align: %w", err)
	}
	// Merge both directions of each pair: a pair found from its later
	// unit is dropped when its earlier unit found it too. Each unit's list
	// is compacted in place (the pairs are the phrase pass's largest
	// structure: no second copy); a list never loses the pairs it owns
	// (those from its unit), which are all the test reads, so the pairs
	// to drop are marked first (in an array of their own: the lists are
	// only read meanwhile) and the lists compacted after, each step on
	// every core, as one pass in any order would.
	at := make([]int, n+1) // unit k's pairs are marks at[k]:at[k+1]
	for k, ps := range found {
		at[k+1] = at[k] + len(ps)
	}
	drop := make([]bool, at[n])
	if err := work.Do(ctx, n, a.opts.Workers, func(k int) {
		for j, p := range found[k] {
			drop[at[k]+j] = int(p.a) != k && slices.ContainsFunc(found[p.a], func(q pair) bool { return q.a == p.a && q.b == p.b })
		}
	}); err != nil {
		return nil, fmt.Errorf("align: %w", err)
	}
	if err := work.Do(ctx, n, a.opts.Workers, func(k int) {
		ps, kept := found[k], found[k][:0]
		for j, p := range ps {
			if !drop[at[k]+j] {
				kept = append(kept, p)
			}
		}
		clear(ps[len(kept):])
		found[k] = kept
	}); err != nil {
		return nil, fmt.Errorf("align: %w", err)
	}
	a.decide(ix, found)
	if ix.grouped() {
		return a.groupLinks(ctx, ix, found)
	}
	links := make([]Link, 0, count(found))
	for _, ps := range found {
		for _, p := range ps {
			l := Link{A: ix.units[p.a].ID, B: ix.units[p.b].ID, Score: p.score(), Kind: Related, anchored: p.anch}
			if p.eq {
				l.Kind = Equivalent
				if !a.opts.NoLabels {
					rel, e := Label(ix.units[p.a], ix.units[p.b])
					l.Relation, l.Evidence = rel, &e
				}
			}
			links = append(links, l)
		}
	}
	SortLinks(links)
	return links, nil
}

// count is the number of pairs in the units' lists.
func count(found [][]pair) int {
	n := 0
	for _, ps := range found {
		n += len(ps)
	}
	return n
}

func (ix *Index) grouped() bool {
	for _, u := range ix.units {
		if u.Group != "" {
			return true
		}
	}
	return false
}

// groupLinks lifts unit pairs to links between their groups.
func (a *Aligner) groupLinks(ctx context.Context, ix *Index, found [][]pair) ([]Link, error) {
	gid, names := work.Distinct(len(ix.units), func(i int) string {
		if g := ix.units[i].Group; g != "" {
			return g
		}
		return ix.units[i].ID
	})
	// Merge the pairs of each group pair: sorted by group pair, in place
	// of a map (a tenth of the memory at 1,000 documents).
	type agg struct {
		key   uint64 // the group pair: a's index in the high half, b's in the low
		s1000 uint16 // the best score, in thousandths as pairs keep it: 16 bytes an entry
		eq    bool
	}
	merged := make([]agg, 0, count(found))
	for k, ps := range found {
		for _, p := range ps {
			if ga, gb := gid[p.a], gid[p.b]; ga != gb {
				merged = append(merged, agg{uint64(ga)<<32 | uint64(gb), p.s1000, p.eq})
			}
		}
		found[k] = nil // the pairs are done with
	}
	out := work.SortMerge(merged, func(x agg) uint64 { return x.key }, func(into *agg, x agg) {
		into.s1000, into.eq = max(into.s1000, x.s1000), into.eq || x.eq
	})
	merged = slices.Clone(out) // at its size: the pairs before the merge are several times as many
	// With a model, a group pair's score is its best phrase pair over all
	// of their phrases, not only those the candidate search reached: it
	// is then the same whatever else is aligned.
	if a.opts.Model != nil {
		// A group's phrases by content: copies of a phrase score alike,
		// so each content is scored once, by the first unit holding it
		// (a group's units follow one another, as clauses make them; were
		// they interleaved, a content could be scored twice, alike).
		members := make([][]int32, len(names))
		lastIn := make([]int32, len(ix.members)) // content → the group it was last seen in, plus 1
		for i := range ix.units {
			if g, c := gid[i], ix.textID[i]; lastIn[c] != g+1 {
				lastIn[c] = g + 1
				members[g] = append(members[g], int32(i))
			}
		}
		// Copies of a clause have the same phrases: group pairs of the
		// same two phrase lists are rescored once, as one run.
		gc := make([]int32, len(names))
		lists := map[string]int32{}
		var key []byte
		for g, ms := range members {
			key = key[:0]
			for _, u := range ms {
				key = binary.LittleEndian.AppendUint32(key, uint32(ix.textID[u]))
			}
			id, ok := lists[string(key)]
			if !ok {
				id = int32(len(lists))
				lists[string(key)] = id
			}
			gc[g] = id
		}
		clear(lists)
		order := make([]int32, len(merged))
		for k := range order {
			order[k] = int32(k)
		}
		listPair := func(k int32) uint64 {
			return uint64(gc[merged[k].key>>32])<<32 | uint64(gc[merged[k].key&0xffffffff])
		}
		work.Sort(order, func(x, y int32) int { return cmp.Or(cmp.Compare(listPair(x), listPair(y)), cmp.Compare(x, y)) })
		var runs []int32 // where each run of one list pair starts in order
		for k := range order {
			if k == 0 || listPair(order[k]) != listPair(order[k-1]) {
				runs = append(runs, int32(k))
			}
		}
		runs = append(runs, int32(len(order)))
		err := work.Each(ctx, len(runs)-1, a.opts.Workers, func() func(int) {
			var sc scratch
			f := make([]float64, len(FeatureNames))
			return func(r int) {
				first := &merged[order[runs[r]]]
				ma, mb := members[first.key>>32], members[first.key&0xffffffff]
				if len(ma)*len(mb) <= 1 || len(ma)*len(mb) > GroupRescorePairs {
					return
				}
				if len(sc.memo) > groupMemo {
					clear(sc.memo)
				}
				var best uint16
				metric := false
				for _, i := range ma {
					for _, j := range mb {
						best = max(best, thousandths(ix.memoProb(a.opts.Model, int(i), int(j), f, &sc)))
						metric = metric || ix.onSameMetric(int(i), int(j))
					}
				}
				if metric { // as a candidate pair would be: always equivalent
					best = max(best, thousandths(a.opts.Model.Equivalent))
				}
				for _, k := range order[runs[r]:runs[r+1]] {
					merged[k].s1000 = max(merged[k].s1000, best)
					merged[k].eq = merged[k].eq || metric
				}
			}
		})
		if err != nil {
			return nil, fmt.Errorf("align: %w", err)
		}
	}
	links := make([]Link, len(merged))
	for k, m := range merged {
		links[k] = Link{A: names[m.key>>32], B: names[m.key&0xffffffff], Score: float64(m.s1000) / 1000, Kind: Related}
		if m.eq {
			links[k].Kind = Equivalent
		}
	}
	SortLinks(links)
	return links, nil
}

// GroupRescorePairs bounds the phrase pairs over which a pair of linked
// clauses is rescored (the best pair of all their distinct phrases, which
// makes the score independent of what else is aligned). A pair of clauses
// beyond it, thousands of distinct phrases long (a whole document run into
// one sentence), keeps the best score the candidate search found, so the
// pass stays linear in the phrases; real clauses hold a few dozen at most.
const GroupRescorePairs = 1 << 12

// groupMemo bounds the model probabilities a worker remembers while it
// rescores group pairs: a cache, forgotten when full.
const groupMemo = 1 << 18

// pair is a link between units a and b of the index, a from the earlier document.
// Scores are kept in thousandths (as links report them): a pair is 20
// bytes, and there are millions at scale.
type pair struct {
	a, b     int32
	s1000    uint16 // the score
	rs1000   uint16 // the rules' score, with Options.Rules
	anch, eq bool
	sole     bool // the units are their documents' only mentions of a key term
	model    bool // scored by the model (the score is its probability)
	rlink    bool // the rules link the pair
}

// thousandths rounds a score in [0,1] to thousandths.
func thousandths(s float64) uint16 { return uint16(math.Round(min(1, max(0, s)) * 1000)) }

// score is the pair's score, rounded to thousandths.
func (p pair) score() float64 { return float64(p.s1000) / 1000 }

// ruleScore is the rules' score, rounded to thousandths.
func (p pair) ruleScore() float64 { return float64(p.rs1000) / 1000 }

// decide marks pairs equivalent: by score, or as mutual best matches
// anchored on a specific word.
func (a *Aligner) decide(ix *Index, found [][]pair) {
	best := newBestInto(ix, found)
	mutual := func(p pair, s uint16, rule bool) bool {
		// Ties count as best: each unit has no better match in the other's document.
		ra, ma := best.of(p.a, int32(ix.docIdx[p.b]))
		rb, mb := best.of(p.b, int32(ix.docIdx[p.a]))
		if rule {
			return s >= ra && s >= rb
		}
		return s >= ma && s >= mb
	}
	_ = work.Do(context.Background(), len(found), 0, func(u int) { // each unit's own pairs; best is only read
		ps := found[u]
		for k := range ps {
			p := &ps[k]
			switch {
			case p.model && !a.opts.Rules:
				p.eq = p.eq || (mutual(*p, p.s1000, false) && p.score() >= a.opts.Model.Mutual)
			case p.model: // the rules decide, and the model where it is sure
				rs := p.ruleScore()
				// The rules make a pair equivalent only where the model finds
				// it more likely the same measure than not (RuleMinProb).
				rules := p.rlink && p.score() >= a.opts.RuleMinProb && (rs >= a.opts.Equivalent || (mutual(*p, p.rs1000, true) && rs >= a.opts.Mutual && p.anch) || p.sole)
				model := !a.opts.NoModelMutual && mutual(*p, p.s1000, false) && p.score() >= a.opts.Model.mutualSure()
				p.eq = p.eq || rules || model
			default:
				p.eq = p.score() >= a.opts.Equivalent || (mutual(*p, p.s1000, true) && p.score() >= a.opts.Mutual && p.anch) || p.sole
			}
		}
	})
}

// bestInto holds each unit's best scores, in thousandths, into each other
// document it has pairs into: by the rules' score (for the rules' mutual
// test) and by the model's. Entries are sorted by document, one a
// document, in one array (a map of pairs was the phrase pass's largest
// structure).
type bestInto struct {
	off  []int32 // unit u's entries are ents[off[u]:off[u]+n[u]]
	n    []int32
	ents []bestEntry
}

type bestEntry struct {
	doc         int32
	rule, model uint16
}

func newBestInto(ix *Index, found [][]pair) *bestInto {
	units := len(ix.units)
	b := &bestInto{off: make([]int32, units+1), n: make([]int32, units)}
	for _, ps := range found {
		for _, p := range ps {
			b.off[p.a+1]++
			b.off[p.b+1]++
		}
	}
	for u := range units {
		b.off[u+1] += b.off[u]
	}
	b.ents = make([]bestEntry, b.off[units])
	add := func(u int32, doc int, p pair) {
		var rule uint16
		switch {
		case !p.model:
			rule = p.s1000
		case p.rlink:
			rule = p.rs1000
		}
		b.ents[b.off[u]+b.n[u]] = bestEntry{int32(doc), rule, p.s1000}
		b.n[u]++
	}
	for _, ps := range found {
		for _, p := range ps {
			add(p.a, ix.docIdx[p.b], p)
			add(p.b, ix.docIdx[p.a], p)
		}
	}
	// one entry a document: the best of each score (each unit's entries
	// on their own, on every core)
	_ = work.Do(context.Background(), units, 0, func(u int) {
		es := b.ents[b.off[u] : b.off[u]+b.n[u]]
		slices.SortFunc(es, func(x, y bestEntry) int { return cmp.Compare(x.doc, y.doc) })
		out := es[:0]
		for _, e := range es {
			if k := len(out) - 1; k >= 0 && out[k].doc == e.doc {
				out[k].rule, out[k].model = max(out[k].rule, e.rule), max(out[k].model, e.model)
				continue
			}
			out = append(out, e)
		}
		b.n[u] = int32(len(out))
	})
	return b
}

// of returns unit u's best rule and model scores into document doc.
func (b *bestInto) of(u, doc int32) (rule, model uint16) {
	es := b.ents[b.off[u] : b.off[u]+b.n[u]]
	k, ok := slices.BinarySearchFunc(es, doc, func(e bestEntry, d int32) int { return cmp.Compare(e.doc, d) })
	if !ok {
		return 0, 0
	}
	return es[k].rule, es[k].model
}

func (a *Aligner) linksOf(ix *Index, keys *keyIndex, i int, sc *scratch) []pair {
	if a.opts.Model != nil {
		return a.modelLinksOf(ix, keys, i, sc)
	}
	var cs []cand
	keyOnly := map[int32]bool{}
	sole := map[int32]bool{}
	for _, c := range ix.candidates(i, a.opts.Candidates, a.opts.Budget, sc) {
		s := ix.Similarity(i, int(c.j), a.opts.CharWeight)
		if keys != nil {
			shared, only := keys.shared(ix, i, int(c.j))
			if shared && s < a.opts.KeyFloor {
				s = a.opts.KeyFloor
				keyOnly[c.j] = true
			}
			sole[c.j] = only
		}
		if s >= a.opts.Related && (keyOnly[c.j] || ix.anchored(i, int(c.j), a.opts.Specific)) {
			cs = append(cs, cand{c.j, s})
		}
	}
	slices.SortFunc(cs, func(x, y cand) int {
		if c := cmp.Compare(y.s, x.s); c != 0 {
			return c
		}
		return cmp.Compare(x.j, y.j)
	})
	perDoc := map[int]int{}
	var out []pair
	for _, c := range cs {
		d := ix.docIdx[c.j]
		if perDoc[d] >= a.opts.PerDoc {
			continue
		}
		perDoc[d]++
		x, y := int32(i), c.j
		if ix.docIdx[c.j] < ix.docIdx[i] {
			x, y = y, x
		}
		out = append(out, pair{a: x, b: y, s1000: thousandths(c.s), anch: ix.anchored(i, int(c.j), a.opts.MutualSpecific) && !keyOnly[c.j], sole: sole[c.j]})
	}
	return out
}

// memoProb is prob at Model.Related, remembered per content pair.
func (ix *Index) memoProb(m *Model, i, j int, f []float64, sc *scratch) float64 {
	return remember(&sc.memo, ix.contentPair(i, j), func() float64 {
		p, _ := ix.prob(m, i, j, m.Related, f)
		return p
	})
}

// memoSimilarity is Similarity, remembered per content pair (copies of a
// text score alike).
func (ix *Index) memoSimilarity(i, j int, charWeight float64, sc *scratch) float64 {
	return remember(&sc.simMemo, ix.contentPair(i, j), func() float64 { return ix.Similarity(i, j, charWeight) })
}

// contentPair names the contents of units i and j, in either order.
func (ix *Index) contentPair(i, j int) uint64 {
	ti, tj := ix.textID[i], ix.textID[j]
	if ti > tj {
		ti, tj = tj, ti
	}
	return uint64(ti)<<32 | uint64(tj)
}

// remember returns memo's value for key, computing it with f once.
func remember(memo *map[uint64]float64, key uint64, f func() float64) float64 {
	if *memo == nil {
		*memo = map[uint64]float64{}
	}
	if v, ok := (*memo)[key]; ok {
		return v
	}
	v := f()
	(*memo)[key] = v
	return v
}

// modelLinksOf scores unit i's candidates with the model and, with
// Options.Rules, with the rules beside it.
//
// The pairs it returns live in sc until the next call: the caller copies
// them. Its buffers are sc's, so scoring a corpus allocates nothing per unit.
func (a *Aligner) modelLinksOf(ix *Index, keys *keyIndex, i int, sc *scratch) []pair {
	m := a.opts.Model
	cs := sc.scored[:0]
	if len(sc.features) != len(FeatureNames) {
		sc.features = make([]float64, len(FeatureNames))
	}
	f := sc.features
	if sc.keep == nil {
		sc.keep, sc.perDoc = map[int32]bool{}, map[int]int{}
	}
	keep, perDoc := sc.keep, sc.perDoc
	clear(keep)
	for rank, c := range ix.candidates(i, a.opts.Candidates, a.opts.Budget, sc) {
		x := scoredCand{j: c.j}
		x.p = ix.memoProb(m, i, int(c.j), f, sc) // 0 when it cannot reach Related
		if ix.onSameMetric(i, int(c.j)) {
			x.p, x.metric = max(x.p, m.Equivalent), true // targets on the same metric: always equivalent
		}
		x.mlink = x.p >= m.Related
		if a.opts.Rules && rank < a.opts.RuleCandidates {
			s := ix.memoSimilarity(i, int(c.j), a.opts.CharWeight, sc)
			keyOnly := false
			if keys != nil {
				shared, only := keys.shared(ix, i, int(c.j))
				if shared && s < a.opts.KeyFloor {
					s, keyOnly = a.opts.KeyFloor, true
				}
				x.sole = only
			}
			x.rs = math.Round(s*1000) / 1000
			x.rlink = s >= a.opts.Related && (keyOnly || ix.anchored(i, int(c.j), a.opts.Specific))
			x.anch = ix.anchored(i, int(c.j), a.opts.MutualSpecific) && !keyOnly
		}
		if x.mlink || x.rlink {
			cs = append(cs, x)
		}
	}
	// Each decision keeps its PerDoc best into each other document.
	for _, byRules := range []bool{false, true} {
		slices.SortFunc(cs, func(x, y scoredCand) int {
			kx, ky := x.p, y.p
			if byRules {
				kx, ky = x.rs, y.rs
			}
			if c := cmp.Compare(ky, kx); c != 0 {
				return c
			}
			return cmp.Compare(x.j, y.j)
		})
		clear(perDoc)
		related := 0 // the model's links below Equivalent, across documents
		for _, c := range cs {
			if (byRules && !c.rlink) || (!byRules && !c.mlink) {
				continue
			}
			d := ix.docIdx[c.j]
			weak := !byRules && (a.opts.Rules || c.p < m.Equivalent)
			if perDoc[d] >= a.opts.PerDoc || (weak && (perDoc[d] >= a.opts.RelatedPerDoc || related >= a.opts.RelatedPerUnit)) {
				continue
			}
			if weak {
				related++
			}
			perDoc[d]++
			keep[c.j] = true
		}
	}
	slices.SortFunc(cs, func(x, y scoredCand) int { return cmp.Compare(x.j, y.j) })
	out := sc.pairs[:0]
	for _, c := range cs {
		if !keep[c.j] {
			continue
		}
		x, y := int32(i), c.j
		if ix.docIdx[c.j] < ix.docIdx[i] {
			x, y = y, x
		}
		out = append(out, pair{a: x, b: y, s1000: thousandths(c.p), rs1000: thousandths(c.rs), model: true, rlink: c.rlink, anch: c.anch, sole: c.sole,
			eq: c.metric || c.p >= m.Equivalent && !a.opts.Rules || a.opts.Rules && c.p >= m.Sure})
	}
	sc.scored, sc.pairs = cs[:0], out[:0] // the buffers, grown, for the next unit
	return out
}

// sameMetric is sameMetricBy over the targets of units i and j, with
// their keys made once per content.
func (ix *Index) sameMetric(i, j int) (Target, Target, bool) {
	a, b := ix.units[i].Targets, ix.units[j].Targets
	if len(a) == 0 || len(b) == 0 {
		return Target{}, Target{}, false
	}
	return sameMetricKeyed(a, b, ix.targetKeys[ix.textID[i]], ix.targetKeys[ix.textID[j]])
}

// onSameMetric reports whether units i and j set targets on the same
// metric (with the same value or another: the same measure, or a
// stronger or weaker one).
func (ix *Index) onSameMetric(i, j int) bool {
	_, _, ok := ix.sameMetric(i, j)
	return ok
}

// scoredCand is a candidate as modelLinksOf scores it: the model's
// probability and the rules' score, and whether each links the pair.
type scoredCand struct {
	j            int32
	p, rs        float64
	rlink, mlink bool
	anch, sole   bool
	metric       bool // targets on the same metric (always equivalent)
}

// anchored reports whether units i and j share a specific word: one whose
// weight (background IDF scaled by its rarity in the corpus) reaches min.
// Without a background table, any shared word counts.
func (ix *Index) anchored(i, j int, min float64) bool {
	if ix.wordW == nil {
		a, b := ix.words[ix.textID[i]], ix.words[ix.textID[j]]
		return len(a.ids) == 0 || len(b.ids) == 0 || a.dot(b) > 0
	}
	return ix.sharedWord(i, j, func(id int32) bool { return ix.wordW[id] >= min })
}

// sharedWord reports whether units i and j share a word for which ok holds.
func (ix *Index) sharedWord(i, j int, ok func(id int32) bool) bool {
	a, b := ix.words[ix.textID[i]], ix.words[ix.textID[j]]
	p, q := 0, 0
	for p < len(a.ids) && q < len(b.ids) {
		switch {
		case a.ids[p] == b.ids[q]:
			if ok(a.ids[p]) {
				return true
			}
			p++
			q++
		case a.ids[p] < b.ids[q]:
			p++
		default:
			q++
		}
	}
	return false
}

// keyIndex records where the key terms rare enough to single out one
// instrument occur: the units holding each.
type keyIndex struct {
	units map[int32][]int32 // word ID → units holding it
}

// newKeyIndex indexes the words for which key holds, whose weight reaches
// min and which at most maxUnits units hold.
func newKeyIndex(ix *Index, min float64, maxUnits int, key func(string) bool) *keyIndex {
	k := &keyIndex{units: map[int32][]int32{}}
	ok := make([]bool, len(ix.wordText))
	for id, w := range ix.wordText {
		ok[id] = ix.wordW[id] >= min && int(ix.wordDF[id]) <= maxUnits && key(w)
	}
	for i := range ix.units {
		for _, id := range ix.words[ix.textID[i]].ids {
			if ok[id] {
				k.units[id] = append(k.units[id], int32(i))
			}
		}
	}
	return k
}

// shared reports whether units i and j share an indexed key term, and
// whether they share one that each is its document's only mention of: no
// other scope (task) of either document holds it. Two documents that each
// name an instrument once (公共卫生科, 三明医改, 多学科诊疗) state their
// measure on it there, so those mentions are paired as equivalent.
func (k *keyIndex) shared(ix *Index, i, j int) (shared, sole bool) {
	ix.sharedWord(i, j, func(id int32) bool {
		us, ok := k.units[id]
		if !ok {
			return false
		}
		shared = true
		w := ix.wordText[id]
		if onlyScope(ix, us, i) && onlyScope(ix, us, j) && !listed(ix.units[i].Text, w) && !listed(ix.units[j].Text, w) {
			sole = true
			return true
		}
		return false
	})
	return shared, sole
}

// listed reports whether every occurrence of w in text is an item of an
// enumeration (…、w、… or …、w等), not merely followed by 等 (设立公共卫生科等
// …科室 names its subject by example): a unit that lists an instrument among
// others does not state a measure on it.
func listed(text, w string) bool {
	found := false
	for at := 0; ; {
		k := strings.Index(text[at:], w)
		if k < 0 {
			return found
		}
		found = true
		start, end := at+k, at+k+len(w)
		prev, _ := utf8.DecodeLastRuneInString(text[:start])
		next, _ := utf8.DecodeRuneInString(text[end:])
		if prev != '、' && next != '、' {
			return false
		}
		at = end
	}
}

// onlyScope reports whether every unit of us in i's document is in i's
// scope.
func onlyScope(ix *Index, us []int32, i int) bool {
	g := ix.scope(i)
	for _, u := range us {
		if ix.docIdx[u] == ix.docIdx[i] && ix.scope(int(u)) != g {
			return false
		}
	}
	return true
}

// scope is unit i's scope: its Scope, else its Group, else its ID.
func (ix *Index) scope(i int) string {
	u := ix.units[i]
	switch {
	case u.Scope != "":
		return u.Scope
	case u.Group != "":
		return u.Group
	}
	return u.ID
}

// SortLinks orders links by A, then B.
// Links with the same A and B keep their input order. The sort moves
// indices and then each link once: links are large and there can be
// millions.
func SortLinks(links []Link) {
	idx := make([]int32, len(links))
	for i := range idx {
		idx[i] = int32(i)
	}
	work.Sort(idx, func(x, y int32) int {
		if c := strings.Compare(links[x].A, links[y].A); c != 0 {
			return c
		}
		if c := strings.Compare(links[x].B, links[y].B); c != 0 {
			return c
		}
		return cmp.Compare(x, y)
	})
	// Apply the permutation (links[j] takes the link at idx[j]) cycle by cycle.
	for i := range idx {
		if idx[i] == int32(i) {
			continue
		}
		tmp, j := links[i], int32(i)
		for {
			k := idx[j]
			idx[j] = j
			if k == int32(i) {
				links[j] = tmp
				break
			}
			links[j] = links[k]
			j = k
		}
	}
}

// Phrases splits text at commas, colons and semicolons into phrases of at
// least minRunes letters (digits and punctuation do not count, so a lead-in
// such as 到2020年 states no measure of its own); shorter pieces join their
// neighbour. A piece that opens with a lead-in of means or ground
// (data/leadins.txt: 通过, 按照, 依托 …) says how, not what, and joins the
// piece after it. An enumeration
// comma (、) splits too when the items around it are clauses of their own
// (ten runes or more), as in 完善…、推进…、拓展…, but not in a list of
// names such as 康复医院、护理院、互联网医院.
func Phrases(text string, minRunes int) []string {
	// Pieces alternate text and separator; each is read off the text and
	// handed on at once, so a text of many short pieces keeps no list of
	// them (the collector's scans of one made the split superlinear).
	var out []string
	var b strings.Builder
	joined := false // b holds a lead-in and the piece after it
	held := 0       // the letters in b, counted as it grows (a run of short pieces stays linear)
	separator := func(sep string) {
		lead := !joined && leadIn(b.String())
		if held >= minRunes && !lead {
			out = append(out, strings.TrimSpace(b.String()))
			b.Reset()
			joined, held = false, 0
		} else if b.Len() > 0 {
			b.WriteString(sep)
			joined = joined || lead
		}
	}
	item := func(it string) {
		b.WriteString(it)
		held += letters(it)
	}
	// piece splits a long enumeration at 、.
	piece := func(p string) {
		if !strings.Contains(p, "、") {
			item(p)
			return
		}
		parts := strings.Split(p, "、")
		for k, part := range parts {
			if utf8.RuneCountInString(part) < 10 || k > 0 && modifies(part) {
				item(p)
				return
			}
		}
		for k, part := range parts {
			if k > 0 {
				separator("、")
			}
			item(part)
		}
	}
	from := 0
	for i, r := range text {
		switch r {
		case ',', '，', ':', '：', ';', '；':
			piece(text[from:i])
			from = i + utf8.RuneLen(r)
			separator(text[i:from])
		}
	}
	piece(text[from:])
	if s := strings.TrimSpace(b.String()); s != "" {
		if letters(s) < minRunes && len(out) > 0 {
			out[len(out)-1] += "," + s
		} else {
			out = append(out, s)
		}
	}
	// Phrases are runs of the text (the one exception: a short last piece
	// joined to the phrase before it with a comma): each shares the
	// text's memory, as the units made of them are the largest share of an
	// alignment's memory. They are found in order, so the text is read
	// about twice.
	at := 0
	for k, p := range out {
		if i := strings.Index(text[at:], p); i >= 0 {
			out[k] = text[at+i : at+i+len(p)]
			at += i + len(p)
		}
	}
	return out
}

//go:embed data/leadins.txt
var leadInsTxt string

// leadIns are the lead-ins of means or ground (data/leadins.txt).
var leadIns = sync.OnceValue(func() []string { return wordList(leadInsTxt) })

// wordList reads an embedded list of one word a line ('#' comments).
func wordList(txt string) []string {
	var out []string
	for _, r := range tsv.Rows(txt) {
		out = append(out, strings.TrimSpace(r.Fields[0]))
	}
	return out
}

// leadIn reports whether a piece opens with a lead-in of means or ground.
func leadIn(s string) bool {
	s = strings.TrimSpace(s)
	for _, w := range leadIns() {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// modifies reports whether an item after 、 opens with a short modifier
// and 的 (…之间公开、平等的谈判协商机制): the enumeration comma then joins the
// modifiers of one noun, not two clauses.
func modifies(item string) bool {
	n := 0
	for _, r := range item {
		if r == '的' {
			return n >= 1
		}
		if n++; n > 3 {
			return false
		}
	}
	return false
}

// letters counts the letters of s (Han characters among them), not its
// digits, spaces or punctuation.
func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

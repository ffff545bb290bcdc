package align

import (
	"slices"
	"strings"
)

// conceptBudget bounds the posting entries of concepts one content reads
// for its concept candidates (Options.ConceptCandidates), so a concept
// named all over a large corpus costs each unit a constant; the lists are
// in content order, the earliest read first.
const conceptBudget = 256

// indexConcepts fills each content's concept keys and the concept postings.
func (ix *Index) indexConcepts() {
	ids, forms := map[string]uint32{}, map[string]uint32{}
	intern := func(m map[string]uint32, s string) uint32 {
		id, ok := m[s]
		if !ok {
			id = uint32(len(m))
			m[s] = id
		}
		return id
	}
	for c, ms := range ix.members {
		cs := ix.units[ms[0]].Concepts
		if len(cs) == 0 {
			continue
		}
		if ix.concepts == nil {
			ix.concepts = make([][]uint64, len(ix.members))
		}
		keys := make([]uint64, 0, len(cs))
		for _, x := range cs {
			form := intern(forms, x.Form)
			if int(form) == len(ix.conceptForms) {
				ix.conceptForms = append(ix.conceptForms, x.Form)
			}
			keys = append(keys, uint64(intern(ids, x.ID))<<32|uint64(form))
		}
		slices.Sort(keys)
		keys = slices.Compact(keys)
		ix.concepts[c] = keys
		for k, key := range keys {
			id := int(key >> 32)
			if k > 0 && keys[k-1]>>32 == key>>32 {
				continue // one entry per concept
			}
			for len(ix.conceptPost) <= id {
				ix.conceptPost = append(ix.conceptPost, nil)
			}
			ix.conceptPost[id] = append(ix.conceptPost[id], int32(c))
		}
	}
}

// bridged reports whether contents a and b share a concept that they name
// by different forms only (no form of one equal to or inside a form of the
// other): evidence of the same measure that their characters do not show.
func (ix *Index) bridged(a, b int32) bool {
	if ix.concepts == nil {
		return false
	}
	ka, kb := ix.concepts[a], ix.concepts[b]
	for p, q := 0, 0; p < len(ka) && q < len(kb); {
		ca, cb := ka[p]>>32, kb[q]>>32
		switch {
		case ca < cb:
			p++
		case ca > cb:
			q++
		default: // the same concept: bridged unless a form is shared
			pe, qe := conceptEnd(ka, p), conceptEnd(kb, q)
			if !ix.formsMeet(ka[p:pe], kb[q:qe]) {
				return true
			}
			p, q = pe, qe
		}
	}
	return false
}

// formsMeet reports whether two lists of one concept's forms share a form
// or hold one inside another (互联网+ and 互联网+医疗 are one wording).
func (ix *Index) formsMeet(a, b []uint64) bool {
	for _, x := range a {
		fx := ix.conceptForms[uint32(x)]
		for _, y := range b {
			if x == y || sameWording(fx, ix.conceptForms[uint32(y)]) {
				return true
			}
		}
	}
	return false
}

// sameWording reports whether two forms of one concept are one wording:
// equal, or one inside the other (互联网+ and 互联网+医疗). Only a concept
// named by forms that are not bridges two texts (bridged, bridgeForms).
func sameWording(a, b string) bool { return strings.Contains(a, b) || strings.Contains(b, a) }

// withConcepts appends to unit i's candidates out up to ix.conceptExtra
// units of other documents that a concept bridges to it (bridged), those
// sharing the most character-pair weight first (then by unit index).
func (ix *Index) withConcepts(i int, out []cand, sc *scratch) []cand {
	if ix.conceptExtra == 0 || ix.concepts == nil {
		return out
	}
	c := ix.textID[i]
	if len(ix.concepts[c]) == 0 {
		return out
	}
	if !sc.conceptsValid || sc.conceptsOf != c {
		sc.conceptFound = ix.conceptContents(c, sc.conceptFound[:0], sc)
		sc.conceptsOf, sc.conceptsValid = c, true
	}
	extra := 0
	for _, f := range sc.conceptFound {
		for _, u := range ix.members[f.j] {
			if extra == ix.conceptExtra {
				return out
			}
			if ix.docIdx[u] == ix.docIdx[i] || slices.ContainsFunc(out, func(x cand) bool { return x.j == u }) {
				continue
			}
			out = append(out, cand{u, f.s})
			extra++
		}
	}
	return out
}

// conceptContents appends to found the contents a concept bridges to
// content c, best first: the copies of a content share them, so they are
// found once per content. Their character-pair scores are read against c's
// vector scattered into sc.dense, in the order of a merge (the same sums).
func (ix *Index) conceptContents(c int32, found []cand, sc *scratch) []cand {
	keys := ix.concepts[c]
	v := ix.chars[c]
	if len(sc.dense) < len(ix.postings) {
		sc.dense = make([]float32, len(ix.postings))
	}
	for p, id := range v.ids {
		sc.dense[id] = v.w[p]
	}
	if sc.seen == nil {
		sc.seen = map[int32]bool{}
	}
	clear(sc.seen)
	read := 0
	for k, key := range keys {
		if k > 0 && keys[k-1]>>32 == key>>32 {
			continue
		}
		post := ix.conceptPost[key>>32]
		if len(post) > ix.maxPost {
			continue // a concept named all over the corpus singles nothing out
		}
		for _, o := range post {
			if read == conceptBudget {
				break
			}
			read++
			if o == c || sc.seen[o] || !ix.bridged(c, o) {
				continue
			}
			sc.seen[o] = true
			u, score := ix.chars[o], 0.0
			for q, id := range u.ids {
				if w := sc.dense[id]; w != 0 {
					score += float64(w) * float64(u.w[q])
				}
			}
			found = append(found, cand{o, score})
		}
	}
	for _, id := range v.ids {
		sc.dense[id] = 0
	}
	sortCands(found)
	return found
}

// conceptJaccard is the number of concepts contents a and b both name over
// the number either names, whatever the forms; 0 when neither names one.
func (ix *Index) conceptJaccard(a, b int32) float64 {
	if ix.concepts == nil {
		return 0
	}
	ka, kb := ix.concepts[a], ix.concepts[b]
	both, either := 0, 0
	p, q := 0, 0
	for p < len(ka) || q < len(kb) {
		either++
		switch {
		case q == len(kb) || p < len(ka) && ka[p]>>32 < kb[q]>>32:
			p = conceptEnd(ka, p)
		case p == len(ka) || kb[q]>>32 < ka[p]>>32:
			q = conceptEnd(kb, q)
		default:
			both++
			p, q = conceptEnd(ka, p), conceptEnd(kb, q)
		}
	}
	if either == 0 {
		return 0
	}
	return float64(both) / float64(either)
}

// conceptEnd is the index after the run of keys from i that name the
// concept of keys[i] (a content's keys are sorted, its forms of one concept
// together).
func conceptEnd(keys []uint64, i int) int {
	c := keys[i] >> 32
	for i < len(keys) && keys[i]>>32 == c {
		i++
	}
	return i
}

package segment

import (
	"hash/maphash"
	"strconv"
	"strings"
)

// idfTable is jieba's IDF table kept compactly: its words joined in one
// string, each word's end and value by its place, and an open-addressing
// hash of the places. About 260,000 words take 8 MB this way instead of
// about 17 MB as a map of the file's substrings (a table is kept for the
// whole run), and it is built in one pass, as fast as the map.
type idfTable struct {
	words string
	ends  []uint32 // word k is words[ends[k-1]:ends[k]]
	vals  []float64
	slots []uint32 // a word's place + 1 at its hash's slot or after; 0 is empty
	seed  maphash.Seed
}

// parseIDF reads lines of "word value" (jieba's idf.utf8); lines without
// both, or with a value that is not a number, are skipped. Where a word is
// listed twice, the later value counts.
func parseIDF(data string) idfTable {
	t := idfTable{seed: maphash.MakeSeed()}
	n := strings.Count(data, "\n") + 1
	size := 1
	for size < 2*n {
		size <<= 1 // at most half full: probes stay short
	}
	t.slots = make([]uint32, size)
	t.ends, t.vals = make([]uint32, 0, n), make([]float64, 0, n)
	var words []byte
	for line := range strings.SplitSeq(data, "\n") {
		w, v, ok := strings.Cut(strings.TrimSpace(line), " ")
		if !ok {
			continue
		}
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			continue
		}
		s := t.slot(w, func(k int) bool { return string(words[t.start(k):t.ends[k]]) == w })
		if t.slots[s] != 0 {
			t.vals[t.slots[s]-1] = f // the later one counts
			continue
		}
		words = append(words, w...)
		t.ends = append(t.ends, uint32(len(words)))
		t.vals = append(t.vals, f)
		t.slots[s] = uint32(len(t.ends))
	}
	t.words = string(words)
	return t
}

func (t *idfTable) start(k int) uint32 {
	if k == 0 {
		return 0
	}
	return t.ends[k-1]
}

// slot is where word is in the hash (is tells whether the word at a place
// is it), or the empty slot where it would go.
func (t *idfTable) slot(word string, is func(k int) bool) int {
	mask := len(t.slots) - 1
	s := int(maphash.String(t.seed, word)) & mask
	for t.slots[s] != 0 && !is(int(t.slots[s]-1)) {
		s = (s + 1) & mask
	}
	return s
}

// lookup is word's value; ok is false for words the table lacks.
func (t *idfTable) lookup(word string) (float64, bool) {
	if len(t.slots) == 0 {
		return 0, false
	}
	s := t.slot(word, func(k int) bool { return t.words[t.start(k):t.ends[k]] == word })
	if t.slots[s] == 0 {
		return 0, false
	}
	return t.vals[t.slots[s]-1], true
}

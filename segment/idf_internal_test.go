package segment

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestParseIDF(t *testing.T) {
	tab := parseIDF("医保 5.5\n集采 9.25\r\n  基金 4.0  \nbroken\n无值 x\n医保 6.5\n\n总额预算 11.0")
	for _, c := range []struct {
		word string
		want float64
		ok   bool
	}{
		{"医保", 6.5, true}, // listed twice: the later value counts
		{"集采", 9.25, true},
		{"基金", 4.0, true},
		{"总额预算", 11.0, true},
		{"总额", 0, false}, // a prefix of a word is not the word
		{"无值", 0, false},
		{"broken", 0, false},
		{"", 0, false},
		{"齐", 0, false}, // a word the table lacks
	} {
		v, ok := tab.lookup(c.word)
		assert.Equal(t, c.ok, ok, c.word)
		assert.Equal(t, c.want, v, c.word)
	}
	assert.Len(t, tab.ends, 4)
	var empty idfTable
	_, ok := empty.lookup("医保")
	assert.False(t, ok)
}

// BenchmarkIDFLookup is a lookup in a table of jieba's size.
func BenchmarkIDFLookup(b *testing.B) {
	var data []byte
	for i := range 260000 {
		data = append(data, []byte(string(rune(0x4e00+i%20000))+string(rune(0x4e00+i/20000))+" 7.5\n")...)
	}
	tab := parseIDF(string(data))
	for b.Loop() {
		tab.lookup("医保")
	}
}

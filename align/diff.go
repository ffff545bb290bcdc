package align

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Op is one piece of a character diff.
type Op struct {
	Type OpType
	Text string
}

// OpType says whether a piece is kept, deleted from A or inserted from B.
type OpType int

// Op types.
const (
	Equal OpType = iota
	Delete
	Insert
)

// String names the operation: equal, delete or insert.
func (t OpType) String() string {
	switch t {
	case Delete:
		return "delete"
	case Insert:
		return "insert"
	}
	return "equal"
}

// MaxDiffRunes caps the length of each side of a diff; longer text is cut
// (with an ellipsis) so that the diff stays quick and deterministic.
const MaxDiffRunes = 4000

// Diff returns the character diff from a to b. It uses go-diff with no time
// limit (DiffTimeout 0), so the result never depends on CPU speed. Instead
// of go-diff's semantic cleanup, which folds whole shared phrases (三明医改经验)
// into the surrounding edits when they are short next to them, Diff only
// dissolves single shared characters caught between edits, so that changes
// read as phrases and every shared phrase stays visible. Invalid UTF-8 is
// repaired first. Go-diff's patch functions, which have panicked on
// multibyte text, are not used.
func Diff(a, b string) []Op {
	a, b = clip(strings.ToValidUTF8(a, "\uFFFD")), clip(strings.ToValidUTF8(b, "\uFFFD"))
	ops := diffOps([]rune(a), []rune(b), func(s string) string { return s })
	// Dissolve one-character equalities between edits.
	for i := 1; i+1 < len(ops); i++ {
		if ops[i].Type == Equal && utf8.RuneCountInString(ops[i].Text) == 1 && ops[i-1].Type != Equal && ops[i+1].Type != Equal {
			ops = slices.Insert(ops, i+1, Op{Type: Insert, Text: ops[i].Text})
			ops[i].Type = Delete
		}
	}
	return regroup(ops)
}

// DiffTokens returns the diff of two token sequences, such as the words of
// two clauses (segment.Split), so that a change reads word by word: each
// distinct token is coded as one character of a private-use plane, the
// codes are diffed with go-diff (no time limit) and decoded, as go-diff's
// line mode does with lines. Each side is capped at MaxDiffRunes tokens.
func DiffTokens(a, b []string) []Op {
	const base = 0xF0000 // Supplementary Private Use Areas A and B: 131,068 codes
	const codes = 0x10FFFD - base
	index := map[string]rune{}
	var vocab []string
	encode := func(ts []string) []rune {
		ts = ts[:min(len(ts), MaxDiffRunes)]
		out := make([]rune, 0, len(ts))
		for _, t := range ts {
			t = strings.ToValidUTF8(t, "\uFFFD")
			r, ok := index[t]
			if !ok {
				if len(vocab) >= codes {
					r = base + codes // all further tokens share one code
				} else {
					r = base + rune(len(vocab))
					vocab = append(vocab, t)
				}
				index[t] = r
			}
			out = append(out, r)
		}
		return out
	}
	decode := func(s string) string {
		var text strings.Builder
		for _, r := range s {
			if k := int(r - base); k >= 0 && k < len(vocab) {
				text.WriteString(vocab[k])
			} else {
				text.WriteString("\uFFFD")
			}
		}
		return text.String()
	}
	return regroup(diffOps(encode(a), encode(b), decode))
}

// diffOps diffs two rune sequences with go-diff, with no time limit
// (DiffTimeout 0) so the result never depends on CPU speed, and returns
// the non-empty pieces with their text passed through text.
func diffOps(a, b []rune, text func(string) string) []Op {
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	var ops []Op
	for _, d := range dmp.DiffMainRunes(a, b, false) {
		s := text(d.Text)
		if s == "" {
			continue
		}
		t := Equal
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			t = Delete
		case diffmatchpatch.DiffInsert:
			t = Insert
		}
		ops = append(ops, Op{Type: t, Text: s})
	}
	return ops
}

// regroup merges each run of edits into one deletion followed by one
// insertion, and adjacent equalities into one.
func regroup(ops []Op) []Op {
	var out []Op
	for i := 0; i < len(ops); {
		if ops[i].Type == Equal {
			if n := len(out); n > 0 && out[n-1].Type == Equal {
				out[n-1].Text += ops[i].Text
			} else {
				out = append(out, ops[i])
			}
			i++
			continue
		}
		var del, ins strings.Builder
		for ; i < len(ops) && ops[i].Type != Equal; i++ {
			if ops[i].Type == Delete {
				del.WriteString(ops[i].Text)
			} else {
				ins.WriteString(ops[i].Text)
			}
		}
		if del.Len() > 0 {
			out = append(out, Op{Type: Delete, Text: del.String()})
		}
		if ins.Len() > 0 {
			out = append(out, Op{Type: Insert, Text: ins.String()})
		}
	}
	return out
}

func clip(s string) string {
	if utf8.RuneCountInString(s) <= MaxDiffRunes {
		return s
	}
	return string([]rune(s)[:MaxDiffRunes]) + "…"
}

// Sides rebuilds the two texts of a diff.
func Sides(ops []Op) (a, b string) {
	var sa, sb strings.Builder
	for _, op := range ops {
		if op.Type != Insert {
			sa.WriteString(op.Text)
		}
		if op.Type != Delete {
			sb.WriteString(op.Text)
		}
	}
	return sa.String(), sb.String()
}

// Marked renders a diff as two marked texts, as `git diff --word-diff`
// does: A with its deletions as [-…-], B with its insertions as {+…+}.
func Marked(ops []Op) (a, b string) {
	var sa, sb strings.Builder
	for _, op := range ops {
		switch op.Type {
		case Delete:
			sa.WriteString("[-" + op.Text + "-]")
		case Insert:
			sb.WriteString("{+" + op.Text + "+}")
		default:
			sa.WriteString(op.Text)
			sb.WriteString(op.Text)
		}
	}
	return sa.String(), sb.String()
}

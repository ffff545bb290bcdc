package align

import (
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
// limit (DiffTimeout 0), so the result never depends on CPU speed, and
// semantic cleanup so that changes read as whole words. Invalid UTF-8 is
// repaired first. Go-diff's patch functions, which have panicked on
// multibyte text, are not used.
func Diff(a, b string) []Op {
	a, b = clip(strings.ToValidUTF8(a, "\uFFFD")), clip(strings.ToValidUTF8(b, "\uFFFD"))
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	diffs := dmp.DiffMain(a, b, false)
	diffs = dmp.DiffCleanupSemantic(diffs)
	ops := make([]Op, 0, len(diffs))
	for _, d := range diffs {
		if d.Text == "" {
			continue
		}
		t := Equal
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			t = Delete
		case diffmatchpatch.DiffInsert:
			t = Insert
		}
		if n := len(ops); n > 0 && ops[n-1].Type == t {
			ops[n-1].Text += d.Text
			continue
		}
		ops = append(ops, Op{Type: t, Text: d.Text})
	}
	return ops
}

func clip(s string) string {
	if utf8.RuneCountInString(s) <= MaxDiffRunes {
		return s
	}
	return string([]rune(s)[:MaxDiffRunes]) + "…"
}

// Levenshtein is the edit distance, in runes, that a diff represents.
func Levenshtein(ops []Op) int {
	d, ins, del := 0, 0, 0
	for _, op := range ops {
		n := utf8.RuneCountInString(op.Text)
		switch op.Type {
		case Insert:
			ins += n
		case Delete:
			del += n
		default:
			d += max(ins, del)
			ins, del = 0, 0
		}
	}
	return d + max(ins, del)
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

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A hostile corpus goes through every text output and renderer: terminal
// escapes, bidi overrides, script, Markdown and spreadsheet formulas in the
// text, and a file name made to break Markdown and HTML.
func TestHostileCorpus(t *testing.T) {
	dir := t.TempDir()
	evil := "一、重点任务\n" +
		"（一）推进\x1b]0;pwned\x07医联体\x1b[2J建设，完善\u202e分级诊疗<script>alert(1)</script>制度。=HYPERLINK(\"x\")\n" +
		"（二）深化**医保**支付方式改革，县域内就诊率达到90%。\n"
	name := filepath.Join(dir, "x`<plaintext>`.txt")
	require.NoError(t, os.WriteFile(name, []byte(evil), 0o644))
	other := filepath.Join(dir, "other.txt")
	require.NoError(t, os.WriteFile(other, []byte("一、重点任务\n（一）推进医联体建设，完善分级诊疗制度。\n（二）深化医保支付方式改革，县域内就诊率达到85%。\n"), 0o644))

	outputs := map[string][]string{
		"analyze text": {"analyze", "-q", "--format", "text", name, other},
		"analyze json": {"analyze", "-q", name, other},
		"align":        {"align", "-q", "--kind", "all", name, other},
		"diff":         {"diff", "-q", name, other},
		"report md":    {"report", "-q", "--format", "md", name, other},
		"report html":  {"report", "-q", "--format", "html", name, other},
		"report csv":   {"report", "-q", "--format", "csv", name, other},
		"report json":  {"report", "-q", "--format", "json", name, other},
		"coverage":     {"coverage", "-q", name, other},
	}
	for what, args := range outputs {
		code, out, errOut := runCLI(t, "", args...)
		require.Equal(t, exitOK, code, "%s: %s", what, errOut)
		for _, bad := range []string{"\x1b", "\x07", "\u202e", "<plaintext>"} {
			assert.NotContains(t, out, bad, "%s lets %q through", what, bad)
			assert.NotContains(t, errOut, bad, "%s (stderr) lets %q through", what, bad)
		}
		if strings.HasPrefix(what, "report md") || strings.HasPrefix(what, "report html") {
			assert.NotContains(t, out, "<script>alert", "%s: markup from the text is escaped", what)
		}
		if strings.HasPrefix(what, "report csv") {
			assert.NotContains(t, out, ",=HYPERLINK", "a formula cell is neutralised")
		}
	}
	code, _, errOut := runCLI(t, "", "analyze", "-q", "--format", "text", name)
	require.Equal(t, exitOK, code, errOut)
}

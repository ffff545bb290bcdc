package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/policycmp/policycmp/align"
	"github.com/policycmp/policycmp/seeds"
)

func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestUsage(t *testing.T) {
	code, out, _ := runCLI(t, "")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, out, "analyze")
	code, _, errOut := runCLI(t, "", "frobnicate")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, `unknown command "frobnicate"`)
	code, _, _ = runCLI(t, "", "analyze", "--format", "yaml")
	assert.Equal(t, exitUsage, code)
	code, _, _ = runCLI(t, "", "report", "--lang", "fr")
	assert.Equal(t, exitUsage, code)
	code, out, _ = runCLI(t, "", "help")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, out, "report")
}

func TestAnalyzeSeedsJSON(t *testing.T) {
	code, out, errOut := runCLI(t, "", "analyze", "-q")
	require.Equal(t, exitOK, code, errOut)
	var res struct {
		Schema    string `json:"schema"`
		Documents []struct {
			ID, Source, Region, Level string
			Year                      int
			Warnings                  []struct{ Kind, Detail string }
			Tasks                     []struct {
				ID, Number, Heading, Text string
				Path                      []string
				Themes                    []struct {
					ID       string
					Score    float64
					Evidence []struct{ Term, ClauseID string } `json:"evidence"`
				}
				Clauses []struct {
					ID, Text   string
					Start, End int
					Damaged    bool
				}
				Departments struct{ Lead, Support []string }
				Targets     []struct {
					Text, Unit, Comparator string
					Value                  float64
				}
			}
		}
		Alignments     []struct{ A, B, Kind string }
		TaskAlignments []struct{ A, B, Kind string } `json:"task_alignments"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &res))
	assert.Equal(t, "policycmp/v1", res.Schema)
	require.Len(t, res.Documents, 5)
	counts := []int{}
	for _, d := range res.Documents {
		counts = append(counts, len(d.Tasks))
		assert.True(t, strings.HasSuffix(d.Source, ".txt"))
		for _, tk := range d.Tasks {
			require.NotEmpty(t, tk.Themes, tk.ID)
			require.NotEmpty(t, tk.Clauses, tk.ID)
		}
	}
	assert.Equal(t, []int{22, 20, 17, 26, 22}, counts)
	assert.NotEmpty(t, res.Alignments)
	assert.NotEmpty(t, res.TaskAlignments)
	for _, l := range res.Alignments {
		assert.NotEqual(t, strings.SplitN(l.A, "/", 2)[0], strings.SplitN(l.B, "/", 2)[0], "alignments cross documents")
		assert.Contains(t, []string{"equivalent", "related"}, l.Kind)
	}
}

func TestInputsFilesDirsStdin(t *testing.T) {
	dir := t.TempDir()
	for _, n := range seeds.Names()[:2] {
		b, err := seeds.Read(n)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, n), b, 0o644))
	}
	html := "<html><head><style>p{}</style><script>var x=1;</script></head><body><h1>江苏省深化医改任务</h1><p>一、重点任务</p><p>（一）推进医联体建设。</p><p>（二）深化医保支付方式改革。</p></body></html>"
	require.NoError(t, os.WriteFile(filepath.Join(dir, "page.html"), []byte(html), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "notes.bin"), []byte{0, 1, 2}, 0o644))

	code, out, errOut := runCLI(t, "", "analyze", "-q", "--format", "text", dir)
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "3 documents")
	assert.Contains(t, out, "page/一/(一)", "HTML pages are reduced to text")
	assert.NotContains(t, out, "var x")

	code, out, errOut = runCLI(t, "一、重点任务\n（一）推进医联体建设。\n", "analyze", "-q", "-")
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, `"stdin/一/(一)"`)

	// The text form names who carries a task out, locally too, and when.
	code, out, errOut = runCLI(t, "一、重点任务\n（一）推进医联体建设。\n（市卫健委、各县区人民政府分工负责，2025年6月前完成）\n", "analyze", "-q", "--format", "text", "-")
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "lead 市卫健委; support ; local 各县区人民政府")
	assert.Contains(t, out, "due 2025年6月前完成")
}

func TestBadInputsExitNonZero(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	require.NoError(t, os.WriteFile(empty, nil, 0o644))
	code, _, errOut := runCLI(t, "", "analyze", empty)
	assert.Equal(t, exitError, code)
	assert.Contains(t, errOut, "empty document")
	code, _, errOut = runCLI(t, "", "analyze", filepath.Join(dir, "missing.txt"))
	assert.Equal(t, exitError, code)
	assert.Contains(t, errOut, "missing.txt")
	code, _, errOut = runCLI(t, "", "report", "--reference", "nope", "-q")
	assert.Equal(t, exitError, code)
	assert.Contains(t, errOut, "names no input document")
}

func TestReportFormats(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"md", "html", "json", "csv"} {
		out := filepath.Join(dir, "report."+f)
		code, _, errOut := runCLI(t, "", "report", "-q", "--format", f, "--out", out)
		require.Equal(t, exitOK, code, errOut)
		b, err := os.ReadFile(out)
		require.NoError(t, err)
		assert.Greater(t, len(b), 500, f)
	}
	code, out, _ := runCLI(t, "", "report", "-q", "--format", "csv", "--table", "targets")
	require.Equal(t, exitOK, code)
	assert.True(t, strings.HasPrefix(out, "\uFEFFmetric,doc,comparator,value,unit"), "a UTF-8 BOM, then the header")
	code, out, _ = runCLI(t, "", "report", "-q", "--format", "md", "--lang", "en")
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, "Theme coverage")
}

func TestDiffCoverageAlignTaxonomy(t *testing.T) {
	code, out, errOut := runCLI(t, "", "diff", "-q", "000", "004")
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "{+")
	assert.Contains(t, out, "[-")
	code, out, _ = runCLI(t, "", "diff", "-q", "--theme", "personnel.pay", "浙江", "河源")
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, "薪酬")
	code, words, _ := runCLI(t, "", "diff", "-q", "--words", "--theme", "personnel.pay", "浙江", "河源")
	require.Equal(t, exitOK, code)
	assert.Contains(t, words, "{+人事+}", "whole words inserted")
	assert.Equal(t, strings.Count(out, "↔"), strings.Count(words, "↔"), "the same pairs, diffed by word")
	code, _, errOut = runCLI(t, "", "diff", "-q", "--theme", "nope", "000", "004")
	assert.Equal(t, exitError, code)
	assert.Contains(t, errOut, "unknown theme")
	code, _, _ = runCLI(t, "", "diff", "000")
	assert.Equal(t, exitUsage, code)

	code, out, _ = runCLI(t, "", "coverage", "-q")
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, "pharma.procurement")

	code, out, _ = runCLI(t, "", "align", "-q", "--kind", "all", "--format", "json")
	require.Equal(t, exitOK, code)
	var links []map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &links))
	assert.NotEmpty(t, links)

	code, out, _ = runCLI(t, "", "taxonomy", "--lang", "en")
	require.Equal(t, exitOK, code)
	assert.Equal(t, 28, strings.Count(out, "\n"))
}

func TestCustomTaxonomyEndToEnd(t *testing.T) {
	code, out, errOut := runCLI(t, "", "coverage", "-q", "--taxonomy", "../../taxonomy/testdata/small.yaml", "--format", "csv")
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "vax.coverage")
	assert.NotContains(t, out, "pharma.procurement")
	bad := filepath.Join(t.TempDir(), "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"themes":[{"id":"x"}]}`), 0o644))
	code, _, errOut = runCLI(t, "", "coverage", "--taxonomy", bad)
	assert.Equal(t, exitError, code)
	assert.Contains(t, errOut, "invalid taxonomy")
}

func TestEvalCommand(t *testing.T) {
	code, out, errOut := runCLI(t, "", "eval", "-q")
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "task counts exact 5/5")
	assert.Contains(t, out, "top-1 in gold set")
	code, out, errOut = runCLI(t, "", "eval", "-q", "--perturb")
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "seeds perturbed")
	assert.Regexp(t, `(?m)^crlf +5/5 +107/107`, out, "a CRLF copy of the seeds keeps their structure")
}

func TestDeterministicAcrossProcs(t *testing.T) {
	prev := runtime.GOMAXPROCS(1)
	defer runtime.GOMAXPROCS(prev)
	_, one, _ := runCLI(t, "", "analyze", "-q")
	runtime.GOMAXPROCS(2)
	_, two, _ := runCLI(t, "", "analyze", "-q")
	_, again, _ := runCLI(t, "", "analyze", "-q")
	assert.Equal(t, one, two, "byte-identical JSON with GOMAXPROCS=1 and 2")
	assert.Equal(t, two, again, "byte-identical JSON run to run")
}

// The README's command table lists exactly the flags that each command's
// -h prints, besides the shared ones (--out, --taxonomy, --lang, -q), and
// every command has a row.
func TestReadmeCommandTable(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	require.NoError(t, err)
	rows := map[string]string{}
	for _, line := range strings.Split(string(data), "\n") {
		if m := regexp.MustCompile("^\\| `([a-z-]+)( [^`]*)?` \\|").FindStringSubmatch(line); m != nil {
			if _, seen := rows[m[1]]; !seen {
				rows[m[1]] = m[2]
			}
		}
	}
	flagRe := regexp.MustCompile(`(?:^|[\s\[])--?([a-z][a-z-]*)`)
	helpRe := regexp.MustCompile(`(?m)^  -([a-z][a-z-]*)`)
	shared := map[string]bool{"out": true, "taxonomy": true, "lang": true, "q": true, "decide": true, "min-score": true, "equivalent": true}
	for _, c := range commands() {
		row, ok := rows[c.name]
		if !assert.True(t, ok, "README has no row for %s", c.name) {
			continue
		}
		var inReadme, inHelp []string
		for _, m := range flagRe.FindAllStringSubmatch(row, -1) {
			inReadme = append(inReadme, m[1])
		}
		code, out, _ := runCLI(t, "", c.name, "-h")
		require.Equal(t, exitOK, code, c.name)
		assert.Contains(t, out, c.summary, "%s -h says what it does", c.name)
		for _, m := range helpRe.FindAllStringSubmatch(out, -1) {
			if !shared[m[1]] {
				inHelp = append(inHelp, m[1])
			}
		}
		slices.Sort(inReadme)
		slices.Sort(inHelp)
		assert.Equal(t, inHelp, slices.Compact(inReadme), "%s: README row vs -h", c.name)
	}
}

// align and diff word relations and reasons in the chosen language.
func TestReasonsInTheReportLanguage(t *testing.T) {
	for _, cmd := range [][]string{{"align", "-q", "000", "河源"}, {"diff", "-q", "000", "河源"}} {
		code, zh, errOut := runCLI(t, "", cmd...)
		require.Equal(t, exitOK, code, errOut)
		assert.Contains(t, zh, "本地化改写", cmd)
		assert.NotContains(t, zh, "same measure in local wording", cmd)
		code, en, errOut := runCLI(t, "", append(cmd, "--lang", "en")...)
		require.Equal(t, exitOK, code, errOut)
		assert.Contains(t, en, "same measure in local wording", cmd)
	}
	code, out, errOut := runCLI(t, "", "diff", "-q", "000", "河源", "--kind", "related")
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "相关", "diff --kind related shows related pairs")
}

// The alignment knobs: --min-score drops weaker clause links, --equivalent
// draws the line between equivalent and related at a score, --decide
// chooses who decides; a bad value is a usage error.
func TestAlignmentKnobs(t *testing.T) {
	code, out, errOut := runCLI(t, "", "align", "-q", "--format", "json", "--kind", "all", "--min-score", "0.8", "000", "河源")
	require.Equal(t, exitOK, code, errOut)
	var links []struct {
		Score float64
		Kind  string
	}
	require.NoError(t, json.Unmarshal([]byte(out), &links))
	require.NotEmpty(t, links)
	for _, l := range links {
		assert.GreaterOrEqual(t, l.Score, 0.8)
	}

	code, out, errOut = runCLI(t, "", "align", "-q", "--format", "json", "--kind", "all", "--equivalent", "0.5", "000", "河源")
	require.Equal(t, exitOK, code, errOut)
	require.NoError(t, json.Unmarshal([]byte(out), &links))
	for _, l := range links {
		assert.Equal(t, l.Score >= 0.5, l.Kind == "equivalent", "score %.3f kind %s", l.Score, l.Kind)
	}

	_, rules, _ := runCLI(t, "", "align", "-q", "--kind", "all", "--decide", "rules", "000", "河源")
	_, both, _ := runCLI(t, "", "align", "-q", "--kind", "all", "000", "河源")
	assert.NotEqual(t, rules, both, "the rules alone decide differently from the model beside them")

	code, _, errOut = runCLI(t, "", "align", "--decide", "coin", "000", "河源")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "--decide must be")
	code, _, _ = runCLI(t, "", "align", "--min-score", "1.5", "000", "河源")
	assert.Equal(t, exitUsage, code)
}

// eval --fit writes a model the aligner can load (the seeds' labelled
// pairs alone suffice), atomically, and says what it was fitted on.
func TestEvalFitWritesAModel(t *testing.T) {
	out := filepath.Join(t.TempDir(), "model.json")
	code, stdout, errOut := runCLI(t, "", "eval", "-q", "--fit", out)
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, stdout, "alignment model:")
	data, err := os.ReadFile(out)
	require.NoError(t, err)
	var m align.Model
	require.NoError(t, json.Unmarshal(data, &m))
	require.NoError(t, m.Check())
	assert.Contains(t, m.Fitted, "labelled phrase pairs")
}

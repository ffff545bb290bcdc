package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// failAfter accepts n bytes, then fails every write, as a full disk does.
type failAfter struct{ n int }

func (f *failAfter) Write(p []byte) (int, error) {
	if len(p) <= f.n {
		f.n -= len(p)
		return len(p), nil
	}
	k := f.n
	f.n = 0
	return k, errors.New("no space left on device")
}

// Every command fails, with a message, when its output cannot be written.
func TestWriteErrorsFail(t *testing.T) {
	for _, args := range [][]string{
		{"taxonomy"}, {"align", "-q"}, {"diff", "-q", "000", "004"}, {"eval", "-q"}, {"coverage", "-q"}, {"analyze", "-q"},
	} {
		var errb bytes.Buffer
		code := run(context.Background(), args, strings.NewReader(""), &failAfter{n: 100}, &errb)
		assert.Equal(t, exitError, code, "%v", args)
		assert.Contains(t, errb.String(), "no space left", "%v", args)
	}
}

// --out is written to a temporary file and renamed: a run that fails
// leaves the old file whole and no temporary file behind.
func TestOutIsAtomic(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "report.txt")
	require.NoError(t, os.WriteFile(out, []byte("old report"), 0o644))
	code, _, errOut := runCLI(t, "", "eval", "-q", "--out", out, "--shared", filepath.Join(dir, "missing"))
	assert.Equal(t, exitError, code, errOut)
	got, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, "old report", string(got), "the old file is untouched")
	entries, _ := os.ReadDir(dir)
	assert.Len(t, entries, 1, "no temporary file is left")

	code, _, _ = runCLI(t, "", "taxonomy", "--out", out)
	assert.Equal(t, exitOK, code)
	got, _ = os.ReadFile(out)
	assert.Contains(t, string(got), "insurance.payment")
	st, err := os.Stat(out)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o644), st.Mode().Perm(), "the replaced file keeps its mode")
	fresh := filepath.Join(dir, "new.txt")
	code, _, _ = runCLI(t, "", "taxonomy", "--out", fresh)
	require.Equal(t, exitOK, code)
	st, err = os.Stat(fresh)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o644), st.Mode().Perm(), "a new file is 0644, not CreateTemp's 0600")
}

// Inputs are bounded before they are read: a device that never ends is
// refused as too large instead of exhausting memory.
func TestBoundedReads(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	for _, args := range [][]string{{"analyze", "-q", "/dev/zero"}, {"taxonomy", "--taxonomy", "/dev/zero"}, {"eval", "-q", "--gold", "/dev/zero"}} {
		code, _, errOut := runCLI(t, "", args...)
		assert.Equal(t, exitError, code, "%v", args)
		assert.Contains(t, errOut, "larger than the size limit", "%v", args)
	}
}

// Folders: a linked folder is walked, a FIFO, an AppleDouble file and an
// empty or binary file are skipped with a warning, and IDs stay unique
// when x.txt meets x~2.txt.
func TestFolders(t *testing.T) {
	root := t.TempDir()
	docs := filepath.Join(root, "docs")
	require.NoError(t, os.MkdirAll(filepath.Join(docs, "a"), 0o755))
	require.NoError(t, os.MkdirAll(filepath.Join(docs, "b"), 0o755))
	plan := "一、任务\n（一）推进医联体建设。\n"
	for _, f := range []string{"a/x.txt", "b/x.txt", "x~2.txt"} {
		require.NoError(t, os.WriteFile(filepath.Join(docs, f), []byte(plan), 0o644))
	}
	require.NoError(t, os.WriteFile(filepath.Join(docs, "empty.txt"), nil, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(docs, "._x.txt"), []byte{0, 5, 7, 0}, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(docs, "bin.txt"), []byte{0, 1, 2, 3, 0}, 0o644))
	if err := syscall.Mkfifo(filepath.Join(docs, "pipe.txt"), 0o644); err != nil {
		t.Logf("no FIFO here: %v", err)
	}
	link := filepath.Join(root, "link")
	require.NoError(t, os.Symlink(docs, link))
	require.NoError(t, os.Symlink(docs, filepath.Join(docs, "loop"))) // a link loop

	code, out, errOut := runCLI(t, "", "analyze", link)
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, errOut, "empty.txt")
	assert.Contains(t, errOut, "bin.txt")
	assert.NotContains(t, errOut, "._x.txt")
	ids := documentIDs(t, out)
	assert.ElementsMatch(t, []string{"x", "x~2", "x~2~2"}, ids, "unique IDs: b/x.txt becomes x~2, so the real x~2.txt becomes x~2~2")
}

// diff works on two files that share a base name.
func TestDiffSameBaseName(t *testing.T) {
	dir := t.TempDir()
	for _, d := range []string{"a", "b"} {
		require.NoError(t, os.MkdirAll(filepath.Join(dir, d), 0o755))
	}
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a", "plan.txt"), []byte("一、任务\n（一）推进紧密型县域医共体建设，完善分级诊疗制度。\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "b", "plan.txt"), []byte("一、任务\n（一）推进紧密型县域医共体建设，健全分级诊疗制度。\n"), 0o644))
	code, out, errOut := runCLI(t, "", "diff", "-q", filepath.Join(dir, "a", "plan.txt"), filepath.Join(dir, "b", "plan.txt"))
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "plan~2")
}

// An interrupted bench-scale stops with the context's error, not a panic.
func TestBenchScaleInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errb bytes.Buffer
	code := run(ctx, []string{"bench-scale", "--sizes", "20", "--no-align"}, strings.NewReader(""), &out, &errb)
	assert.Equal(t, exitError, code)
	assert.Contains(t, errb.String(), "context canceled")
}

// HTML on standard input is recognised by its content.
func TestHTMLOnStdin(t *testing.T) {
	code, out, errOut := runCLI(t, "<!DOCTYPE html><html><body><p>一、任务</p><p>(一)推进医联体建设&amp;分级诊疗。</p></body></html>", "analyze", "-q", "--format", "text", "-")
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "推进医联体建设&分级诊疗")
	assert.NotContains(t, out, "<p>")
}

// Flags may follow the file arguments, as the README writes them; -h is
// not an error.
func TestFlagsAfterArguments(t *testing.T) {
	code, out, errOut := runCLI(t, "", "diff", "000", "004", "--theme", "insurance.payment", "-q")
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "pairs")
	code, out, errOut = runCLI(t, "", "report", "--format", "md", "-q", "--lang", "en")
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "Theme coverage")
	f := filepath.Join(t.TempDir(), "plan.txt")
	require.NoError(t, os.WriteFile(f, []byte("一、任务\n（一）推进医联体建设。\n"), 0o644))
	code, out, errOut = runCLI(t, "", "analyze", f, "--format", "text", "-q")
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "推进医联体建设")
	code, out, _ = runCLI(t, "", "diff", "-h")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, out, "usage: policycmp diff", "help asked for goes to standard output")
	assert.Contains(t, out, "character diffs of the aligned clauses", "with what the command does")
	code, helpOut, _ := runCLI(t, "", "help", "diff")
	assert.Equal(t, exitOK, code)
	assert.Equal(t, out, helpOut, "policycmp help diff is diff -h")
}

// Seeds can be named by ID, prefix or region in every command, not only diff.
func TestSeedArguments(t *testing.T) {
	code, out, errOut := runCLI(t, "", "align", "-q", "000", "河源")
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "links")
	code, _, errOut = runCLI(t, "", "analyze", "-q", "nosuch")
	assert.Equal(t, exitError, code)
	assert.Contains(t, errOut, "no such file")
	assert.Contains(t, errOut, "matches 0 seed documents")
}

// --table all writes every CSV table into a folder in one run.
func TestAllTables(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "tables")
	code, _, errOut := runCLI(t, "", "report", "-q", "--format", "csv", "--table", "all", "--out", dir)
	require.Equal(t, exitOK, code, errOut)
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	assert.Contains(t, names, "coverage.csv")
	assert.Contains(t, names, "targets.csv")
	data, err := os.ReadFile(filepath.Join(dir, "gaps.csv"))
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(data), "\uFEFF"))
	code, _, _ = runCLI(t, "", "report", "-q", "--format", "csv", "--table", "all")
	assert.Equal(t, exitUsage, code, "a folder is needed")
}

// bench-scale --exact checks the candidate search against exhaustive
// search on a sample of phrases and prints the share found.
func TestBenchScaleExact(t *testing.T) {
	code, out, errOut := runCLI(t, "", "bench-scale", "--sizes", "12", "--exact", "200")
	require.Equal(t, exitOK, code, errOut)
	assert.Regexp(t, `exhaustive check: (\d+) of (\d+) candidates \(top 10, and by concept\) of 200 phrases found \(100\.0%\)`, out)
	assert.Contains(t, out, "floorMB/s")
}

// A negative --exact is a usage error, not a silent no-op.
func TestBenchScaleExactNegative(t *testing.T) {
	code, _, errOut := runCLI(t, "", "bench-scale", "--sizes", "5", "--exact", "-3")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "--exact")
}

// Files, standard input, a seed and a folder given together are ingested
// at once and kept in argument order (a folder's files in walk order); a
// folder with nothing readable is an error even after good files, and a
// named file that holds no text is an error, not a warning.
func TestMixedInputsKeepOrder(t *testing.T) {
	dir := t.TempDir()
	plan := func(s string) []byte { return []byte("一、任务\n（一）" + s + "。\n") }
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "f"), 0o755))
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "bad"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "z.txt"), plan("推进医联体建设"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "f", "b.txt"), plan("完善分级诊疗制度"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "f", "a.txt"), plan("深化医保支付方式改革"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "bad", "empty.txt"), nil, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644))

	code, out, errOut := runCLI(t, string(plan("加强公共卫生体系建设")), "analyze", "-q", filepath.Join(dir, "z.txt"), "-", "004", filepath.Join(dir, "f"))
	require.Equal(t, exitOK, code, errOut)
	ids := documentIDs(t, out)
	require.Len(t, ids, 5)
	assert.Equal(t, []string{"z", "stdin"}, ids[:2])
	assert.True(t, strings.HasPrefix(ids[2], "004"), "the seed third: %v", ids)
	assert.Equal(t, []string{"a", "b"}, ids[3:], "the folder's files in walk order")

	code, _, errOut = runCLI(t, "", "analyze", "-q", filepath.Join(dir, "z.txt"), filepath.Join(dir, "bad"))
	assert.Equal(t, exitError, code)
	assert.Contains(t, errOut, "no readable documents")

	code, _, errOut = runCLI(t, "", "analyze", "-q", filepath.Join(dir, "z.txt"), filepath.Join(dir, "empty.txt"))
	assert.Equal(t, exitError, code)
	assert.Contains(t, errOut, "empty.txt")
}

// documentIDs are the IDs of the documents in analyze's JSON output, in order.
func documentIDs(t *testing.T, out string) []string {
	t.Helper()
	var res struct {
		Documents []struct{ ID string }
	}
	require.NoError(t, json.Unmarshal([]byte(out), &res))
	var ids []string
	for _, d := range res.Documents {
		ids = append(ids, d.ID)
	}
	return ids
}

// When POLICYCMP_TEST_CLI is set, the test binary is the CLI: a fresh
// process, with nothing loaded yet (the segmenter is process-wide).
func TestMain(m *testing.M) {
	if os.Getenv("POLICYCMP_TEST_LOADDICT") != "" { // BenchmarkSeedsProcess's dictionary load
		os.Exit(loadDictOnly())
	}
	if args := os.Getenv("POLICYCMP_TEST_CLI"); args != "" {
		os.Exit(run(context.Background(), strings.Split(args, "\x1f"), os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// runProcess runs the CLI as a fresh process with the extra environment.
func runProcess(t *testing.T, env []string, args ...string) (int, string) {
	t.Helper()
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(append(os.Environ(), "POLICYCMP_TEST_CLI="+strings.Join(args, "\x1f")), env...)
	out, err := cmd.CombinedOutput()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else {
		require.NoError(t, err)
	}
	return code, string(out)
}

// Commands that need no words never load jieba's dictionaries: coverage
// works where they are missing (it aligned, and loaded them, for nothing),
// while a command that aligns says what is missing.
func TestCoverageNeedsNoDictionaries(t *testing.T) {
	none := []string{"POLICYCMP_JIEBA_DICT=" + t.TempDir()}
	code, out := runProcess(t, none, "coverage", "-q")
	assert.Equal(t, exitOK, code, out)
	assert.Contains(t, out, "insurance.payment")
	code, out = runProcess(t, none, "align", "-q")
	if code == exitOK {
		t.Skipf("a build without cgo aligns on character pairs: %s", out)
	}
	assert.Equal(t, exitError, code)
	assert.Contains(t, out, "policycmp dict install")
}

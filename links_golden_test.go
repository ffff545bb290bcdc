package policycmp_test

import (
	"context"
	"crypto/sha256"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/policycmp/policycmp"
)

var updateLinks = flag.Bool("update-links", false, "rewrite testdata/links-*.golden from the current aligner")

// linkLines lists a result's clause links, task links and reuse spans one
// per line: what the speed work must leave unchanged.
func linkLines(res *policycmp.Result) string {
	var b strings.Builder
	for _, l := range res.Alignments {
		fmt.Fprintf(&b, "clause %s %s %.3f %s %s\n", l.A, l.B, l.Score, l.Kind, l.Relation)
	}
	for _, l := range res.TaskAlignments {
		fmt.Fprintf(&b, "task %s %s %.3f %s %s\n", l.A, l.B, l.Score, l.Kind, l.Relation)
	}
	for _, r := range res.Reuse {
		fmt.Fprintf(&b, "reuse %s %s %d-%d %d-%d %d\n", r.A, r.B, r.AStart, r.AEnd, r.BStart, r.BEnd, r.Chars)
	}
	return b.String()
}

// linkDigest is one line per kind of link (clause, task, reuse): how many
// and the SHA-256 of their lines. The real documents' links are kept so:
// the golden file then holds nothing derived from their text.
func linkDigest(lines string) string {
	byKind := map[string][]string{}
	var kinds []string
	for _, l := range strings.SplitAfter(lines, "\n") {
		if l == "" {
			continue
		}
		k, _, _ := strings.Cut(l, " ")
		if _, ok := byKind[k]; !ok {
			kinds = append(kinds, k)
		}
		byKind[k] = append(byKind[k], l)
	}
	var b strings.Builder
	for _, k := range kinds {
		fmt.Fprintf(&b, "%s %d %x\n", k, len(byKind[k]), sha256.Sum256([]byte(strings.Join(byKind[k], ""))))
	}
	return b.String()
}

// checkLinks compares the links of docs with a reviewed golden file, in
// full or as a digest (go test -run TestLinksUnchanged -update-links
// rewrites it; review the diff before committing it).
func checkLinks(t *testing.T, docs []*policycmp.Document, golden string, digest bool) {
	t.Helper()
	res, err := policycmp.Compare(context.Background(), docs, policycmp.Config{})
	require.NoError(t, err)
	got := linkLines(res)
	if digest {
		got = linkDigest(got)
	}
	path := filepath.Join("testdata", golden)
	if *updateLinks {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	if got == string(want) {
		return
	}
	gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
	have := map[string]bool{}
	for _, l := range gl {
		have[l] = true
	}
	wanted := map[string]bool{}
	var lost, added []string
	for _, l := range wl {
		wanted[l] = true
		if !have[l] {
			lost = append(lost, l)
		}
	}
	for _, l := range gl {
		if !wanted[l] {
			added = append(added, l)
		}
	}
	t.Errorf("%s: links changed: %d lines lost, %d added (first lost %q, first added %q)", golden, len(lost), len(added), first(lost), first(added))
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

// The links on the seeds, and on the seeds with ../shared/real when it is
// beside the checkout, are those of the reviewed golden files: speed work
// must not change what is found.
func TestLinksUnchanged(t *testing.T) {
	seedDocs := loadSeeds(t)
	checkLinks(t, seedDocs, "links-seeds.golden", false)
	files, _ := filepath.Glob("../shared/real/*.txt")
	if len(files) == 0 {
		t.Skip("no ../shared/real beside the checkout: only the seeds' links are checked")
	}
	docs := append([]*policycmp.Document(nil), seedDocs...)
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		d, err := policycmp.Ingest(filepath.Base(f), data, policycmp.Options{})
		require.NoError(t, err)
		docs = append(docs, d)
	}
	checkLinks(t, docs, "links-real.digest", true)
}

package report_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/policycmp/policycmp/report"
)

func findBrowser() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// TestHTMLInBrowser opens the seed report in headless Chromium and checks
// what a person sees: one heatmap column per document, diffs with
// insertions and deletions, and the page script ran without error.
func TestHTMLInBrowser(t *testing.T) {
	browser := findBrowser()
	if browser == "" {
		t.Skip("no Chromium found: install Debian's chromium package (bash .ci/run does) to run the browser test")
	}
	res := seedResult(t)
	var buf bytes.Buffer
	require.NoError(t, report.Build(res, report.Options{}).HTML(&buf))
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	require.NoError(t, os.WriteFile(page, buf.Bytes(), 0o644))

	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	args := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + filepath.Join(dir, "profile"), "--virtual-time-budget=3000"}
	dom, err := exec.CommandContext(ctx, browser, append(args, "--dump-dom", "file://"+page)...).Output()
	require.NoError(t, err)
	html := string(dom)

	assert.Contains(t, html, `data-ready="1"`, "the page script ran to its end (no script error)")
	assert.Equal(t, len(res.Documents), strings.Count(html, `<th class="doc"`), "one heatmap column per document")
	rows := regexp.MustCompile(`<td class="cell"`).FindAllStringIndex(html, -1)
	assert.Equal(t, 28*len(res.Documents), len(rows), "a cell per theme and document")
	assert.Regexp(t, `<del>[^<]+</del>`, html, "a diff shows deletions")
	assert.Regexp(t, `<ins>[^<]+</ins>`, html, "a diff shows insertions")

	shot := filepath.Join(dir, "shot.png")
	cmd := exec.CommandContext(ctx, browser, append(args, "--window-size=1400,1800", "--screenshot="+shot, "file://"+page)...)
	require.NoError(t, cmd.Run())
	st, err := os.Stat(shot)
	require.NoError(t, err)
	assert.Greater(t, st.Size(), int64(20000), "the screenshot shows a rendered page")
}

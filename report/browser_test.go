package report_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/policycmp/policycmp"
	"github.com/policycmp/policycmp/internal/scale"
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

// page is a report opened in headless Chromium, with every script error
// and console error it raised.
type page struct {
	ctx    context.Context
	mu     sync.Mutex
	errors []string
}

func (p *page) errs() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.errors...)
}

// open writes the report of res to a file and loads it in the browser.
func open(t *testing.T, res *policycmp.Result, opts report.Options) *page {
	t.Helper()
	browser := findBrowser()
	if browser == "" {
		t.Skip("no Chromium found: install Debian's chromium package (bash .ci/run does) to run the browser test")
	}
	var buf bytes.Buffer
	require.NoError(t, report.Build(res, opts).HTML(&buf))
	dir := t.TempDir()
	file := filepath.Join(dir, "report.html")
	require.NoError(t, os.WriteFile(file, buf.Bytes(), 0o644))

	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(browser), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(filepath.Join(dir, "profile")), chromedp.WindowSize(1400, 1000))
	ctx, cancelCtx := chromedp.NewContext(alloc)
	ctx, cancelTimeout := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	p := &page{ctx: ctx}
	require.NoError(t, chromedp.Listen(ctx, func(ev any) {
		p.mu.Lock()
		defer p.mu.Unlock()
		switch e := ev.(type) {
		case *runtime.EventExceptionThrown:
			msg := e.ExceptionDetails.Text
			if e.ExceptionDetails.Exception != nil {
				msg += " " + e.ExceptionDetails.Exception.Description
			}
			p.errors = append(p.errors, "exception: "+msg)
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError {
				p.errors = append(p.errors, fmt.Sprintf("console.error: %d args", len(e.Args)))
			}
		}
	}))
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate("file://"+file), chromedp.WaitVisible(`body[data-ready="1"]`)))
	return p
}

// eval runs a script in the page and returns its value.
func eval[T any](t *testing.T, p *page, js string) T {
	t.Helper()
	out, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](js))
	require.NoError(t, err, js)
	return out
}

// set changes a filter control and fires its change event.
func set(t *testing.T, p *page, id, value string) {
	t.Helper()
	eval[bool](t, p, fmt.Sprintf(`(function(){var e=document.getElementById(%q); e.value=%q; e.dispatchEvent(new Event("change")); return true})()`, id, value))
}

// search types text into the search box and waits out its debounce.
func search(t *testing.T, p *page, text string) {
	t.Helper()
	eval[bool](t, p, fmt.Sprintf(`(function(){var e=document.getElementById("f-q"); e.value=%q; e.dispatchEvent(new Event("input")); return true})()`, text))
	require.NoError(t, chromedp.Do(p.ctx, chromedp.Sleep(400*time.Millisecond)))
}

func total(t *testing.T, p *page, pager string) int {
	return eval[int](t, p, fmt.Sprintf(`+document.getElementById(%q).getAttribute("data-total")`, pager))
}

// TestHTMLInBrowser opens the seed report in headless Chromium and uses it
// as an analyst would: the filters change what is shown, a heatmap cell
// opens its tasks with the evidence highlighted, every aligned pair is
// reachable page by page, two documents read side by side, and the page
// raises no script or console error.
func TestHTMLInBrowser(t *testing.T) {
	res := seedResult(t)
	p := open(t, res, report.Options{})
	n := len(res.Documents)

	assert.Equal(t, n, eval[int](t, p, `document.querySelectorAll("#heatmap th.doc").length`), "one heatmap column per document")
	assert.Equal(t, 28*n, eval[int](t, p, `document.querySelectorAll("#heatmap td.cell").length`), "a cell per theme and document")

	// Every aligned pair is reachable: walk the pages and count.
	all := total(t, p, "pairs-pager")
	assert.Equal(t, len(res.Alignments), all, "the pager counts every clause link")
	seen := eval[int](t, p, `(function(){var n=0; for(var i=0;i<1000;i++){n+=document.querySelectorAll("#pairs-list .pair").length; var b=document.querySelector("#pairs-pager .next"); if(!b||b.disabled)break; b.click();} return n})()`)
	assert.Equal(t, all, seen, "paging through shows every pair once")
	set(t, p, "f-rel", "adapted")
	assert.Greater(t, eval[int](t, p, `document.querySelectorAll("#pairs-list del, #pairs-list ins").length`), 0, "diffs of adapted pairs show deletions and insertions")
	set(t, p, "f-rel", "")

	// The document filter keeps only pairs that involve the document.
	set(t, p, "f-doc", "1")
	byDoc := total(t, p, "pairs-pager")
	assert.Less(t, byDoc, all)
	assert.Greater(t, byDoc, 0)
	label := eval[string](t, p, `document.querySelector("#f-doc option[value='1']").textContent`)
	assert.True(t, eval[bool](t, p, fmt.Sprintf(`Array.from(document.querySelectorAll("#pairs-list .pair .meta")).every(function(m){return m.textContent.indexOf(%q)>=0})`, label)))
	assert.Equal(t, 1, eval[int](t, p, `Array.from(document.querySelectorAll("#heatmap th.doc")).filter(function(e){return !e.hidden}).length`), "the heatmap shows the chosen document's column")
	set(t, p, "f-doc", "")

	// The relation filter.
	set(t, p, "f-rel", "related")
	related := total(t, p, "pairs-pager")
	set(t, p, "f-rel", "equivalent")
	equivalent := total(t, p, "pairs-pager")
	assert.Equal(t, all, related+equivalent)
	assert.Greater(t, equivalent, 0)
	set(t, p, "f-rel", "")

	// The theme filter narrows the heatmap to one row and the pairs to the theme.
	set(t, p, "f-theme", "6") // pharma.procurement, the seventh theme
	assert.Equal(t, 1, eval[int](t, p, `Array.from(document.querySelectorAll("#heatmap tr.theme")).filter(function(e){return !e.hidden}).length`))
	assert.Less(t, total(t, p, "pairs-pager"), all)
	set(t, p, "f-theme", "")

	// Search text.
	search(t, p, "集中带量采购")
	found := total(t, p, "pairs-pager")
	assert.Greater(t, found, 0)
	assert.Less(t, found, all)
	assert.True(t, eval[bool](t, p, `Array.from(document.querySelectorAll("#pairs-list .pair")).every(function(m){return m.textContent.indexOf("集中带量采购")>=0})`))
	search(t, p, "")
	assert.Equal(t, all, total(t, p, "pairs-pager"))

	// A heatmap cell opens its tasks with the theme terms highlighted.
	eval[bool](t, p, `(document.querySelector("#heatmap td.cell.has").click(), true)`)
	require.False(t, eval[bool](t, p, `document.getElementById("cell-panel").hidden`), "the panel opens: %v", p.errs())
	want := eval[int](t, p, `+document.querySelector("#heatmap td.cell.has").getAttribute("data-tasks")`)
	assert.Equal(t, want, eval[int](t, p, `document.querySelectorAll("#cell-panel .task").length`), "the panel lists the cell's tasks")
	assert.Greater(t, eval[int](t, p, `document.querySelectorAll("#cell-panel mark").length`), 0, "evidence terms are highlighted")
	eval[bool](t, p, `(document.getElementById("cell-close").click(), true)`)
	assert.True(t, eval[bool](t, p, `document.getElementById("cell-panel").hidden`))

	// Side by side: the reference's tasks beside their counterparts.
	rows := eval[int](t, p, `document.querySelectorAll("#side-table tbody tr").length`)
	assert.GreaterOrEqual(t, rows, len(res.Documents[2].Tasks), "a row per task of the reference at least")
	assert.Greater(t, eval[int](t, p, `document.querySelectorAll("#side-table del, #side-table ins").length`), 0, "linked clauses show their diffs")
	set(t, p, "side-b", "3")
	assert.Contains(t, eval[string](t, p, `document.getElementById("side-hb").textContent`), eval[string](t, p, `document.querySelector("#side-b option[value='3']").textContent`))

	// The unique measures are all reachable, not the first 25.
	assert.Equal(t, len(report.Build(res, report.Options{}).Unique), total(t, p, "unique-pager"))

	assert.Empty(t, p.errs(), "no script or console errors")
}

// TestHTMLFiftyDocuments opens a report of 50 generated documents: the
// page stays bounded (lists are paged, so the DOM does not grow with the
// links) and the filters still work. Load and filter times are logged.
func TestHTMLFiftyDocuments(t *testing.T) {
	if testing.Short() {
		t.Skip("short mode: the 50-document browser test aligns a generated corpus")
	}
	if findBrowser() == "" {
		t.Skip("no Chromium found: install Debian's chromium package (bash .ci/run does) to run the browser test")
	}
	ctx := context.Background()
	gen, err := scale.New(ctx)
	require.NoError(t, err)
	var docs []*policycmp.Document
	for _, d := range gen.Generate(50, 7) {
		doc, err := policycmp.IngestString(d.Name, d.Text)
		require.NoError(t, err)
		docs = append(docs, doc)
	}
	res, err := policycmp.Compare(ctx, docs, policycmp.Config{})
	require.NoError(t, err)
	start := time.Now()
	p := open(t, res, report.Options{})
	t.Logf("50 documents, %d clause links: page ready in %v", len(res.Alignments), time.Since(start))

	assert.Equal(t, 50, eval[int](t, p, `document.querySelectorAll("#heatmap th.doc").length`))
	nodes := eval[int](t, p, `document.getElementsByTagName("*").length`)
	t.Logf("%d DOM elements", nodes)
	assert.Less(t, nodes, 40000, "paged lists keep the page small")
	all := total(t, p, "pairs-pager")
	assert.Equal(t, len(res.Alignments), all)
	start = time.Now()
	set(t, p, "f-doc", "10")
	t.Logf("document filter applied in %v", time.Since(start))
	assert.Less(t, total(t, p, "pairs-pager"), all)
	assert.Empty(t, p.errs(), "no script or console errors")
}

package report

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"github.com/policycmp/policycmp/align"
)

// labelsTSV holds the report's fixed words: key, Chinese, English.
//
//go:embed labels.tsv
var labelsTSV string

// labelTable parses labels.tsv once; the table is never written after.
var labelTable = sync.OnceValue(func() map[string][2]string {
	m := map[string][2]string{}
	for _, line := range strings.Split(labelsTSV, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) == 3 {
			m[f[0]] = [2]string{f[1], f[2]}
		}
	}
	return m
})

// L returns the label for key in the report language, or key itself when
// there is none.
func (r *Report) L(key string) string {
	l, ok := labelTable()[key]
	if !ok {
		return key
	}
	if r.Lang == "en" {
		return l[1]
	}
	return l[0]
}

// Lf fills the label for key with args.
func (r *Report) Lf(key string, args ...any) string { return fmt.Sprintf(r.L(key), args...) }

// Why words a link's evidence in the report language: empty for a
// verbatim pair (the relation label says it) and for unlabelled links.
func (r *Report) Why(e *align.Evidence) string {
	if e == nil {
		return ""
	}
	switch e.Basis {
	case align.BasisTarget:
		if e.TargetA != nil && e.TargetB != nil {
			m := e.Metric
			if m == "" {
				m = r.L("metric")
			}
			return r.Lf("why_target", m, e.TargetB.String(), e.TargetA.String())
		}
	case align.BasisWording:
		why := r.Lf("why_share", int(e.SharedPairs*100+0.5))
		if len(e.Concept) == 2 {
			why += r.Lf("why_concept", e.Concept[0], e.Concept[1])
		}
		return why
	}
	return ""
}

// Level names a document level in the report language.
func (r *Report) Level(level string) string {
	if level == "" {
		return ""
	}
	return r.L(level)
}

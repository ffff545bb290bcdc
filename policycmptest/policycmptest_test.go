package policycmptest_test

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/policycmp/policycmp"
	"github.com/policycmp/policycmp/policycmptest"
	"github.com/policycmp/policycmp/seeds"
)

// recorder is a testing.TB that keeps failures instead of failing.
type recorder struct {
	testing.TB
	errors []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

func TestAssertCoversOnSeeds(t *testing.T) {
	docs, err := policycmp.LoadFS(context.Background(), seeds.FS(), seeds.Names(), policycmp.Options{})
	require.NoError(t, err)
	res, err := policycmp.Compare(context.Background(), docs, policycmp.Config{})
	require.NoError(t, err)
	zj, jd := res.Documents[0], res.Documents[3]

	policycmptest.AssertCovers(t, zj, "pharma.procurement", "insurance.payment", "personnel.pay", "delivery.tcm")
	policycmptest.AssertCovers(t, jd, "delivery.familydoctor", "delivery.private", "publichealth.covid")

	rec := &recorder{TB: t}
	assert.False(t, policycmptest.AssertCovers(rec, jd, "pricing.service"), "Jiading 2020 has no pricing task")
	require.Len(t, rec.errors, 1)
	assert.Contains(t, rec.errors[0], "does not cover theme pricing.service")

	rec = &recorder{TB: t}
	assert.False(t, policycmptest.AssertNotCovers(rec, zj, "pharma.procurement"))
	assert.Len(t, rec.errors, 1)

	cov := res.Coverage()
	assert.True(t, cov.Has(zj.ID, "pharma.procurement"))
	assert.Contains(t, cov.Missing(jd.ID, zj.ID), "pricing.service")
	// Jiading alone has no pricing measure; the national plan states one
	// inside its public-hospital task (深化医疗服务价格改革).
	assert.Equal(t, []string{zj.ID, res.Documents[1].ID, res.Documents[2].ID, res.Documents[4].ID}, cov.Docs("pricing.service"))
}

// A misspelled theme ID and a document never classified are said as such,
// not as "does not cover"; Load ingests and classifies in one call.
func TestMisuseIsNamed(t *testing.T) {
	path := t.TempDir() + "/plan.txt"
	require.NoError(t, os.WriteFile(path, []byte("一、任务\n(一)深化医保支付方式改革,推行按病种分值付费。"), 0o644))
	doc := policycmptest.Load(t, path)
	policycmptest.AssertCovers(t, doc, "insurance.payment")

	rec := &recorder{TB: t}
	assert.False(t, policycmptest.AssertCovers(rec, doc, "insurance.paymnet"))
	require.NotEmpty(t, rec.errors)
	assert.Contains(t, rec.errors[0], `"insurance.paymnet" is not a theme`)

	raw, err := policycmp.IngestFile(path, policycmp.Options{})
	require.NoError(t, err)
	rec = &recorder{TB: t}
	assert.False(t, policycmptest.AssertCovers(rec, raw, "insurance.payment"))
	require.NotEmpty(t, rec.errors)
	assert.Contains(t, rec.errors[0], "has not been classified")
}

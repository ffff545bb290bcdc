package policycmp_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/policycmp/policycmp"
	"github.com/policycmp/policycmp/seeds"
	"github.com/policycmp/policycmp/segment"
)

// Tasks whose headings read nearly the same are counterparts even when no
// clause link joins them: the national plan's 健全公共卫生体系 summary and
// Changji's 健全公共卫生服务体系 share only general words (公共卫生, 体系),
// on which no clause link may rest.
func TestSeedHeadingCounterparts(t *testing.T) {
	seg, err := segment.Shared()
	if err != nil {
		t.Skipf("jieba dictionaries unavailable: %v", err)
	}
	docs, err := policycmp.LoadFS(context.Background(), seeds.FS(), seeds.Names(), policycmp.Options{})
	require.NoError(t, err)
	res, err := policycmp.Compare(context.Background(), docs, policycmp.Config{Aligner: policycmp.NewAligner(seg)})
	require.NoError(t, err)
	heading := map[string]string{}
	for _, d := range res.Documents {
		for _, tk := range d.Tasks {
			heading[tk.ID] = tk.Heading
		}
	}
	linked := map[[2]string]bool{}
	for _, l := range res.TaskAlignments {
		linked[[2]string{heading[l.A], heading[l.B]}] = true
		linked[[2]string{heading[l.B], heading[l.A]}] = true
	}
	for _, p := range [][2]string{
		{"健全公共卫生服务体系", "健全公共卫生体系"},
		{"提高公共卫生服务能力", "提升公共卫生服务能力"},
		{"完善政府投入机制", "完善政府投入机制"},
	} {
		assert.True(t, linked[p], "%s ~ %s", p[0], p[1])
	}
}

func TestResultClause(t *testing.T) {
	a, err := policycmp.IngestString("a.txt", "一、任务\n(一)推进紧密型县域医共体建设。")
	require.NoError(t, err)
	b, err := policycmp.IngestString("b.txt", "一、任务\n(一)推进紧密型县域医共体建设工作。")
	require.NoError(t, err)
	res, err := policycmp.Compare(context.Background(), []*policycmp.Document{a, b}, policycmp.Config{Aligner: policycmp.NewAligner(nil)})
	require.NoError(t, err)
	require.NotEmpty(t, res.Alignments)
	c, task := res.Clause(res.Alignments[0].B)
	require.NotNil(t, c)
	assert.Equal(t, "b/一/(一)", task.ID)
	assert.Equal(t, b, res.Document("b"))
	c, _ = res.Clause("nosuch/1")
	assert.Nil(t, c)
}

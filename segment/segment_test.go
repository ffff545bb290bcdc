package segment_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/policycmp/policycmp/segment"
	"github.com/policycmp/policycmp/taxonomy"
)

func shared(t testing.TB) *segment.Jieba {
	t.Helper()
	s, err := segment.Shared()
	if err != nil {
		t.Skipf("jieba dictionaries unavailable: %v", err)
	}
	return s
}

func TestMissingDictionaryIsAnError(t *testing.T) {
	s, err := segment.NewJieba(segment.Options{DictDir: t.TempDir()})
	assert.Nil(t, s)
	require.ErrorIs(t, err, segment.ErrDictNotFound)
	assert.Contains(t, err.Error(), "jieba.dict.utf8")
}

func TestDomainTermsStayWhole(t *testing.T) {
	s := shared(t)
	words := map[string]bool{}
	for _, tok := range s.Segment("推进紧密型县域医共体建设,实行按病种分值付费,做实家庭医生签约服务,深化医防融合,推广三明医改经验,实施乙类乙管") {
		words[tok.Text] = true
	}
	for _, w := range []string{"医共体", "按病种分值付费", "医防融合", "乙类乙管"} {
		assert.True(t, words[w], "%s stays one word in %v", w, words)
	}
}

func TestOffsetsAndPunctuation(t *testing.T) {
	s := shared(t)
	text := "落实“两个允许”要求,健全服务购买机制。"
	for _, tok := range s.Segment(text) {
		assert.Equal(t, tok.Text, text[tok.Start:tok.End])
		assert.NotContains(t, []string{"“", "”", ",", "。"}, tok.Text)
	}
}

func TestFoldAndWords(t *testing.T) {
	assert.Equal(t, "集中带量采购", segment.Fold("集采"))
	assert.Equal(t, "基本药物", segment.Fold("基药"))
	assert.Equal(t, "长期护理保险", segment.Fold("长护险"))
	assert.Equal(t, "医院", segment.Fold("医院"))
	assert.Equal(t, "平稳实施新冠乙类乙管", segment.FoldText("平稳实施新型冠状病毒感染乙类乙管"))
	assert.Equal(t, "推进县域医共体建设", segment.FoldText("推进县域医共体建设"), "a canonical form holding a variant stays")
	assert.Equal(t, "推进县域医共体建设", segment.FoldText("推进县域医疗共同体建设"))
	// Folding is idempotent on every variant and canonical form.
	for _, w := range []string{"县域医疗共同体", "医疗共同体", "医共体", "县域医共体", "新型冠状病毒感染", "新冠", "多学科联合诊疗", "多学科诊疗", "家庭医生团队", "卫生健康委员会"} {
		once := segment.FoldText("在" + w + "中")
		assert.Equal(t, once, segment.FoldText(once), w)
	}
	assert.True(t, segment.IsStop("加强"))

	assert.Equal(t, []string{"进集", "集中带量采购", "采工"}, segment.Words(segment.Bigrams, "推进集采工作"),
		"stop words dropped, variants folded")
	s := shared(t)
	ws := segment.Words(s, "加强集采和基药的管理")
	assert.Contains(t, ws, "集中带量采购")
	assert.Contains(t, ws, "基本药物")
	assert.NotContains(t, ws, "加强")
	assert.NotContains(t, ws, "的")
}

func TestBigrams(t *testing.T) {
	toks := segment.Bigrams.Segment("医保DRG改革")
	var got []string
	for _, tk := range toks {
		got = append(got, tk.Text)
	}
	assert.Equal(t, []string{"医保", "DRG", "改革"}, got)
}

func TestIDF(t *testing.T) {
	s := shared(t)
	rare, ok := s.IDF("三明")
	require.True(t, ok)
	common, ok := s.IDF("加强")
	require.True(t, ok)
	assert.Greater(t, rare, common)
	_, ok = s.IDF("不存在的词语甲乙丙")
	assert.False(t, ok)
}

// Segment is safe for concurrent use (run with -race).
func TestConcurrentSegment(t *testing.T) {
	s := shared(t)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 50 {
				assert.NotEmpty(t, s.Segment("深化医药卫生体制改革重点工作任务"))
			}
		}()
	}
	wg.Wait()
}

func BenchmarkSegment(b *testing.B) {
	s := shared(b)
	text := "推进紧密型县域医共体建设,实行按病种分值付费,做实家庭医生签约服务,深化医防融合,推广三明医改经验。加强基层医疗卫生机构能力建设,推进乡村医生队伍建设。"
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		s.Segment(text)
	}
}

func TestSplitJoinsBack(t *testing.T) {
	s := "深化药品和医用耗材集中带量采购改革,“两个允许”落实率100%。"
	for _, seg := range []segment.Segmenter{segment.Bigrams, shared(t)} {
		parts := segment.Split(seg, s)
		assert.Equal(t, s, strings.Join(parts, ""))
		for _, p := range parts {
			assert.NotEmpty(t, p)
		}
	}
	parts := segment.Split(shared(t), s)
	assert.Contains(t, parts, "集中带量采购", "the domain dictionary keeps the term whole")
	assert.Contains(t, parts, ",", "punctuation between tokens is kept")
	assert.Empty(t, segment.Split(segment.Bigrams, ""))
}

func TestConcepts(t *testing.T) {
	got := segment.Concepts("完善医保付费总额控制，推进县域医共体建设，县域医共体实行总额付费")
	assert.Equal(t, []segment.Mention{
		{ID: "insurance.payment/global_budget", Form: "总额控制"},
		{ID: "delivery.county/community", Form: "县域医共体"}, // the longest form, not 医共体 inside it
		{ID: "insurance.payment/global_budget", Form: "总额付费"},
	}, got)
	assert.Empty(t, segment.Concepts("加强组织领导"))
	assert.Empty(t, segment.Concepts(""))
}

// Every concept belongs to a theme of the codebook: its ID is THEME/slug.
func TestConceptThemes(t *testing.T) {
	tax := taxonomy.Default()
	ids := map[string]bool{}
	for _, id := range tax.IDs() {
		ids[id] = true
	}
	for _, m := range segment.ConceptList() {
		theme, slug, ok := strings.Cut(m.ID, "/")
		assert.True(t, ok && slug != "", "%s: want THEME/slug", m.ID)
		assert.True(t, ids[theme], "%s: %s is not a codebook theme", m.ID, theme)
	}
}

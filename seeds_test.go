package policycmp_test

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/policycmp/policycmp"
	"github.com/policycmp/policycmp/seeds"
)

func loadSeeds(t testing.TB) []*policycmp.Document {
	t.Helper()
	docs, err := policycmp.LoadFS(context.Background(), seeds.FS(), seeds.Names(), policycmp.Options{})
	require.NoError(t, err)
	require.Len(t, docs, 5)
	return docs
}

func seed(t testing.TB, docs []*policycmp.Document, prefix string) *policycmp.Document {
	t.Helper()
	for _, d := range docs {
		if strings.HasPrefix(d.ID, prefix) {
			return d
		}
	}
	t.Fatalf("no seed %s", prefix)
	return nil
}

func TestSeedStructure(t *testing.T) {
	docs := loadSeeds(t)
	tests := []struct {
		desc, prefix, region string
		level                policycmp.Level
		year, tasks          int
	}{
		{"Zhejiang, pasted twice", "000", "浙江", policycmp.LevelProvince, 2024, 22},
		{"Changji, traditional with pinyin", "001", "昌吉", policycmp.LevelPrefecture, 2024, 20},
		{"national article, 一是 and (一)", "002", "全国", policycmp.LevelNational, 2023, 17},
		{"Jiading, groups of numbered items", "003", "嘉定", policycmp.LevelDistrict, 2020, 26},
		{"Heyuan, full-width brackets", "004", "河源", policycmp.LevelCity, 2023, 22},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			d := seed(t, docs, tc.prefix)
			assert.Len(t, d.Tasks, tc.tasks)
			assert.Contains(t, d.Region, tc.region)
			assert.Equal(t, tc.level, d.Level)
			assert.Equal(t, tc.year, d.Year)
			ids := map[string]bool{}
			for _, task := range d.Tasks {
				assert.False(t, ids[task.ID], "duplicate task ID %s", task.ID)
				ids[task.ID] = true
				assert.NotEmpty(t, task.Clauses, task.ID)
				assert.NotEmpty(t, task.Heading, task.ID)
			}
		})
	}
}

var (
	reLeftovers = regexp.MustCompile(`[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]|免责声明|点击次数|提交者|扫一扫|政策留言板|bookmark|图片来源|更多资讯|二维码|http`)
	// A few characters that exist only in traditional script.
	reTraditional = regexp.MustCompile(`[醫療衛體務與區發關設機構單質]`)
)

func TestSeedTextIsClean(t *testing.T) {
	for _, d := range loadSeeds(t) {
		for _, task := range d.Tasks {
			assert.NotRegexp(t, reLeftovers, task.Text, task.ID)
			assert.NotRegexp(t, reTraditional, task.Text, task.ID)
			assert.NotContains(t, task.Text, "(牵头部门", task.ID)
			assert.NotContains(t, task.Text, "按职责分工负责", task.ID)
		}
	}
}

func TestSeedRepairs(t *testing.T) {
	docs := loadSeeds(t)
	kinds := func(d *policycmp.Document) map[policycmp.WarningKind]int {
		m := map[policycmp.WarningKind]int{}
		for _, w := range d.Warnings {
			m[w.Kind]++
		}
		return m
	}

	zj := seed(t, docs, "000")
	assert.Equal(t, 1, kinds(zj)[policycmp.WarnDuplicate], "the repeated copy is reported")
	var numbers []string
	for _, task := range zj.Tasks {
		numbers = append(numbers, task.Number)
	}
	assert.Contains(t, numbers, "(七)", "the item only the second copy has is kept")
	assert.Equal(t, "(一)", numbers[0])
	assert.Equal(t, "(二十二)", numbers[len(numbers)-1])

	cj := seed(t, docs, "001")
	assert.Positive(t, kinds(cj)[policycmp.WarnTraditional])
	assert.Positive(t, kinds(cj)[policycmp.WarnPinyin])
	assert.Positive(t, kinds(cj)[policycmp.WarnDamaged])
	damaged := 0
	for _, task := range cj.Tasks {
		for _, c := range task.Clauses {
			if c.Damaged {
				damaged++
				assert.Contains(t, c.Text, "?", "a damaged clause keeps its damage visible")
			}
		}
	}
	assert.Positive(t, damaged)
	assert.Contains(t, cj.Tasks[0].Text, "区域医疗中心")
	cjAll := ""
	for _, task := range cj.Tasks {
		cjAll += task.Text
	}
	assert.Contains(t, cjAll, "执业(助理)医师", "real parentheses stay")
	assert.Contains(t, cj.Text, "各县(市)", "real parentheses stay")

	nat := seed(t, docs, "002")
	all := ""
	for _, task := range nat.Tasks {
		all += task.Text
	}
	for _, joined := range []string{"实施大学生乡村医生专项计划", "探索对紧密型医疗联合体", "总结评估试点情况"} {
		assert.Contains(t, all, joined, "sentence cut by a caption, pull-quote or break is re-joined")
	}
	assert.Equal(t, 2, kinds(nat)[policycmp.WarnRejoined], "joins across a removed caption or a dropped pull-quote, each with its offset")
	assert.Equal(t, 1, kinds(nat)[policycmp.WarnReflowed], "the plain line-break joins, counted in one warning")
	assert.Equal(t, 1, kinds(nat)[policycmp.WarnPullQuote])
	assert.Equal(t, 1, strings.Count(all, "推进国家医学中心和区域医疗中心设置建设"), "the pull-quote is not kept as text")
}

func TestSeedDepartmentsAndTargets(t *testing.T) {
	docs := loadSeeds(t)
	jd := seed(t, docs, "003")
	var pay *policycmp.Task
	for _, task := range jd.Tasks {
		if task.Heading == "深化医保支付方式改革" {
			pay = task
		}
	}
	require.NotNil(t, pay)
	assert.Equal(t, []string{"区医保局"}, pay.Departments.Lead)
	assert.Equal(t, []string{"区卫生健康委", "区财政局"}, pay.Departments.Support)

	hy := seed(t, docs, "004")
	price := hy.Tasks[8]
	assert.Equal(t, "推进医疗服务价格改革", price.Heading)
	assert.Equal(t, []string{"市财政局", "市卫生健康局", "市医保局"}, price.Departments.Lead)
	assert.Empty(t, price.Departments.Support)
	assert.Equal(t, []string{"各县区政府", "江东新区管委会"}, price.Departments.Local)
	require.NotEmpty(t, price.Targets)
	two := price.Targets[0]
	assert.Equal(t, 2.0, two.Value, "两年 is read as 2")
	assert.Equal(t, "年", two.Unit)
	assert.Equal(t, "<=", two.Comparator)

	var ratio *policycmp.Target
	for _, task := range hy.Tasks {
		for i, tg := range task.Targets {
			if tg.Unit == "%" && tg.Value == 42 {
				ratio = &task.Targets[i]
			}
		}
	}
	require.NotNil(t, ratio)
	assert.Equal(t, ">=", ratio.Comparator)
	assert.Equal(t, 2023, ratio.Deadline, "年底前 is the document's year")
	assert.Equal(t, "人员支出占业务支出比重", ratio.Indicator)
}

func TestSeedOffsetsPointIntoRaw(t *testing.T) {
	for _, d := range loadSeeds(t) {
		for _, task := range d.Tasks {
			assert.True(t, 0 <= task.Start && task.Start < task.End && task.End <= len(d.Raw), task.ID)
			for _, c := range task.Clauses {
				require.True(t, 0 <= c.Start && c.Start < c.End && c.End <= len(d.Raw), c.ID)
				raw := policycmp.NormalizeString(d.Raw[c.Start:c.End])
				// The raw span holds the clause's first and last characters
				// (after width folding; traditional text maps character by character).
				first, last := []rune(c.Text)[0], []rune(c.Text)[len([]rune(c.Text))-1]
				if d.ID[:3] != "001" {
					assert.True(t, strings.ContainsRune(raw, first) && strings.ContainsRune(raw, last), "%s: %q not in %q", c.ID, c.Text, raw)
				}
			}
		}
	}
}

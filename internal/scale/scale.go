// Package scale builds deterministic synthetic corpora for the scale
// benchmark: documents that recombine and perturb the tasks and clauses of
// the seed documents — shuffled tasks, edited wording, changed numbers,
// damaged spans, page chrome — so that every stage of the pipeline has real
// work to do at any size.
package scale

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/policycmp/policycmp"
	"github.com/policycmp/policycmp/seeds"
)

// Doc is one generated document.
type Doc struct {
	Name string
	Text string
}

type sourceTask struct {
	heading string
	clauses []string
}

var regions = []string{"杭州", "宁波", "温州", "绍兴", "湖州", "嘉兴", "金华", "衢州", "台州", "丽水", "南京", "苏州", "无锡", "常州",
	"合肥", "芜湖", "福州", "厦门", "南昌", "赣州", "济南", "青岛", "郑州", "洛阳", "武汉", "宜昌", "长沙", "岳阳", "广州", "韶关",
	"南宁", "柳州", "成都", "绵阳", "贵阳", "遵义", "昆明", "曲靖", "西安", "宝鸡", "兰州", "天水", "西宁", "银川", "乌鲁木齐", "克拉玛依"}

var sectionNames = []string{"构建优质高效服务体系", "深化三医协同发展和治理", "强化公共卫生体系建设", "推进医药卫生高质量发展", "加强组织实施", "提升卫生健康人才能力"}

var chrome = []string{"发布时间:2024-%02d-%02d", "点击次数:%d", "[bookmark: _GoBack]", "扫一扫在手机打开当前页", "免责声明", "图片来源:摄图网"}

var depts = []string{"市卫生健康局", "市医保局", "市财政局", "市发展改革局", "市人力资源社会保障局", "市市场监管局", "市教育局", "市民政局"}

var cnNums = []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十",
	"二十一", "二十二", "二十三", "二十四", "二十五", "二十六", "二十七", "二十八", "二十九", "三十", "三十一", "三十二", "三十三", "三十四", "三十五", "三十六", "三十七", "三十八", "三十九", "四十",
	"四十一", "四十二", "四十三", "四十四", "四十五", "四十六", "四十七", "四十八", "四十九", "五十"}

// Generator makes documents from the seed material. It is not safe for
// concurrent use; Generate is deterministic for a given seed.
type Generator struct {
	tasks []sourceTask
}

// New parses the embedded seed documents as material.
func New(ctx context.Context) (*Generator, error) {
	docs, err := policycmp.LoadFS(ctx, seeds.FS(), seeds.Names(), policycmp.Options{})
	if err != nil {
		return nil, fmt.Errorf("scale: load seeds: %w", err)
	}
	g := &Generator{}
	for _, d := range docs {
		for _, t := range d.Tasks {
			st := sourceTask{heading: t.Heading}
			for _, c := range t.Clauses[1:] {
				st.clauses = append(st.clauses, c.Text)
			}
			if len(st.clauses) > 0 {
				g.tasks = append(g.tasks, st)
			}
		}
	}
	return g, nil
}

// Generate returns n documents built with the random seed.
func (g *Generator) Generate(n int, seed uint64) []Doc {
	out := make([]Doc, n)
	for i := range n {
		r := rand.New(rand.NewPCG(seed, uint64(i)))
		out[i] = Doc{Name: fmt.Sprintf("gen_%05d.txt", i), Text: g.doc(r, i)}
	}
	return out
}

func (g *Generator) doc(r *rand.Rand, i int) string {
	var b strings.Builder
	region := regions[i%len(regions)]
	year := 2020 + r.IntN(5)
	fmt.Fprintf(&b, "%s市深化医药卫生体制改革%d年重点工作任务\n", region, year)
	fmt.Fprintf(&b, chrome[0]+"\n", r.IntN(12)+1, r.IntN(28)+1)
	fmt.Fprintf(&b, chrome[1]+"\n", r.IntN(5000))
	b.WriteString("为深入贯彻落实深化医药卫生体制改革部署要求,结合我市实际,提出以下重点工作任务。\n")
	sections := 4 + r.IntN(3)
	task := 0
	for s := range sections {
		fmt.Fprintf(&b, "%s、%s\n", cnNums[s], sectionNames[r.IntN(len(sectionNames))])
		for range 6 + r.IntN(5) {
			if task >= len(cnNums) {
				break
			}
			st := g.tasks[r.IntN(len(g.tasks))]
			fmt.Fprintf(&b, "(%s)%s。", cnNums[task], perturb(r, st.heading))
			task++
			k := min(len(st.clauses), 2+r.IntN(7))
			start := r.IntN(len(st.clauses) - k + 1)
			picked := append([]string{}, st.clauses[start:start+k]...)
			if len(picked) > 1 && r.IntN(10) == 0 {
				picked[0], picked[1] = picked[1], picked[0]
			}
			for _, c := range picked {
				b.WriteString(perturb(r, c))
				b.WriteString("。")
			}
			if r.IntN(2) == 0 {
				n := 1 + r.IntN(3)
				var ds []string
				for range n {
					ds = append(ds, depts[r.IntN(len(depts))])
				}
				fmt.Fprintf(&b, "(%s,各县区政府等按职责分工负责)", strings.Join(ds, "、"))
			}
			b.WriteString("\n")
			if r.IntN(25) == 0 {
				b.WriteString(chrome[2+r.IntN(len(chrome)-2)] + "\n")
			}
		}
	}
	return b.String()
}

// perturb edits wording: a character swapped, a span dropped, a number
// changed, a damaged span — each now and then.
func perturb(r *rand.Rand, s string) string {
	rs := []rune(s)
	if len(rs) < 6 {
		return s
	}
	switch r.IntN(6) {
	case 0:
		i := r.IntN(len(rs) - 4)
		rs = append(rs[:i], rs[i+1+r.IntN(3):]...)
	case 1:
		i := r.IntN(len(rs))
		rs[i] = []rune("加强推进完善健全落实深化")[r.IntN(12)]
	case 2:
		for i, c := range rs {
			if c >= '0' && c <= '9' {
				rs[i] = rune('0' + r.IntN(10))
			}
		}
	case 3:
		if r.IntN(8) == 0 {
			i := r.IntN(len(rs) - 2)
			rs = append(rs[:i], append([]rune("??"), rs[i:]...)...)
		}
	}
	return string(rs)
}

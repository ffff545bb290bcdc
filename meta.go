package policycmp

import (
	"github.com/policycmp/policycmp/structure"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

const provinces = "北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门"

var (
	reProvince   = regexp.MustCompile(`(` + provinces + `)(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)?`)
	rePrefecture = regexp.MustCompile(`(\p{Han}{2,4}?)(回族自治州|藏族自治州|自治州|地区|市|州|盟)`)
	reCounty     = regexp.MustCompile(`(\p{Han}{2,3}?)(区|县|旗)`)
	reNational   = regexp.MustCompile(`国务院|中共中央|国家卫生健康委|国家卫健委|国家医保局|国家发展改革委|国家中医药局|国家疾控局|全国`)
	reDateField  = regexp.MustCompile(`(20\d\d|19\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})`)
	reDateLine   = regexp.MustCompile(`^(20\d\d|19\d\d)年(\d{1,2})月(\d{1,2})日$`)
	reYear       = regexp.MustCompile(`(到|至)?(20\d\d)年(底|末)?(前)?`)
	reDocNumber  = regexp.MustCompile(`\p{Han}{1,12}[〔\[(【](20\d\d|19\d\d)[〕\])】]\d{1,4}号`)
	reIssuerLine = regexp.MustCompile(`^\p{Han}{2,30}(人民政府|办公厅|办公室|委员会|领导小组|卫生健康委|卫健委|医保局|政府)$`)
)

// Generic words that end like place names but are not: 全市, 城区, 山区 …
var notPlace = regexp.MustCompile(`^(全|我|本|各|该|城|社|山|地|县|辖|片|园|景|市|省|城市|示范|先行|试验|开发|自治|新|海岛|农村|牧|边|老)`)

func (d *Document) extractMetadata(paras []mtext, fields map[string]string) {
	pre := preamble(paras)
	// Title: the plan's own title, or the notice that carries it
	notice := ""
	for _, k := range []string{"名称", "标题"} {
		if v := fields[k]; v != "" && d.Title == "" {
			notice = v
			d.Title, d.DocNumber = planTitle(v)
		}
	}
	if d.Title == "" && len(pre) > 0 {
		t := pre[0].String()
		if utf8.RuneCountInString(t) <= 60 {
			if len(pre) > 1 && isHeadingLike(pre[1]) && utf8.RuneCountInString(pre[1].String()) <= 20 && !strings.ContainsAny(t, "?？。") &&
				!regexp.MustCompile(`(通知|方案|任务|要点|意见|计划|办法)$`).MatchString(t) {
				t += pre[1].String()
			}
			d.Title = t
		}
	}
	// Date and year
	for _, k := range []string{"发文日期", "成文日期", "发布日期", "发表时间", "发布时间", "生成日期"} {
		if sub := reDateField.FindStringSubmatch(fields[k]); sub != nil && d.Date == "" {
			d.Date = ymd(sub[1], sub[2], sub[3])
		}
	}
	if d.Date == "" {
		for _, p := range paras {
			if sub := reDateLine.FindStringSubmatch(p.String()); sub != nil {
				d.Date = ymd(sub[1], sub[2], sub[3])
				break
			}
		}
	}
	if d.Date != "" {
		d.Year, _ = strconv.Atoi(d.Date[:4])
	} else if y := firstYear(d.Title); y > 0 {
		d.Year = y
	} else {
		d.Year = latestYear(paras)
	}
	// Document number and issuer
	for _, k := range []string{"文号", "发文字号"} {
		if v := fields[k]; v != "" && d.DocNumber == "" {
			d.DocNumber = v
		}
	}
	if d.DocNumber == "" {
		for _, p := range pre {
			if m := reDocNumber.FindString(p.String()); m != "" && !strings.Contains(p.String(), "根据") {
				d.DocNumber = m
				break
			}
		}
	}
	for _, k := range []string{"发布机构", "发文机关", "发文单位", "来源", "文章来源", "信息来源"} {
		if v := fields[k]; v != "" && d.Issuer == "" {
			d.Issuer = v
		}
	}
	if d.Issuer == "" {
		for _, p := range pre {
			if s := p.String(); reIssuerLine.MatchString(s) {
				d.Issuer = s
				break
			}
		}
	}
	// Region and level
	var cands []string
	cands = append(cands, d.Title, notice)
	for _, p := range pre[:min(len(pre), 3)] {
		cands = append(cands, p.String())
	}
	cands = append(cands, d.Issuer)
	for _, c := range cands {
		if region, level := findRegion(c); region != "" {
			d.Region, d.Level = region, level
			return
		}
	}
	head := d.Title
	for _, p := range paras[:min(len(paras), 5)] {
		head += p.String()
	}
	if reNational.MatchString(head) {
		d.Region, d.Level = "全国", LevelNational
		return
	}
	for _, p := range paras[:min(len(paras), 10)] {
		if region, level := findRegion(p.String()); region != "" {
			d.Region, d.Level = region, level
			return
		}
	}
}

var (
	// reTitleNote is a note after a title: its 文号, or a later change of
	// status (由莆政规〔2025〕2号废止).
	reTitleNote = regexp.MustCompile(`\(([^()]{2,40})\)$`)
	reNoticeOf  = regexp.MustCompile(`关于(?:印发|转发|下发)(.{4,}?)的(?:通知|函)$`)
	reStatus    = regexp.MustCompile(`废止|失效|修订|修改|有效|作废`)
)

// planTitle reads the title of a page header. A note in parentheses at its
// end is dropped; a 文号 there is returned. A notice that carries a plan
// (…关于印发《XX实施方案》的通知) gives the plan's own title.
func planTitle(t string) (title, docNumber string) {
	t = strings.TrimSpace(t)
	if m := reTitleNote.FindStringSubmatch(t); m != nil {
		switch {
		case reDocNumber.MatchString(m[1]) && !reStatus.MatchString(m[1]):
			docNumber = reDocNumber.FindString(m[1])
			t = strings.TrimSpace(strings.TrimSuffix(t, "("+m[1]+")"))
		case reStatus.MatchString(m[1]):
			t = strings.TrimSpace(strings.TrimSuffix(t, "("+m[1]+")"))
		}
	}
	if m := reNoticeOf.FindStringSubmatch(t); m != nil {
		inner := m[1]
		if strings.HasPrefix(inner, "《") && strings.HasSuffix(inner, "》") && strings.Count(inner, "《") == 1 {
			inner = strings.TrimSuffix(strings.TrimPrefix(inner, "《"), "》")
		}
		if !strings.ContainsAny(inner, "《》") {
			t = inner
		}
	}
	return t, docNumber
}

// preamble returns the paragraphs before the first numbered one (at most 20).
func preamble(paras []mtext) []mtext {
	for i, p := range paras {
		if _, ok := structure.Parse(p.String()); ok || i == 20 {
			return paras[:i]
		}
	}
	return paras
}

func ymd(y, m, d string) string {
	mi, _ := strconv.Atoi(m)
	di, _ := strconv.Atoi(d)
	if mi < 1 || mi > 12 || di < 1 || di > 31 {
		return ""
	}
	return y + "-" + pad2(mi) + "-" + pad2(di)
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func firstYear(s string) int {
	if m := reYear.FindStringSubmatch(s); m != nil && m[1] == "" {
		y, _ := strconv.Atoi(m[2])
		return y
	}
	return 0
}

// latestYear is the latest year the text refers to that is not a deadline
// (到2025年, 2025年底前).
func latestYear(paras []mtext) int {
	best := 0
	for _, p := range paras {
		for _, m := range reYear.FindAllStringSubmatch(p.String(), -1) {
			if m[1] != "" || m[4] != "" || m[3] != "" {
				continue
			}
			if y, _ := strconv.Atoi(m[2]); y > best {
				best = y
			}
		}
	}
	return best
}

// findRegion finds the most specific place name in s.
func findRegion(s string) (string, Level) {
	if s == "" {
		return "", ""
	}
	if r := []rune(s); len(r) > 120 { // place names stand near the start of a title or line
		s = string(r[:120])
	}
	region, level := "", Level("")
	rest := s
	if loc := reProvince.FindStringSubmatchIndex(s); loc != nil && loc[0] < 12 {
		prov := s[loc[0]:loc[1]]
		region, level = prov, LevelProvince
		rest = s[loc[1]:]
		if loc[4] < 0 { // 浙江 without 省: only take it if followed by nothing place-like
			region = prov
		}
	}
	if loc := rePrefecture.FindStringSubmatchIndex(rest); loc != nil && placeOK(rest[loc[2]:loc[3]]) && (region == "" || loc[0] == 0) {
		name := rest[loc[0]:loc[1]]
		if !(region != "" && strings.HasSuffix(region, "市")) {
			region += name
			switch rest[loc[4]:loc[5]] {
			case "市":
				level = LevelCity
			default:
				level = LevelPrefecture
			}
			rest = rest[loc[1]:]
		}
	}
	if loc := reCounty.FindStringSubmatchIndex(rest); loc != nil && placeOK(rest[loc[2]:loc[3]]) && (region == "" || loc[0] == 0) {
		region += rest[loc[0]:loc[1]]
		if rest[loc[4]:loc[5]] == "区" {
			level = LevelDistrict
		} else {
			level = LevelCounty
		}
	}
	if region != "" && level == LevelProvince {
		if r := []rune(region); len(r) <= 3 && !strings.HasSuffix(region, "省") && !strings.HasSuffix(region, "市") && !strings.HasSuffix(region, "区") {
			// bare 浙江 etc.: still a province
			return region, LevelProvince
		}
	}
	return region, level
}

func placeOK(name string) bool {
	if notPlace.MatchString(name) {
		return false
	}
	for _, bad := range []string{"改革", "医疗", "卫生", "健康", "体制", "深化", "工作", "任务", "印发", "关于", "通知", "推进", "建设", "服务", "发展", "年", "国家"} {
		if strings.Contains(name, bad) {
			return false
		}
	}
	return true
}

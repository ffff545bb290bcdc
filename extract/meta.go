package extract

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/policycmp/policycmp/gazetteer"
	"github.com/policycmp/policycmp/structure"
)

// Metadata describes where a document comes from. Fields left empty were
// not found in the text.
type Metadata struct {
	Title string `json:"title"`
	// Region is the full administrative name (福建省莆田市, 上海市嘉定区), or
	// 全国; Place the name as the document writes it (莆田市, 昌吉州);
	// RegionCode its GB/T 2260 code (package gazetteer).
	Region     string `json:"region"`
	Place      string `json:"place,omitempty"`
	RegionCode string `json:"region_code,omitempty"`
	Level      Level  `json:"level"`
	Year       int    `json:"year"`
	Date       string `json:"date"` // YYYY-MM-DD when known
	DocNumber  string `json:"doc_number"`
	Issuer     string `json:"issuer"`
}

// Level is the administrative level of the issuing government.
type Level string

// Administrative levels, from the top.
const (
	LevelNational   Level = "national"
	LevelProvince   Level = "province"
	LevelPrefecture Level = "prefecture"
	LevelCity       Level = "city"
	LevelDistrict   Level = "district"
	LevelCounty     Level = "county"
)

// IsDateLine reports a line that is a date and nothing else (2024年3月1日,
// or in Chinese numerals as signatures write it: 二〇二三年五月十日).
func IsDateLine(s string) bool { _, ok := dateLine(s); return ok }

// dateLine reads a line that is a date and nothing else as YYYY-MM-DD.
func dateLine(s string) (string, bool) {
	if sub := reDateLine.FindStringSubmatch(s); sub != nil {
		d := ymd(sub[1], sub[2], sub[3])
		return d, d != ""
	}
	if sub := reDateLineCN.FindStringSubmatch(s); sub != nil {
		y := cnDigits(sub[1])
		m, okm := structure.CNNumber(sub[2])
		d, okd := structure.CNNumber(sub[3])
		if y != "" && okm && okd && m > 0 && d > 0 {
			date := ymd(y, strconv.Itoa(m), strconv.Itoa(d))
			return date, date != ""
		}
	}
	return "", false
}

// cnDigit is the value of a Chinese digit (〇 or 零 to 九), -1 for another rune.
func cnDigit(r rune) int {
	if r == '零' {
		return 0
	}
	for k, c := range []rune("〇一二三四五六七八九") {
		if c == r {
			return k
		}
	}
	return -1
}

// cnDigits writes a year in Chinese digits (二〇二三) in Arabic ones.
func cnDigits(s string) string {
	var b strings.Builder
	for _, r := range s {
		k := cnDigit(r)
		if k < 0 {
			return ""
		}
		b.WriteByte(byte('0' + k))
	}
	return b.String()
}

// IsIssuerLine reports a line that names an issuing government or office.
func IsIssuerLine(s string) bool { return reIssuerLine.MatchString(s) }

var (
	// reTitleEnd: a line that ends like a complete title.
	reTitleEnd      = pattern("title_end")
	reNationalOrgan = pattern("national_organ")
	// reNationalIssue: a sentence saying a national organ issued the plan
	// (经国务院同意,国家卫生健康委…联合印发《…》).
	reNationalIssue  = pattern("national_issue")
	reNationalNumber = pattern("national_number")
	reDateField      = pattern("date_field")
	reDateLine       = pattern("date_line")
	reDateLineCN     = pattern("date_line_cn")
	reYear           = pattern("year")
	reDocNumber      = pattern("doc_number")
	reIssuerLine     = pattern("issuer_line")
)

// Read finds a document's metadata in its clean paragraphs and in the
// fields of its page header or index table (标题, 文号, 发布机构, 发布时间 …):
// the plan's own title, 文号, issuer, date and year, and the region with its
// level from the gazetteer. A document is national because a national
// organ issues it.
func Read(paras []string, fields map[string]string) Metadata {
	var md Metadata
	md.read(paras, fields)
	return md
}

func (d *Metadata) read(paras []string, fields map[string]string) {
	pre := preamble(paras)
	// Title: the plan's own title, or the notice that carries it
	notice := ""
	for _, k := range []string{"名称", "标题"} {
		if v := fields[k]; v != "" && d.Title == "" {
			notice = v
			d.Title, d.DocNumber = planTitle(v)
		}
	}
	if at := titleStart(pre); d.Title == "" && at >= 0 {
		t := pre[at]
		if utf8.RuneCountInString(t) <= 60 {
			// a title broken across short lines goes on until it ends
			// with a title word (…的通知, …方案)
			for k := at + 1; k < len(pre) && k-at < MaxTitleLines && structure.HeadingLike(pre[k]) && utf8.RuneCountInString(pre[k]) <= 20 &&
				!strings.ContainsAny(t, "?？。") && !reTitleEnd.MatchString(t); k++ {
				t += pre[k]
			}
			var num string
			d.Title, num = planTitle(t)
			if d.DocNumber == "" {
				d.DocNumber = num
			}
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
			if date, ok := dateLine(p); ok {
				d.Date = date
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
		// the plan's own number stands on a line of its own or opens it;
		// one inside a sentence cites another plan (…指导意见》(国办发〔2015〕70号))
		for _, p := range pre {
			if loc := reDocNumber.FindStringIndex(p); loc != nil && strings.TrimSpace(p[:loc[0]]) == "" {
				d.DocNumber = p[loc[0]:loc[1]]
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
			if s := p; reIssuerLine.MatchString(s) {
				d.Issuer = s
				break
			}
		}
	}
	// Region and level: the first candidate that names a division; a
	// document is national because a national organ issues it.
	var cands []string
	cands = append(cands, d.Title, notice)
	cands = append(cands, pre[:min(len(pre), 3)]...)
	cands = append(cands, d.Issuer)
	var ctxNames []gazetteer.Match
	found := false
	ctx := func() []gazetteer.Match { // the document's names, found once and only when needed
		if !found {
			ctxNames, found = gazetteer.Default().Names(regionContext(paras)), true
		}
		return ctxNames
	}
	if d.setRegion(ctx, cands...) {
		return
	}
	if issuedNationally(d, paras[:min(len(paras), 5)]) {
		d.Region, d.Place, d.Level = "全国", "全国", LevelNational
		return
	}
	for _, p := range paras[:min(len(paras), 10)] {
		if d.setRegion(ctx, p) {
			return
		}
	}
	// a page copied without its header or title may still be signed
	// (三明市医改办 above the date): the last issuer line names the region
	for i := len(paras) - 1; i >= 0 && i >= len(paras)-MaxSignatureSearch; i-- {
		if IsIssuerLine(paras[i]) && d.setRegion(ctx, paras[i]) {
			return
		}
	}
}

// MaxSignatureSearch is how many paragraphs from the end are searched for
// a signature that names the region when nothing before the plan does.
const MaxSignatureSearch = 120

// MaxPlaceOffset is how far into a line, in runes, a region's name may
// start: a heading or an issuer names its region first.
const MaxPlaceOffset = 12

// MaxRegionContext is how much of a document, in runes from its start and
// from its end, resolves a division name that several divisions share:
// the title, the preamble that cites the plans it follows, the signature.
const MaxRegionContext = 1500

// regionContext is the start and the end of a document (its signature),
// MaxRegionContext runes of each at most.
func regionContext(paras []string) string {
	var head, tail []string
	n := 0
	for _, p := range paras {
		if n += utf8.RuneCountInString(p); n > MaxRegionContext {
			break
		}
		head = append(head, p)
	}
	if len(head) == len(paras) {
		return strings.Join(head, "\n")
	}
	n = 0
	for i := len(paras) - 1; i >= len(head); i-- {
		if n += utf8.RuneCountInString(paras[i]); n > MaxRegionContext {
			break
		}
		tail = append(tail, paras[i])
	}
	slices.Reverse(tail)
	return strings.Join(head, "\n") + "\n" + strings.Join(tail, "\n")
}

// setRegion sets the region from the first of texts that names a division
// near its start (gazetteer.FindWith, with the document's names to resolve
// a shared one).
func (d *Metadata) setRegion(ctx func() []gazetteer.Match, texts ...string) bool {
	g := gazetteer.Default()
	for _, t := range texts {
		if r := []rune(t); len(r) > 120 {
			t = string(r[:120])
		}
		m, ok := g.FindWith(t, ctx)
		if !ok || utf8.RuneCountInString(t[:m.Start]) > MaxPlaceOffset {
			continue
		}
		d.Region, d.Place, d.RegionCode = g.FullName(m), m.Written, m.Code
		if m.Unlisted {
			d.RegionCode = "" // the table does not hold it: no code
		}
		d.Level = levelOf(m)
		return true
	}
	return false
}

// levelOf maps a division to the level of its government.
func levelOf(m gazetteer.Match) Level {
	switch m.Level {
	case gazetteer.Province:
		return LevelProvince
	case gazetteer.Prefecture:
		if strings.HasSuffix(m.Name, "市") {
			return LevelCity
		}
		return LevelPrefecture
	}
	name := m.Name
	if m.Former {
		name = m.Written // 长乐市 in 2015 was a county-level city, not yet 长乐区
	}
	switch {
	case m.Zone || strings.HasSuffix(name, "区"):
		return LevelDistrict
	case strings.HasSuffix(name, "市"):
		return LevelCity
	}
	return LevelCounty
}

// issuedNationally reports a document a national organ issues: its 文号,
// its issuer, or a line of its head that starts with a national organ's
// name, or a sentence of its head saying such an organ issued it. A body
// that mentions 全国 is not enough.
func issuedNationally(d *Metadata, head []string) bool {
	if reNationalNumber.MatchString(d.DocNumber) || reNationalOrgan.MatchString(d.Issuer) || reNationalOrgan.MatchString(d.Title) {
		return true
	}
	for _, p := range head {
		if reNationalOrgan.MatchString(p) || reNationalIssue.MatchString(p) {
			return true
		}
	}
	return false
}

var (
	// reTitleNote is a note after a title: its 文号, or a later change of
	// status (由莆政规〔2025〕2号废止).
	reTitleNote = pattern("title_note")
	reNoticeOf  = pattern("notice_of")
	reStatus    = pattern("status")
)

// MaxTitleLines is how many lines of the preamble a title broken across
// lines may take.
const MaxTitleLines = 4

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

// titleStart returns the first paragraph of pre that can open a title, or
// -1: a page copied without its header may open with the document number
// (莆政办〔2014〕131号), the addressees (各县(区)人民政府,市直有关单位:), a
// covering sentence, the signature and date, or a publication note
// ((此件主动公开)) before the plan's title. It looks at the first
// MaxTitleSearch paragraphs.
func titleStart(pre []string) int {
	for i, p := range pre {
		if i == MaxTitleSearch {
			break
		}
		p = strings.TrimSpace(p)
		switch {
		case p == "", reDocNumber.FindString(p) == p,
			strings.HasSuffix(p, ":") || strings.HasSuffix(p, "："),
			strings.HasPrefix(p, "(") && strings.HasSuffix(p, ")"),
			strings.ContainsAny(p, "。,，"), IsIssuerLine(p):
			continue
		}
		if _, ok := dateLine(p); ok {
			continue
		}
		return i
	}
	return -1
}

// MaxTitleSearch is how many paragraphs of the preamble are searched for
// the paragraph that opens the title.
const MaxTitleSearch = 12

// preamble returns the paragraphs before the first numbered one (at most 20).
func preamble(paras []string) []string {
	for i, p := range paras {
		if _, ok := structure.Parse(p); ok || i == 20 {
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
func latestYear(paras []string) int {
	best := 0
	for _, p := range paras {
		for _, m := range reYear.FindAllStringSubmatch(p, -1) {
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

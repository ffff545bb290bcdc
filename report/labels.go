package report

import "regexp"

// labels holds the report's fixed words in Chinese and English.
var labels = map[string][2]string{
	"title":        {"医改政策比较报告", "Health-reform policy comparison"},
	"summary":      {"文件概览", "Documents"},
	"coverage":     {"主题覆盖矩阵", "Theme coverage"},
	"gaps":         {"覆盖缺口", "Gaps"},
	"unique":       {"地方特色举措", "Unique local measures"},
	"targets":      {"目标指标比较", "Targets side by side"},
	"duties":       {"责任分工", "Responsibilities"},
	"duty_theme":   {"按主题的责任部门", "Departments by theme"},
	"pairs":        {"对应条款与文字差异", "Aligned clauses and their differences"},
	"doc":          {"文件", "Document"},
	"region":       {"地区", "Region"},
	"level":        {"层级", "Level"},
	"year":         {"年份", "Year"},
	"tasks":        {"任务数", "Tasks"},
	"clauses":      {"条款数", "Clauses"},
	"themes":       {"覆盖主题", "Themes covered"},
	"reused":       {"与参照文件相同文字占比", "Text shared with reference"},
	"warnings":     {"清洗说明", "Ingest warnings"},
	"theme":        {"主题", "Theme"},
	"domain":       {"领域", "Domain"},
	"reference":    {"参照文件", "Reference"},
	"missing":      {"参照文件涉及而本文件未涉及的主题", "themes the reference covers and this document does not"},
	"none":         {"无", "none"},
	"ref_tasks":    {"参照文件任务在本文件中无对应", "reference tasks with no counterpart here"},
	"metric":       {"指标", "Metric"},
	"task":         {"任务", "Task"},
	"lead":         {"牵头", "Lead"},
	"support":      {"配合", "Support"},
	"local":        {"属地", "Local"},
	"relation":     {"关系", "Relation"},
	"score":        {"相似度", "Score"},
	"theme_score":  {"主题得分", "theme score"},
	"more":         {"另有 %d 条未列出", "%d more not listed"},
	"shown":        {"共 %d 对等价条款,显示相似度最高的 %d 对", "%d equivalent pairs; the %d strongest are shown"},
	"legend":       {"单元格:含该主题的任务数(颜色越深,任务越多、作为主要主题越多);悬停可见得分与任务", "Cell: tasks carrying the theme (darker: more tasks, more as the primary theme); hover for scores and tasks"},
	"diff_legend":  {"删除(仅左侧)", "deleted (left only)"},
	"diff_legend2": {"新增(仅右侧)", "inserted (right only)"},
	"same":         {"基本相同", "same"},
	"adapted":      {"本地化改写", "adapted"},
	"stronger":     {"目标更高", "stronger"},
	"weaker":       {"目标更低", "weaker"},
	"no_ref":       {"没有参照文件(可用 --reference 指定)", "no reference document (set one with --reference)"},
	"deadline":     {"期限", "Deadline"},
}

// L returns the label for key in the report language.
func (r *Report) L(key string) string {
	l, ok := labels[key]
	if !ok {
		return key
	}
	if r.Lang == "en" {
		return l[1]
	}
	return l[0]
}

var reSharePairs = regexp.MustCompile(`^same measure in local wording; (\d+)% of the shorter clause's character pairs recur in the other$`)

// Reason renders a link's reason in the report language. Reasons come from
// the aligner in English; the known ones read in Chinese in a zh report.
func (r *Report) Reason(reason string) string {
	if r.Lang == "en" {
		return reason
	}
	switch reason {
	case "verbatim", "near-verbatim":
		return "" // the relation label 基本相同 says it
	}
	if m := reSharePairs.FindStringSubmatch(reason); m != nil {
		return "同一举措,表述不同;较短条款中 " + m[1] + "% 的字对见于另一条款"
	}
	return reason // a target comparison: numbers read in any language
}

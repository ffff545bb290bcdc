package segment

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"
)

// domainTerms are health-reform terms that jieba would otherwise split.
var domainTerms = []string{
	"医共体", "医联体", "健共体", "城市医疗集团", "专科联盟", "远程医疗协作网", "带量采购", "集中带量采购", "集采",
	"中选产品", "按病种分值付费", "大数据病组", "按人头付费", "总额付费", "结余留用", "合理超支分担", "多元复合式",
	"家庭医生", "签约服务", "医防融合", "医防协同", "三高共管", "三明医改", "三医联动", "三医协同",
	"互联网医院", "互联网诊疗", "智慧医院", "检查检验结果互认", "电子健康档案", "电子健康卡", "一老一小", "乙类乙管",
	"乙类甲管", "医养结合", "安宁疗护", "普惠托育", "生育登记", "出生一件事", "基本药物", "基药", "短缺药品",
	"一致性评价", "双通道", "临床综合评价", "医疗服务价格", "两个允许", "公益一类", "公益二类", "薪酬制度",
	"区域医疗中心", "国家医学中心", "千县工程", "县域就诊率", "胸痛中心", "卒中中心", "创伤中心", "乡镇卫生院",
	"村卫生室", "社区卫生服务中心", "社区医院", "乡村医生", "订单定向", "全科医生", "住院医师规范化培训",
	"继续医学教育", "疾控体系", "疾控机构", "疾控监督员", "公共卫生科", "综合监管", "欺诈骗保", "清廉医院",
	"基本医保", "长期护理保险", "长护险", "大病保险", "医疗救助", "惠民保", "门诊共济", "省级统筹", "异地就医",
	"社会办医", "中医药", "中西医结合", "治未病", "中医馆", "名老中医", "研究型医院", "重点专科", "医保基金",
	"医保支付", "医保局", "卫生健康委", "公立医院", "高质量发展", "现代医院管理制度", "绩效考核", "对口帮扶",
	"组团式帮扶", "分级诊疗", "双向转诊", "多学科诊疗", "健康中国行动", "爱国卫生运动", "健康素养", "发热门诊",
}

// DomainTerms returns the built-in domain dictionary.
func DomainTerms() []string { return slices.Clone(domainTerms) }

var domainSet = setOf(domainTerms...)

// IsDomainTerm reports whether word is in the built-in domain dictionary
// (after variant folding).
func IsDomainTerm(word string) bool { return domainSet[word] }

// variants maps a short or local form to its canonical form.
var variants = map[string]string{
	"集采":       "集中带量采购",
	"带量采购":     "集中带量采购",
	"医共体":      "县域医共体",
	"县域医疗共同体":  "县域医共体",
	"医疗共同体":    "县域医共体",
	"医联体":      "医疗联合体",
	"基药":       "基本药物",
	"长护险":      "长期护理保险",
	"卫健委":      "卫生健康委",
	"卫生健康委员会":  "卫生健康委",
	"医保":       "医疗保障",
	"发改委":      "发展改革委",
	"人社局":      "人力资源社会保障局",
	"新冠肺炎":     "新冠",
	"新型冠状病毒":   "新冠",
	"新型冠状病毒感染": "新冠",
	"DIP":      "按病种分值付费",
	"DRG":      "按疾病诊断相关分组付费",
	"MDT":      "多学科诊疗",
	"三甲":       "三级甲等",
	"中医院":      "中医医院",
	"社会资本办医":   "社会办医",
	"社会力量办医":   "社会办医",
	"多学科联合诊疗":  "多学科诊疗",
	"家庭医生团队":   "家庭医生",
}

// Fold maps a word to its canonical variant (集采 → 集中带量采购); other
// words come back unchanged.
func Fold(word string) string {
	if v, ok := variants[word]; ok {
		return v
	}
	return word
}

// stopWords are function words and policy boilerplate that carry no
// subject: 加强, 推进, 进一步 and the like.
var stopWords = setOf(
	"的", "和", "与", "及", "等", "在", "对", "为", "以", "将", "把", "由", "从", "向", "于", "并", "或", "是", "了", "其", "各",
	"中", "内", "上", "下", "年", "个", "项", "有", "要", "可", "能", "也", "都", "又", "而", "之", "所", "者", "该", "此",
	"加强", "推进", "推动", "进一步", "深化", "完善", "健全", "建立", "建立健全", "落实", "持续", "全面", "积极", "大力",
	"扎实", "深入", "开展", "实施", "提升", "提高", "强化", "促进", "支持", "鼓励", "探索", "继续", "不断", "切实",
	"着力", "加快", "稳步", "有序", "逐步", "做好", "发挥", "作用", "工作", "机制", "体系", "建设", "制度", "改革",
	"水平", "能力", "相关", "有关", "按照", "根据", "结合", "围绕", "通过", "实际", "要求", "规定", "政策", "措施",
	"督促", "任务", "形成", "合力", "配合", "协作", "积极性", "及时", "重点", "主动",
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// IsStop reports whether word is a stop word of policy prose.
func IsStop(word string) bool { return stopWords[word] }

// textVariants lists the variants of variants that FoldText rewrites inside
// running text, longest first.
var textVariants = func() []string {
	keys := make([]string, 0, len(variants))
	for k := range variants {
		if utf8.RuneCountInString(k) >= 3 { // two-character forms only fold as whole words
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, func(a, b string) int {
		if c := cmp.Compare(len(b), len(a)); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	return keys
}()

var textFolder = func() *strings.Replacer {
	// A canonical form that holds a variant (县域医共体 holds 医共体) is
	// kept as it is: the replacer matches leftmost, longest first.
	olds := slices.Clone(textVariants)
	for _, k := range textVariants {
		v := variants[k]
		if v != k && !slices.Contains(olds, v) && slices.ContainsFunc(textVariants, func(k string) bool { return strings.Contains(v, k) }) {
			olds = append(olds, v)
		}
	}
	slices.SortFunc(olds, func(a, b string) int {
		if c := cmp.Compare(len(b), len(a)); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	var pairs []string
	for _, k := range olds {
		v, ok := variants[k]
		if !ok {
			v = k
		}
		pairs = append(pairs, k, v)
	}
	return strings.NewReplacer(pairs...)
}()

// FoldText rewrites the longer variants inside running text
// (新型冠状病毒感染 → 新冠), so that segmentation sees one form.
func FoldText(s string) string { return textFolder.Replace(s) }

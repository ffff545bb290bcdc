package align

import "testing"

func TestListed(t *testing.T) {
	tests := []struct {
		text, w string
		want    bool
	}{
		{"发展康复医院、护理院、互联网医院等", "互联网医院", true},
		{"互联网医院、远程医疗", "互联网医院", true},
		{"加快发展互联网医院", "互联网医院", false},
		{"设立公共卫生科等直接从事疾控工作的科室", "公共卫生科", false},    // 等 alone names by example
		{"建设互联网医院、远程医疗中心,推广互联网医院", "互联网医院", false}, // one mention is not a list item
		{"支持名老中医举办诊所", "公共卫生科", false},             // not there at all
	}
	for _, tc := range tests {
		if got := listed(tc.text, tc.w); got != tc.want {
			t.Errorf("listed(%q, %q) = %v, want %v", tc.text, tc.w, got, tc.want)
		}
	}
}

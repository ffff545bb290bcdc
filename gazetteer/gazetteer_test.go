package gazetteer_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/policycmp/policycmp/gazetteer"
)

func TestFind(t *testing.T) {
	g := gazetteer.Default()
	cases := []struct {
		text, code, written, full string
		level                     gazetteer.Level
	}{
		{"莆田市推进分级诊疗制度建设实施方案", "3503", "莆田市", "福建省莆田市", gazetteer.Prefecture},
		{"福建省莆田市人民政府办公室", "3503", "莆田市", "福建省莆田市", gazetteer.Prefecture},
		{"平潭综合实验区管委会关于印发方案的通知", "350128", "平潭综合实验区", "福建省福州市平潭综合实验区", gazetteer.County},
		{"昌吉州深化医药卫生体制改革2024年重点工作任务", "6523", "昌吉州", "新疆维吾尔自治区昌吉回族自治州", gazetteer.Prefecture},
		{"关于嘉定区深化医改的实施意见", "310114", "嘉定区", "上海市嘉定区", gazetteer.County},
		{"浙江深化医改重点任务", "33", "浙江", "浙江省", gazetteer.Province},
		{"吉林省吉林市卫生健康委", "2202", "吉林市", "吉林省吉林市", gazetteer.Prefecture},
	}
	for _, c := range cases {
		m, ok := g.Find(c.text)
		require.True(t, ok, c.text)
		assert.Equal(t, c.code, m.Code, c.text)
		assert.Equal(t, c.written, m.Written, c.text)
		assert.Equal(t, c.full, g.FullName(m), c.text)
		assert.Equal(t, c.level, m.Level, c.text)
	}
	_, ok := g.Find("深化医药卫生体制改革,推进中山大学附属医院建设")
	assert.False(t, ok, "a stem not followed by a suffix that fits is no place: 中山大学")
}

func TestAmbiguousNames(t *testing.T) {
	g := gazetteer.Default()
	m, ok := g.Find("朝阳区卫生健康委")
	require.True(t, ok)
	assert.Equal(t, "110105", m.Code, "of several 朝阳区, the lowest code when nothing else decides")
	m, ok = g.Find("长春市朝阳区卫生健康局")
	require.True(t, ok)
	assert.Equal(t, "220104", m.Code, "the name before it decides")
}

// A shared name the text around it does not resolve is resolved by the
// document's other names: the division most of them contain or lie in.
func TestAmbiguousNamesInContext(t *testing.T) {
	g := gazetteer.Default()
	m, ok := g.FindIn("鼓楼区人民政府办公室", "为贯彻落实《福州市深化医药卫生体制改革实施方案》,结合我区实际。")
	require.True(t, ok)
	assert.Equal(t, "福建省福州市鼓楼区", g.FullName(m))
	m, ok = g.FindIn("鼓楼区人民政府办公室", "根据江苏省部署,南京市要求。鼓楼区各街道。")
	require.True(t, ok)
	assert.Equal(t, "江苏省南京市鼓楼区", g.FullName(m))
	m, ok = g.FindIn("长春市朝阳区卫生健康局", "北京市")
	require.True(t, ok)
	assert.Equal(t, "吉林省长春市朝阳区", g.FullName(m), "the names around it come first")
	plain, _ := g.Find("鼓楼区人民政府办公室")
	m, _ = g.FindIn("鼓楼区人民政府办公室", "")
	assert.Equal(t, plain, m, "no context: Find")
}

// Plans older than the table name districts by what they were before
// (长乐市, since 2017 长乐区) and districts since abolished (三明市梅列区,
// merged into 三元区 in 2021); words after a prefecture are no district.
func TestFormerAndUnlistedNames(t *testing.T) {
	g := gazetteer.Default()
	m, ok := g.Find("长乐市2015年医改重点工作")
	require.True(t, ok)
	assert.Equal(t, "福建省福州市长乐区", g.FullName(m))
	assert.True(t, m.Former)
	assert.Equal(t, "长乐市", m.Written)
	_, ok = g.Find("永定县2013年医改工作要点")
	assert.False(t, ok, "two 永定区 (Longyan's and Zhangjiajie's): a former name they share is left unread")
	m, ok = g.Find("三明市梅列区2019年医改工作要点")
	require.True(t, ok)
	assert.True(t, m.Unlisted)
	assert.Equal(t, "福建省三明市梅列区", g.FullName(m))
	assert.Equal(t, gazetteer.County, m.Level)
	for _, s := range []string{"三明市各县(市、区)医改工作", "三明市所辖县医院", "三明市城区医院", "三明市2019年医改"} {
		m, ok := g.Find(s)
		require.True(t, ok, s)
		assert.Equal(t, "福建省三明市", g.FullName(m), s)
	}
	m, _ = g.Find("莆田市涵江区医改")
	assert.False(t, m.Unlisted || m.Former, "a listed district is itself")
	assert.Equal(t, "350303", m.Code)
}

func TestParse(t *testing.T) {
	_, err := gazetteer.Parse("35\t福建省\nxx\n")
	assert.Error(t, err)
	g, err := gazetteer.Parse("# comment\n35\t福建省\n3503\t莆田市\n")
	require.NoError(t, err)
	m, ok := g.Find("莆田市")
	require.True(t, ok)
	assert.Equal(t, "福建省莆田市", g.FullName(m))
}

package policycmp_test

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/policycmp/policycmp"
	"github.com/policycmp/policycmp/seeds"
)

func warningKinds(d *policycmp.Document) map[policycmp.WarningKind]int {
	m := map[policycmp.WarningKind]int{}
	for _, w := range d.Warnings {
		m[w.Kind]++
	}
	return m
}

func TestBadInput(t *testing.T) {
	tests := []struct {
		desc string
		data []byte
		want error
	}{
		{"empty", nil, policycmp.ErrEmpty},
		{"white space only", []byte(" \n\t\u3000\n"), policycmp.ErrEmpty},
		{"only page chrome", []byte("免责声明\n点击次数:3\n扫一扫在手机打开当前页\n"), policycmp.ErrEmpty},
		{"binary with NUL bytes", []byte("PK\x03\x04\x00\x00\x08\x00binary"), policycmp.ErrBinary},
		{"control characters", bytes.Repeat([]byte{0x01, 0x02, 0x03, 'a'}, 100), policycmp.ErrBinary},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			d, err := policycmp.Ingest("bad.txt", tc.data, policycmp.Options{})
			assert.Nil(t, d)
			require.ErrorIs(t, err, tc.want)
			assert.Contains(t, err.Error(), "bad.txt", "the error names the input")
		})
	}
}

func TestTooLarge(t *testing.T) {
	_, err := policycmp.Ingest("big.txt", bytes.Repeat([]byte("一"), 400), policycmp.Options{MaxBytes: 1000})
	require.ErrorIs(t, err, policycmp.ErrTooLarge)
	_, err = policycmp.IngestReader("big.txt", strings.NewReader(strings.Repeat("一", 400)), policycmp.Options{MaxBytes: 1000})
	require.ErrorIs(t, err, policycmp.ErrTooLarge)
}

func TestInvalidUTF8IsRepairedWithOffsets(t *testing.T) {
	data := []byte("一、重点任务\n(一)加强组织领导。各地要\xff\xfe落实责任。\n(二)加强宣传引导。")
	d, err := policycmp.Ingest("broken.txt", data, policycmp.Options{})
	require.NoError(t, err)
	var offsets []int
	for _, w := range d.Warnings {
		if w.Kind == policycmp.WarnInvalidBytes {
			offsets = append(offsets, w.Offset)
		}
	}
	at := bytes.IndexByte(data, 0xff)
	assert.Equal(t, []int{at, at + 1}, offsets)
	require.Len(t, d.Tasks, 2)
	assert.True(t, utf8.ValidString(d.Tasks[0].Text))
	assert.True(t, d.Tasks[0].Clauses[1].Damaged, "the clause with the replaced bytes is flagged")
}

func TestEncodings(t *testing.T) {
	src, err := seeds.Read("000_4e055c043c33bc53.txt")
	require.NoError(t, err)
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes(src)
	require.NoError(t, err)
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(src)
	require.NoError(t, err)
	bom := append([]byte{0xEF, 0xBB, 0xBF}, src...)
	for name, data := range map[string][]byte{"gbk": gbk, "utf16": utf16, "bom": bom} {
		t.Run(name, func(t *testing.T) {
			d, err := policycmp.Ingest(name+".txt", data, policycmp.Options{})
			require.NoError(t, err)
			assert.Len(t, d.Tasks, 22)
			assert.Equal(t, "浙江省", d.Region)
			assert.Positive(t, warningKinds(d)[policycmp.WarnEncoding])
		})
	}
}

func TestNoStructure(t *testing.T) {
	d, err := policycmp.IngestString("prose.txt", "今天天气很好,我们去公园散步。\n公园里有很多人,大家都很开心。")
	require.NoError(t, err)
	assert.Empty(t, d.Tasks)
	assert.Equal(t, 1, warningKinds(d)[policycmp.WarnNoStructure])
	assert.Contains(t, d.Sections[0].Text, "公园", "the text is kept as section text")
}

func TestPinyinOnlyWhereItIsPinyin(t *testing.T) {
	text := "一、重点任务\n(一)推進醫(yī)療(liáo)衛(wèi)生(shēng)改革,每千人口执业(助理)医师数达到3人,各县(市)落实,推广“安诊儿(Angel)”,(一)类保障。\n"
	d, err := policycmp.IngestString("pinyin.txt", text)
	require.NoError(t, err)
	require.Len(t, d.Tasks, 1)
	got := d.Tasks[0].Text
	assert.Contains(t, got, "推进医疗卫生改革")
	for _, keep := range []string{"(助理)", "(市)", "(Angel)", "(一)类"} {
		assert.Contains(t, got, keep)
	}
	assert.Positive(t, warningKinds(d)[policycmp.WarnPinyin])
	assert.Positive(t, warningKinds(d)[policycmp.WarnTraditional])

	// a copy broken at one width may break a line inside an annotation
	d, err = policycmp.IngestString("wrapped.txt", "一、重点任务\n(一)推进医(y\nī)疗(liáo)卫(wèi)生(shēng)改革,每千人口执业(助理)医师数达到3人。\n")
	require.NoError(t, err)
	require.Len(t, d.Tasks, 1)
	assert.Contains(t, d.Tasks[0].Text, "推进医疗卫生改革")
	assert.Contains(t, d.Tasks[0].Text, "(助理)")
}

func TestMetadataOverride(t *testing.T) {
	src, err := seeds.Read("004_2e17b2282892fb0a.txt")
	require.NoError(t, err)
	d, err := policycmp.Ingest("004.txt", src, policycmp.Options{ID: "heyuan", Metadata: policycmp.Metadata{Year: 2022, Date: "2022-10-01"}})
	require.NoError(t, err)
	assert.Equal(t, "heyuan", d.ID)
	assert.Equal(t, 2022, d.Year)
	assert.Equal(t, "2022-10-01", d.Date)
	assert.Equal(t, "广东省河源市", d.Region, "fields not overridden stay as found")
	assert.Equal(t, "河源市", d.Place)
	assert.True(t, strings.HasPrefix(d.Tasks[0].ID, "heyuan/"))
}

// A large input is handled in one pass; the 50 MB case runs unless -short.
func TestLargeInput(t *testing.T) {
	if testing.Short() {
		t.Skip("50 MB input: skipped with -short")
	}
	var b strings.Builder
	for i := 0; b.Len() < 50<<20; i++ {
		fmt.Fprintf(&b, "%d.推进第%d项医疗卫生改革任务,落实医保支付方式改革,县域就诊率达到90%%以上。(牵头部门:区卫生健康委)\n", i+1, i)
	}
	d, err := policycmp.IngestString("large.txt", b.String())
	require.NoError(t, err)
	assert.Len(t, d.Tasks, 9999, "markers hold four digits; numbers past 9999 continue the item before them")
	assert.Greater(t, len(d.Text), 49<<20)
}

func TestErrorsWrap(t *testing.T) {
	_, err := policycmp.IngestFile("/nonexistent/policy.txt", policycmp.Options{})
	require.Error(t, err)
	assert.True(t, errors.Is(err, fsNotExist()), "wraps the os error: %v", err)
}

func fsNotExist() error { return fs.ErrNotExist }

// A local plan that mentions a national meeting is not national; one that
// a national organ issues is.
func TestNationalByIssuer(t *testing.T) {
	d, err := policycmp.IngestString("x.txt", "为贯彻全国卫生健康工作会议精神,制定本方案。\n一、任务\n(一)推进医联体建设。")
	require.NoError(t, err)
	assert.NotEqual(t, policycmp.LevelNational, d.Level)
	d, err = policycmp.IngestString("y.txt", "关于嘉定区深化医改的实施意见\n一、任务\n(一)推进医联体建设。")
	require.NoError(t, err)
	assert.Equal(t, "上海市嘉定区", d.Region, "关于 before a place name is not part of it")
	d, err = policycmp.IngestString("z.txt", "国家卫生健康委关于印发2024年工作要点的通知\n一、任务\n(一)推进医联体建设。")
	require.NoError(t, err)
	assert.Equal(t, policycmp.LevelNational, d.Level)
}

// Terminal escapes and bidi overrides never reach the model; a warning
// says where they were.
func TestControlsRemoved(t *testing.T) {
	d, err := policycmp.IngestString("x\x1b[31m.txt", "一、任务\n(一)推进\x1b]0;t\x07医联体\u202e建设。")
	require.NoError(t, err)
	require.Len(t, d.Tasks, 1)
	assert.NotContains(t, d.Tasks[0].Text, "\x1b")
	assert.NotContains(t, d.Tasks[0].Text, "\u202e")
	assert.Equal(t, "x_31m", d.ID, "an ID keeps letters, digits and ._~- only")
	var w *policycmp.Warning
	for i := range d.Warnings {
		if d.Warnings[i].Kind == policycmp.WarnControl {
			w = &d.Warnings[i]
		}
	}
	require.NotNil(t, w)
	assert.Contains(t, w.Detail, "U+001B at offset 24")
	assert.Contains(t, w.Detail, "U+202E")
}

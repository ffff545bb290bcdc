package policycmp

import (
	"flag"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/liuzl/gocc"
	"github.com/stretchr/testify/require"
)

var updateTraditional = flag.Bool("update-traditional", false, "rewrite traditional.txt from OpenCC's t2s table")

// hanRanges are the Han blocks traditional.txt is drawn from.
var hanRanges = [][2]rune{{0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF}, {0x20000, 0x2FA1F}}

// traditional.txt lists exactly the Han characters OpenCC's t2s changes
// when converting them alone (go test -run TestTraditionalTable
// -update-traditional rewrites it).
func TestTraditionalTable(t *testing.T) {
	cc, err := gocc.New("t2s")
	require.NoError(t, err)
	var want []rune
	for _, rg := range hanRanges {
		for r := rg[0]; r <= rg[1]; r++ {
			if out, err := cc.Convert(string(r)); err == nil && out != string(r) {
				want = append(want, r)
			}
		}
	}
	if *updateTraditional {
		var b strings.Builder
		b.WriteString(traditionalHeader)
		for k, r := range want {
			b.WriteRune(r)
			if k%50 == 49 || k == len(want)-1 {
				b.WriteByte('\n')
			}
		}
		require.NoError(t, os.WriteFile("traditional.txt", []byte(b.String()), 0o644))
		return
	}
	got := slices.Sorted(maps.Keys(traditionalRunes()))
	require.Equal(t, string(want), string(got), "traditional.txt is stale: go test -run TestTraditionalTable -update-traditional")
}

const traditionalHeader = `# Traditional characters: the Han characters OpenCC's t2s table changes
# when it converts them alone, written by 'go test -run TestTraditionalTable
# -update-traditional' (which checks it too). The traditional-text check of
# ingest counts them in a sample of a document instead of converting the
# sample. Lines starting with # are comments.
`

func TestTraditionalShare(t *testing.T) {
	require.Zero(t, traditionalShare([]rune("深化医药卫生体制改革，推进分级诊疗制度建设，完善医疗保障制度。")))
	share := traditionalShare([]rune("深化醫藥衛生體制改革，推進分級診療制度建設，完善醫療保障制度。"))
	require.Greater(t, share, 0.3)
	require.Zero(t, traditionalShare([]rune("医改")), "too few Han characters to judge")
	for _, r := range "醫藥衛體" {
		require.True(t, unicode.Is(unicode.Han, r))
	}
}

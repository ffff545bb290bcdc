package report

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCompareJoined(t *testing.T) {
	for _, c := range [][4]string{{"a/c1", "b/c2", "a/c12", "b/c1"}, {"x", "yz", "xy", "a"}, {"", "", "", "a"}, {"ab", "c", "a", "bc"}, {"医保", "改革", "医保改", "革新"}} {
		assert.Equal(t, strings.Compare(c[0]+c[1], c[2]+c[3]), compareJoined(c[0], c[1], c[2], c[3]), "%q", c)
		assert.Equal(t, strings.Compare(c[2]+c[3], c[0]+c[1]), compareJoined(c[2], c[3], c[0], c[1]), "%q", c)
	}
}

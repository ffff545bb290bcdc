package ingest_test

import (
	"fmt"

	"github.com/policycmp/policycmp/ingest"
)

// An HTML page is recognised by its content, whatever its name.
func ExampleDecode() {
	page := `<html><head><title>某市医改方案</title><script>x()</script></head><body><p>一、任务</p><p>(一)推进医联体建设&amp;分级诊疗。</p></body></html>`
	d, err := ingest.Decode([]byte(page), ingest.Unknown)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.HTML, d.Title)
	fmt.Println(d.Text)
	// Output:
	// true 某市医改方案
	// 一、任务
	//
	// (一)推进医联体建设&分级诊疗。
}

package policycmp

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func TestDbgMeta(t *testing.T) {
	files, _ := filepath.Glob("../shared/real/*.txt")
	for _, f := range files {
		data, _ := os.ReadFile(f)
		raw, _, _ := decode(data)
		c := &cleaner{doc: &Document{}, fields: map[string]string{}}
		paras := c.run(raw)
		fmt.Println(f, c.fields)
		for _, p := range preamble(paras)[:min(6, len(preamble(paras)))] {
			fmt.Println("   ", excerpt(p.String(), 60))
		}
	}
}

func TestDbgMeta2(t *testing.T) {
	files, _ := filepath.Glob("../shared/real/*.txt")
	for _, f := range files {
		d, _ := IngestFile(f, Options{})
		fmt.Printf("%s | %s | %s | %s | %s | %d\n", filepath.Base(f), d.Title, d.DocNumber, d.Region, d.Issuer, d.Year)
	}
}

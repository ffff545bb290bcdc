package policycmp

import (
	"fmt"
	"os"
	"testing"
)

func TestDebugDump(t *testing.T) {
	if os.Getenv("DUMP") == "" {
		t.Skip()
	}
	for _, n := range []string{"000_4e055c043c33bc53.txt", "001_3b05efec95d7fa8f.txt", "002_195f726d885ff568.txt", "003_f8fdda3a08071751.txt", "004_2e17b2282892fb0a.txt"} {
		b, _ := os.ReadFile("seeds/" + n)
		d, err := Ingest(n, b, Options{})
		if err != nil {
			t.Fatal(err)
		}
		fmt.Printf("=== %s tasks=%d title=%q region=%q level=%s year=%d date=%s no=%q issuer=%q\n", n, len(d.Tasks), d.Title, d.Region, d.Level, d.Year, d.Date, d.DocNumber, d.Issuer)
		for _, w := range d.Warnings {
			fmt.Printf("  W %s %s\n", w.Kind, w.Detail)
		}
		for _, s := range d.Sections {
			fmt.Printf("  S %s %q %q\n", s.Number, s.Heading, excerpt(s.Text, 50))
		}
		for _, tk := range d.Tasks {
			fmt.Printf("  T %s %v %q clauses=%d dep=%v\n", tk.ID, tk.Path, tk.Heading, len(tk.Clauses), tk.Departments)
			for _, tg := range tk.Targets {
				fmt.Printf("     tgt %+v\n", tg)
			}
			if os.Getenv("DUMP") == "2" {
				for _, c := range tk.Clauses {
					fmt.Printf("     c %s %v %q\n", c.ID, c.Damaged, c.Text)
				}
			}
		}
	}
}

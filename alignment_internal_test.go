package policycmp

import (
	"context"
	"testing"

	"github.com/policycmp/policycmp/align"
)

func TestHeadingLinks(t *testing.T) {
	doc := func(id string, headings ...string) *Document {
		d := &Document{ID: id}
		for _, h := range headings {
			d.Tasks = append(d.Tasks, &Task{ID: id + "/" + h, Heading: h})
		}
		return d
	}
	links, err := headingLinks(context.Background(), []*Document{
		doc("a", "健全公共卫生体系", "加强组织实施", "推进"),
		doc("b", "健全公共卫生服务体系", "推进智慧医院建设", "推进"),
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(links) != 1 || links[0].A != "a/健全公共卫生体系" || links[0].B != "b/健全公共卫生服务体系" {
		t.Fatalf("links = %+v, want one between the public-health headings", links)
	}
	if links[0].Kind != align.Related {
		t.Errorf("a heading alone makes tasks related, not %s", links[0].Kind)
	}
}

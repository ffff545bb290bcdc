package policycmp_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/require"

	"github.com/policycmp/policycmp"
	"github.com/policycmp/policycmp/seeds"
	"github.com/policycmp/policycmp/segment"
)

// The published schema (docs/policycmp-v1.schema.json) describes what
// WriteJSON writes: the seeds compared with alignment, and inputs with
// tables, sections, warnings with spans and empty documents.
func TestJSONMatchesSchema(t *testing.T) {
	data, err := os.ReadFile("docs/policycmp-v1.schema.json")
	require.NoError(t, err)
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	require.NoError(t, c.AddResource("policycmp-v1.schema.json", doc))
	sch, err := c.Compile("policycmp-v1.schema.json")
	require.NoError(t, err)

	validate := func(name string, docs []*policycmp.Document, align bool) {
		t.Helper()
		cfg := policycmp.Config{}
		if align {
			seg, err := segment.Shared()
			if err != nil {
				t.Skipf("jieba dictionaries unavailable: %v", err)
			}
			cfg.Aligner = policycmp.NewAligner(seg)
		}
		res, err := policycmp.Compare(context.Background(), docs, cfg)
		require.NoError(t, err)
		var buf bytes.Buffer
		require.NoError(t, policycmp.WriteJSON(&buf, res, " ", "", nil))
		var v any
		require.NoError(t, json.Unmarshal(buf.Bytes(), &v))
		require.NoError(t, sch.Validate(v), "%s: the JSON does not match the published schema", name)
	}
	sd, err := policycmp.LoadFS(context.Background(), seeds.FS(), seeds.Names(), policycmp.Options{})
	require.NoError(t, err)
	validate("seeds", sd, true)

	var odd []*policycmp.Document
	for i, text := range []string{
		"一、",
		"序号\n重点任务\n牵头单位\n1\n推进医共体建设\n县卫生健康局\n2\n完善医保支付\n县医保局\n",
		"一、任务\n（一）推进\x1b[2J医联体建设。\n本方案自印发之日起施行。\n附件：指标\n1.覆盖率≥95%；\n",
		"一、重点任务\n（一）建立规范有序的药品供应保障制度\n1.完善政策体系。彻底切断利益链条。\n2.加强短缺药品保障。\n", // a theme from the group's heading
	} {
		d, err := policycmp.IngestString("odd"+string(rune('a'+i))+".txt", text)
		require.NoError(t, err)
		odd = append(odd, d)
	}
	validate("odd inputs", odd, false)
}

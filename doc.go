// Package policycmp compares Chinese health-care reform policy documents
// across regions.
//
// Ingest turns raw, messy web text — any common encoding, traditional
// characters with pinyin annotations, page chrome, a document pasted twice,
// sentences cut by captions — into a Document: clean simplified text,
// sections, tasks ((一), 1., 一是 …) and clauses with byte offsets back into
// the decoded input, plus metadata, quantitative targets and the departments
// responsible. Every repair is reported in Document.Warnings.
//
// Compare classifies every task against a reform-theme taxonomy (package
// taxonomy) and links equivalent and related clauses and tasks across
// documents (the default Aligner, NewAligner, over package align; set
// Config.NoAlign for themes only). Package report renders the Result as
// Markdown, HTML, JSON or CSV.
//
//	docs, _ := policycmp.LoadFS(ctx, seeds.FS(), seeds.Names(), policycmp.Options{})
//	res, _ := policycmp.Compare(ctx, docs, policycmp.Config{}) // jieba words; NewAligner(segment.Bigrams) without
//	res.Coverage().Has(docs[0].ID, "pharma.procurement")
package policycmp

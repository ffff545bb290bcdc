//go:build cgo

package segment

// CutWords exposes Jieba.cutWords to the tests.
func CutWords(j *Jieba, s string) []string { return j.cutWords(s) }

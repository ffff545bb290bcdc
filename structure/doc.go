// Package structure finds the numbered structure of a plan's text: it
// rejoins lines that web pages break inside a sentence or a number
// (Reflow), recognises numbering markers at line starts and inside run-on
// lines (Markers, Cuts), and tells what kind of section a heading opens
// (SectionKind).
//
// It works on plain strings and knows nothing of documents: the caller
// keeps the offsets. The numbering schemes and section words are embedded
// data files (schemes.tsv, sections.tsv), so a new scheme or word is one row.
package structure

// Package extract reads what a reader cites from a plan's clean text, on
// plain strings: quantitative targets with their comparator, unit,
// deadline and indicator (Targets), the departments responsible from
// responsibility notes and duty lines (Tail, Parse, DutyLine), and the
// metadata of a document — the plan's own title, 文号, issuer, date, year
// and region with its level from package gazetteer (Read).
//
// It knows nothing of documents or offsets: package policycmp maps what it
// finds back onto its offset-mapped text.
package extract

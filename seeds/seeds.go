// Package seeds embeds the five seed documents, the default corpus of
// policycmp when no file is given. The files are kept verbatim, messy as they
// were found on the web.
package seeds

import (
	"embed"
	"io/fs"
	"slices"
)

//go:embed *.txt
var files embed.FS

// FS returns the seed documents as a read-only file system.
func FS() fs.FS { return files }

// Names lists the seed file names in order.
func Names() []string {
	entries, err := fs.ReadDir(files, ".")
	if err != nil { // cannot happen with an embedded directory
		return nil
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	slices.Sort(names)
	return names
}

// Read returns the bytes of one seed file.
func Read(name string) ([]byte, error) { return files.ReadFile(name) }

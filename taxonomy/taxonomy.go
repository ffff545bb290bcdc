// Package taxonomy holds the reform-theme taxonomy that policy tasks are
// mapped onto, and a dictionary classifier that assigns themes to plain text
// units with evidence. It knows nothing of documents: callers pass units of
// text and get theme IDs back.
//
// The default taxonomy is the shared codebook v1 (28 themes in 11 domain
// prefixes). Users may load their own from JSON or YAML with Load.
package taxonomy

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	yaml "go.yaml.in/yaml/v3"
)

//go:embed codebook.json
var codebook []byte

// Errors returned by Load and Validate.
var (
	ErrInvalid = errors.New("taxonomy: invalid taxonomy")

	reID = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,63}$`)
)

// Taxonomy is a set of themes grouped in domains.
type Taxonomy struct {
	Name    string   `json:"name" yaml:"name"`
	Version string   `json:"version" yaml:"version"`
	Domains []Domain `json:"domains" yaml:"domains"`
	Themes  []Theme  `json:"themes" yaml:"themes"`
	// Organising, when set, is the theme of a unit that says how the plan
	// itself is carried out (Unit.Organising: a task of a safeguard
	// section): it comes first for such a unit, before the themes its
	// words name. The codebook's boundary rule makes it governance.leadership.
	Organising string `json:"organising,omitempty" yaml:"organising,omitempty"`
}

// Domain groups themes; a theme's ID starts with its domain ID and a dot.
type Domain struct {
	ID string `json:"id" yaml:"id"`
	ZH string `json:"zh" yaml:"zh"`
	EN string `json:"en" yaml:"en"`
}

// Theme is one reform theme.
type Theme struct {
	ID     string `json:"id" yaml:"id"`
	Domain string `json:"domain" yaml:"domain"`
	ZH     string `json:"zh" yaml:"zh"`
	EN     string `json:"en" yaml:"en"`
	Scope  string `json:"scope,omitempty" yaml:"scope,omitempty"`
	// Terms are words or phrases that signal the theme. A term written
	// "re:<regexp>" is a regular expression (健康\p{Han}{2,3}行动).
	Terms []string `json:"terms" yaml:"terms"`
	// Weak terms signal the theme only together with other evidence; they
	// count for less than terms.
	Weak []string `json:"weak,omitempty" yaml:"weak,omitempty"`
}

// Default returns the built-in codebook v1. Each call returns a fresh copy
// that the caller may change.
func Default() *Taxonomy {
	t, err := Parse(codebook)
	if err != nil {
		panic("taxonomy: embedded codebook is invalid: " + err.Error()) // programmer error
	}
	return t
}

// Parse reads a taxonomy from JSON or YAML bytes and validates it.
func Parse(data []byte) (*Taxonomy, error) {
	var t Taxonomy
	trimmed := strings.TrimSpace(string(data))
	var err error
	if strings.HasPrefix(trimmed, "{") {
		err = json.Unmarshal(data, &t)
	} else {
		err = yaml.Unmarshal(data, &t)
	}
	if err != nil {
		return nil, fmt.Errorf("taxonomy: parse: %w", err)
	}
	if err := t.Validate(); err != nil {
		return nil, err
	}
	return &t, nil
}

// Load reads a taxonomy (JSON or YAML) from r.
func Load(r io.Reader) (*Taxonomy, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("taxonomy: read: %w", err)
	}
	return Parse(data)
}

// Validate checks IDs, domains and terms, and reports every problem found.
func (t *Taxonomy) Validate() error {
	var problems []string
	if len(t.Themes) == 0 {
		problems = append(problems, "no themes")
	}
	domains := map[string]bool{}
	for _, d := range t.Domains {
		if d.ID == "" {
			problems = append(problems, "a domain has no id")
		}
		if domains[d.ID] {
			problems = append(problems, fmt.Sprintf("duplicate domain id %q", d.ID))
		}
		domains[d.ID] = true
	}
	seen := map[string]bool{}
	for i, th := range t.Themes {
		switch {
		case th.ID == "":
			problems = append(problems, fmt.Sprintf("theme #%d has no id", i+1))
		case seen[th.ID]:
			problems = append(problems, fmt.Sprintf("duplicate theme id %q", th.ID))
		case !reID.MatchString(th.ID):
			problems = append(problems, fmt.Sprintf("theme id %q: want lower-case letters, digits, '.', '_' or '-' (IDs appear in reports and URLs)", th.ID))
		}
		seen[th.ID] = true
		if th.ID == Unclassified {
			problems = append(problems, fmt.Sprintf("theme id %q is reserved", th.ID))
		}
		if th.Domain == "" {
			problems = append(problems, fmt.Sprintf("theme %q has no domain", th.ID))
		} else if len(t.Domains) > 0 && !domains[th.Domain] {
			problems = append(problems, fmt.Sprintf("theme %q refers to unknown domain %q", th.ID, th.Domain))
		}
		if len(th.Terms) == 0 {
			problems = append(problems, fmt.Sprintf("theme %q has no terms", th.ID))
		}
		for _, term := range append(append([]string{}, th.Terms...), th.Weak...) {
			if strings.TrimSpace(term) == "" {
				problems = append(problems, fmt.Sprintf("theme %q has an empty term", th.ID))
			}
			if pat, ok := strings.CutPrefix(term, "re:"); ok {
				re, err := regexp.Compile(pat)
				switch {
				case err != nil:
					problems = append(problems, fmt.Sprintf("theme %q: bad term %q: %v", th.ID, term, err))
				case re.MatchString(""):
					problems = append(problems, fmt.Sprintf("theme %q: term %q matches the empty string, so every task would get the theme", th.ID, term))
				}
			}
		}
	}
	if t.Organising != "" && !seen[t.Organising] {
		problems = append(problems, fmt.Sprintf("organising theme %q is not a theme", t.Organising))
	}
	if len(problems) > 0 {
		return fmt.Errorf("%w: %s", ErrInvalid, strings.Join(problems, "; "))
	}
	return nil
}

// Theme returns the theme with the given ID.
func (t *Taxonomy) Theme(id string) (Theme, bool) {
	for _, th := range t.Themes {
		if th.ID == id {
			return th, true
		}
	}
	return Theme{}, false
}

// Domain returns the domain with the given ID.
func (t *Taxonomy) Domain(id string) (Domain, bool) {
	for _, d := range t.Domains {
		if d.ID == id {
			return d, true
		}
	}
	return Domain{ID: id, ZH: id, EN: id}, false
}

// IDs lists the theme IDs in taxonomy order.
func (t *Taxonomy) IDs() []string {
	ids := make([]string, len(t.Themes))
	for i, th := range t.Themes {
		ids[i] = th.ID
	}
	return ids
}

package segment

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// JiebaModule is the gojieba module whose dictionaries the segmenter uses.
const JiebaModule = "github.com/yanyiwu/gojieba@v1.4.7"

// dictFiles are the dictionary files jieba loads, in gojieba's order.
var dictFiles = []string{"jieba.dict.utf8", "hmm_model.utf8", "user.dict.utf8", "idf.utf8", "stop_words.utf8"}

// moduleDictPath is where the dictionaries sit inside the module.
const moduleDictPath = "deps/cppjieba/dict"

// CacheDictDir is the folder InstallDict writes to and NewJieba looks in:
// policycmp/gojieba-v1.4.7 in the user's cache folder.
func CacheDictDir() (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("segment: no user cache folder: %w", err)
	}
	return filepath.Join(dir, "policycmp", "gojieba-v1.4.7"), nil
}

// dictCandidates lists the folders NewJieba tries, in order, when no
// folder is named: $POLICYCMP_JIEBA_DICT, the gojieba module this binary
// was built from (its path is lost with -trimpath), the user cache
// (InstallDict) and the Go module cache on this machine.
func dictCandidates() []string {
	var out []string
	if d := os.Getenv("POLICYCMP_JIEBA_DICT"); d != "" {
		return []string{d}
	}
	if d := builtinDictDir(); d != "" && filepath.IsAbs(d) {
		out = append(out, d)
	}
	if d, err := CacheDictDir(); err == nil {
		out = append(out, d)
	}
	for _, mod := range moduleCaches() {
		out = append(out, filepath.Join(mod, filepath.FromSlash(JiebaModule), filepath.FromSlash(moduleDictPath)))
	}
	return out
}

// moduleCaches lists the Go module caches this machine may have, from the
// environment only (no go command is run).
func moduleCaches() []string {
	if m := os.Getenv("GOMODCACHE"); m != "" {
		return []string{m}
	}
	var out []string
	for _, p := range filepath.SplitList(os.Getenv("GOPATH")) {
		if p != "" {
			out = append(out, filepath.Join(p, "pkg", "mod"))
		}
	}
	if home, err := os.UserHomeDir(); err == nil {
		out = append(out, filepath.Join(home, "go", "pkg", "mod"))
	}
	return out
}

// hasDict reports whether dir holds every dictionary file.
func hasDict(dir string) bool {
	for _, f := range dictFiles {
		if st, err := os.Stat(filepath.Join(dir, f)); err != nil || st.IsDir() {
			return false
		}
	}
	return true
}

// findDict returns the first candidate folder that holds the dictionaries.
func findDict() (string, []string) {
	tried := dictCandidates()
	for _, d := range tried {
		if hasDict(d) {
			return d, tried
		}
	}
	return "", tried
}

// dictHelp is the fix named by ErrDictNotFound errors.
const dictHelp = "run 'policycmp dict install' (it copies them from the Go module cache, or downloads " + JiebaModule +
	" with the go command), or set POLICYCMP_JIEBA_DICT to a folder that has them"

// InstallDict copies jieba's dictionaries into dest (CacheDictDir when
// empty), from a folder that has them on this machine or, failing that,
// from the gojieba module fetched with 'go mod download'. It returns the
// folder written. Files are written whole or not at all.
func InstallDict(ctx context.Context, dest string) (string, error) {
	if dest == "" {
		d, err := CacheDictDir()
		if err != nil {
			return "", err
		}
		dest = d
	}
	src, _ := findDict()
	if src == "" || filepath.Clean(src) == filepath.Clean(dest) {
		if hasDict(dest) {
			return dest, nil
		}
		dir, err := downloadModule(ctx)
		if err != nil {
			return "", err
		}
		src = filepath.Join(dir, filepath.FromSlash(moduleDictPath))
	}
	if err := os.MkdirAll(dest, 0o755); err != nil {
		return "", fmt.Errorf("segment: install dictionaries: %w", err)
	}
	for _, f := range dictFiles {
		if err := copyFile(filepath.Join(src, f), filepath.Join(dest, f)); err != nil {
			return "", fmt.Errorf("segment: install dictionaries: %w", err)
		}
	}
	return dest, nil
}

// downloadModule fetches the gojieba module with the go command and
// returns its folder.
func downloadModule(ctx context.Context) (string, error) {
	goCmd, err := exec.LookPath("go")
	if err != nil {
		return "", fmt.Errorf("%w: no folder on this machine has them and the go command is not installed to download %s; copy the folder %s of that module here and set POLICYCMP_JIEBA_DICT to it",
			ErrDictNotFound, JiebaModule, moduleDictPath)
	}
	var out, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, goCmd, "mod", "download", "-json", JiebaModule)
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("segment: go mod download %s: %w: %s", JiebaModule, err, strings.TrimSpace(stderr.String()))
	}
	var info struct{ Dir string }
	if err := json.Unmarshal(out.Bytes(), &info); err != nil || info.Dir == "" {
		return "", fmt.Errorf("segment: go mod download %s gave no folder: %s", JiebaModule, strings.TrimSpace(out.String()))
	}
	return info.Dir, nil
}

// copyFile copies src to dst through a temporary file renamed into place.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	tmp, err := os.CreateTemp(filepath.Dir(dst), ".dict-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := io.Copy(tmp, in); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), dst)
}

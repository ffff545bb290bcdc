package segment

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fakeModule lays out a module cache that holds the dictionaries (as tiny
// stand-ins) where the go command would put them.
func fakeModule(t *testing.T) (modcache, dictDir string) {
	modcache = t.TempDir()
	dictDir = filepath.Join(modcache, filepath.FromSlash(JiebaModule), filepath.FromSlash(moduleDictPath))
	require.NoError(t, os.MkdirAll(dictDir, 0o755))
	for _, f := range dictFiles {
		require.NoError(t, os.WriteFile(filepath.Join(dictDir, f), []byte(f), 0o644))
	}
	return modcache, dictDir
}

// A binary built with -trimpath (or copied elsewhere) has no usable
// module path: the dictionaries are still found in the module cache, and
// after InstallDict in the user cache, without the module cache.
func TestDictionaryLookupAndInstall(t *testing.T) {
	modcache, dictDir := fakeModule(t)
	t.Setenv("POLICYCMP_JIEBA_DICT", "")
	t.Setenv("GOMODCACHE", modcache)
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())

	found, _ := findDict()
	if builtin := builtinDictDir(); builtin != "" && filepath.IsAbs(builtin) && hasDict(builtin) {
		assert.Equal(t, builtin, found, "the module the binary was built from comes first")
	} else {
		assert.Equal(t, dictDir, found)
	}

	dest, err := InstallDict(context.Background(), "")
	require.NoError(t, err)
	cache, err := CacheDictDir()
	require.NoError(t, err)
	assert.Equal(t, cache, dest)
	assert.True(t, hasDict(dest))

	// Without the module cache, the installed copy is what is found.
	t.Setenv("GOMODCACHE", t.TempDir())
	assert.Contains(t, dictCandidates(), cache)

	// Nothing anywhere: the error names the fix.
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	t.Setenv("POLICYCMP_JIEBA_DICT", t.TempDir())
	_, err = NewJieba(Options{})
	require.ErrorIs(t, err, ErrDictNotFound)
	assert.Contains(t, err.Error(), "policycmp dict install")
}

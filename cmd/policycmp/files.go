package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/policycmp/policycmp"
)

// MaxSideFile is the size limit of a taxonomy or gold file.
const MaxSideFile = 16 << 20

// readBounded reads a regular file of at most limit bytes. The size is
// checked before anything is read, and the read itself is bounded, so a
// device (/dev/zero) or a growing file cannot exhaust memory.
func readBounded(name string, limit int64) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() && info.Size() > limit {
		return nil, fmt.Errorf("%s: %d bytes, limit %d: %w", name, info.Size(), limit, policycmp.ErrTooLarge)
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s: more than %d bytes: %w", name, limit, policycmp.ErrTooLarge)
	}
	return data, nil
}

// readFile reads a side file (taxonomy, gold) with its size bounded.
func readFile(name string) ([]byte, error) { return readBounded(name, MaxSideFile) }

// walkInputs lists the input files under dir in name order. Symbolic links
// to folders are followed (each folder once, so a link loop ends);
// AppleDouble files (._x.txt), hidden files and anything that is not a
// regular file (a FIFO, a socket, a device) are passed over with a
// warning on warn.
func walkInputs(ctx context.Context, dir string, warn func(format string, args ...any)) ([]string, error) {
	seen := map[string]bool{}
	var files []string
	var walk func(d string) error
	walk = func(d string) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		real, err := filepath.EvalSymlinks(d)
		if err != nil {
			warn("%s: %v; skipped", d, err)
			return nil
		}
		if seen[real] {
			return nil
		}
		seen[real] = true
		entries, err := os.ReadDir(d)
		if err != nil {
			warn("%s: %v; skipped", d, err)
			return nil
		}
		for _, e := range entries {
			p := filepath.Join(d, e.Name())
			if strings.HasPrefix(e.Name(), ".") {
				continue // hidden files and AppleDouble resource forks (._x.txt)
			}
			info, err := os.Stat(p) // follows links
			if err != nil {
				warn("%s: %v; skipped", p, err)
				continue
			}
			switch {
			case info.IsDir():
				if err := walk(p); err != nil {
					return err
				}
			case !isInputName(p):
			case !info.Mode().IsRegular():
				warn("%s: not a regular file (%s); skipped", p, info.Mode().Type())
			default:
				files = append(files, p)
			}
		}
		return nil
	}
	if err := walk(dir); err != nil {
		return nil, err
	}
	slices.Sort(files)
	return files, nil
}

// errWriter remembers the first write error, so that a command whose
// printing ignores errors still fails when its output could not be
// written.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	if err == nil && n < len(p) {
		err = io.ErrShortWrite
	}
	e.err = err
	return n, err
}

// output opens the destination of a command. --out is written to a
// temporary file beside the target and renamed over it only when the
// command succeeded (closeFn(nil)) and every write and the close did, so a
// failed run leaves the old file whole; closeFn returns failed, or the
// first write error.
func (c *common) output(e *env) (io.Writer, func(failed error) error, error) {
	if c.out == "" || c.out == "-" {
		ew := &errWriter{w: e.stdout}
		return ew, func(failed error) error {
			if failed != nil {
				return failed
			}
			if ew.err != nil {
				return fmt.Errorf("write standard output: %w", ew.err)
			}
			return nil
		}, nil
	}
	dir, base := filepath.Split(c.out)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".tmp*")
	if err != nil {
		return nil, nil, err
	}
	// CreateTemp makes the file private (0600): give it the mode of the
	// file it replaces, or a new file's usual 0644.
	mode := os.FileMode(0o644)
	if st, err := os.Stat(c.out); err == nil {
		mode = st.Mode().Perm()
	}
	if err := f.Chmod(mode); err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, nil, err
	}
	ew := &errWriter{w: f}
	closeFn := func(failed error) error {
		err := failed
		if err == nil {
			err = ew.err
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			err = os.Rename(f.Name(), c.out)
		}
		if err != nil {
			os.Remove(f.Name())
			if failed != nil {
				return failed
			}
			return fmt.Errorf("write %s: %w", c.out, err)
		}
		return nil
	}
	return ew, closeFn, nil
}

// writeFileAtomic writes data to path through a temporary file renamed
// into place, as --out is written.
func writeFileAtomic(path string, data []byte) error {
	c := common{out: path}
	w, closeFn, err := c.output(&env{})
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return closeFn(err)
}

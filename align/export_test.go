package align

import "context"

// RankAll ranks every content of the index as AlignIndex does (tests only).
func (ix *Index) RankAll(ctx context.Context, k, budget int) error {
	_, err := ix.rankings(ctx, k, budget, 0)
	return err
}

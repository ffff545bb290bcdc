package work

// Distinct numbers the keys of 0..n-1 by first appearance: ids[i] is the
// number of key(i), and keys[id] the key numbered id. Equal keys share a
// number, so a value made once per distinct key serves every index.
func Distinct[K comparable](n int, key func(i int) K) (ids []int32, keys []K) {
	at := make(map[K]int32, n/4)
	ids = make([]int32, n)
	for i := range n {
		k := key(i)
		id, ok := at[k]
		if !ok {
			id = int32(len(keys))
			at[k] = id
			keys = append(keys, k)
		}
		ids[i] = id
	}
	return ids, keys
}

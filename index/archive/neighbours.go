package archive

import "github.com/readout/readout/index"

// Neighbours returns other governments' statements on the subjects the article an id names is
// about, dated near it (catalog.Neighbours).
func (a *Archive) Neighbours(articleID string) ([]index.Neighbour, error) {
	st, err := a.current()
	if err != nil {
		return nil, err
	}
	return st.cat.Neighbours(articleID)
}

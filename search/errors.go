package search

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/elastic/go-elasticsearch/v8/esapi"
)

// esError is the error object of an Elasticsearch response. Only its type
// and reason are ever shown, never the document that caused it.
type esError struct {
	Type   string `json:"type"`
	Reason string `json:"reason"`
}

func (e *esError) String() string {
	if e == nil {
		return ""
	}
	return e.Type + ": " + e.Reason
}

// statusError is an error response from Elasticsearch.
type statusError struct {
	Status int
	Err    esError
}

func (e *statusError) Error() string {
	if e.Err.Type == "" {
		return fmt.Sprintf("elasticsearch status %d", e.Status)
	}
	return fmt.Sprintf("elasticsearch status %d: %s", e.Status, e.Err.String())
}

// responseError reads an error response; the body is read only for the
// error's type and reason.
func responseError(res *esapi.Response) error {
	se := &statusError{Status: res.StatusCode}
	var body struct {
		Error json.RawMessage `json:"error"`
	}
	if err := json.NewDecoder(io.LimitReader(res.Body, 1<<20)).Decode(&body); err == nil && len(body.Error) > 0 {
		// Some APIs (alias lookups) answer with a bare string.
		if json.Unmarshal(body.Error, &se.Err) != nil {
			var s string
			if json.Unmarshal(body.Error, &s) == nil {
				se.Err.Reason = s
			}
		}
	}
	return se
}

func statusOf(err error) int {
	var se *statusError
	if errors.As(err, &se) {
		return se.Status
	}
	return 0
}

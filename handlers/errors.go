package handlers

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"

	"github.com/go-chi/chi/v5/middleware"

	"github.com/readout/readout/index"
	"github.com/readout/readout/web"
)

// Error is a failure to answer as asked, with what the reader is told. Handlers return it; the
// adapter renders it as a page or as JSON.
type Error struct {
	Status  int
	Msg     string   // one line for the reader: what is wrong, and what to do
	Err     error    // the cause, logged, never shown
	Choices []choice // for a 300: what the address names
}

// choice is one of the things an address names, when it names several.
type choice struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Date  string `json:"date"` // as the API writes dates
	File  string `json:"file"`
	URL   string `json:"url"`
	when  string // as pages write them
}

func (e *Error) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%d %s: %v", e.Status, e.Msg, e.Err)
	}
	return fmt.Sprintf("%d %s", e.Status, e.Msg)
}

func (e *Error) Unwrap() error { return e.Err }

func badRequest(format string, args ...any) *Error {
	return &Error{Status: http.StatusBadRequest, Msg: fmt.Sprintf(format, args...)}
}

func notFound(format string, args ...any) *Error {
	return &Error{Status: http.StatusNotFound, Msg: fmt.Sprintf(format, args...)}
}

// handlerFunc is a handler that returns its failure instead of writing it.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// format says how a route answers: pages in HTML, the API in JSON.
type format int

const (
	htmlFormat format = iota
	jsonFormat
)

// handle adapts a handlerFunc: a returned error becomes one answer in the route's format, with
// the right status, logged when it is the server's fault.
func (s *Server) handle(f format, h handlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.fail(w, r, f, err)
		}
	}
}

// fail answers with the error. Anything that is not an *Error, a missing index or a cancelled
// request is the server's fault: a 500 whose cause is logged, not shown.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, f format, err error) {
	var e *Error
	var qe *index.QueryError
	var moved *index.MovedError
	var amb *index.AmbiguousError
	switch {
	case errors.As(err, &e):
	case errors.As(err, &moved):
		// An old id of an article or a quote (index/ids.go): to the same page under its id of
		// the day. Not a permanent redirect: the id may be this one again one day.
		u := path.Dir(r.URL.Path) + "/" + url.PathEscape(moved.ID)
		if r.URL.RawQuery != "" {
			u += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, u, http.StatusFound)
		return
	case errors.As(err, &amb):
		e = ambiguous(r, amb)
	case errors.As(err, &qe):
		e = badRequest("%s", qe.Msg)
	case errors.Is(err, index.ErrNotFound):
		e = notFound("There is nothing at this address.")
	case errors.Is(err, index.ErrGone):
		e = &Error{Status: http.StatusGone, Msg: "This article's file was changed or removed after the archive was indexed. It is shown again, as it now is, once the archive is indexed again (at the next rescan of its folder, or the next start).", Err: err}
	case errors.Is(err, index.ErrNotReady):
		e = &Error{Status: http.StatusServiceUnavailable, Msg: "The archive is being indexed; this page will be ready in a moment.", Err: err}
	case errors.Is(err, index.ErrBusy):
		e = &Error{Status: http.StatusServiceUnavailable, Msg: "Searches of very common phrases (such as \"of the\") are run a few at a time, and those places are taken. Try again in a few seconds, or add a rarer word to the phrase.", Err: err}
	case errors.Is(err, context.DeadlineExceeded):
		e = &Error{Status: http.StatusServiceUnavailable, Msg: "The search took too long. Try fewer or more specific words.", Err: err}
	case errors.Is(err, context.Canceled) || r.Context().Err() != nil:
		// The reader has gone, or is going: an answer that says so, never an empty 200, and
		// nothing worth an error in the log.
		e = &Error{Status: http.StatusServiceUnavailable, Msg: "The request was cancelled.", Err: err}
	default:
		e = &Error{Status: http.StatusInternalServerError, Msg: "Something went wrong on our side. It has been logged; please try again.", Err: err}
	}
	if e.Status >= 500 && e.Status != http.StatusServiceUnavailable && r.Context().Err() == nil {
		s.log.Error("request failed", "status", e.Status, "method", r.Method, "path", r.URL.Path,
			"request_id", middleware.GetReqID(r.Context()), "err", e.Err)
	} else if e.Err != nil {
		s.log.Debug("request refused", "status", e.Status, "path", r.URL.Path, "err", e.Err)
	}
	if e.Status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", "5")
	}
	if r.Context().Err() != nil {
		// Nothing is rendered for a reader who has gone; a short answer closes the request.
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(e.Status)
		w.Write([]byte(e.Msg + "\n"))
		return
	}
	if f == jsonFormat {
		writeJSON(w, e.Status, apiError{Error: apiErrorBody{Status: e.Status, Message: e.Msg}, Choices: e.Choices})
		return
	}
	page := web.Error{
		Page:    web.Page{Title: http.StatusText(e.Status)},
		Status:  e.Status,
		Heading: errorHeading(e.Status),
		Message: e.Msg,
	}
	for _, c := range e.Choices {
		page.Choices = append(page.Choices, web.Link{URL: c.URL, Label: c.Title, Hint: c.when + " · " + c.File})
	}
	if e.Status == http.StatusServiceUnavailable && !s.archive.Ready() {
		p := s.archive.Progress()
		page.Done, page.Total = p.Done, p.Total
		page.Heading = "Indexing under way"
		if p.Total > 0 {
			page.Message = "The archive is being indexed: " + strconv.Itoa(p.Done) + " of " + strconv.Itoa(p.Total) + " articles so far. This page will be ready in a moment."
		}
	}
	s.render(w, r, e.Status, web.ErrorPage(page))
}

// ambiguous is the answer to a plain id that files of different texts share: a list of each,
// under its own id, in the route's form (a page, or the API).
func ambiguous(r *http.Request, amb *index.AmbiguousError) *Error {
	what, link := "articles", articleURL
	if amb.Quotes {
		what, link = "quotes", quoteURL
	}
	prefix := ""
	if strings.HasPrefix(r.URL.Path, "/api/") {
		prefix = "/api"
	}
	e := &Error{
		Status: http.StatusMultipleChoices,
		Msg:    fmt.Sprintf("This id names %d %s: files of different texts were filed under it, and each is kept under an id of its own.", len(amb.Choices), what),
	}
	for _, c := range amb.Choices {
		e.Choices = append(e.Choices, choice{
			ID: c.ID, Title: c.Article.Title, Date: c.Article.Date.ISO(), File: c.Article.Path,
			URL: prefix + link(c.ID), when: c.Article.Date.String(),
		})
	}
	return e
}

func errorHeading(status int) string {
	switch status {
	case http.StatusMultipleChoices:
		return "Several documents have this id"
	case http.StatusBadRequest:
		return "That request cannot be read"
	case http.StatusNotFound:
		return "Not found"
	case http.StatusMethodNotAllowed:
		return "Not allowed"
	case http.StatusGone:
		return "Changed since it was indexed"
	case http.StatusServiceUnavailable:
		return "Busy for a moment"
	}
	return "Something went wrong"
}

type apiError struct {
	Error   apiErrorBody `json:"error"`
	Choices []choice     `json:"choices,omitempty"`
}

type apiErrorBody struct {
	Status  int    `json:"status"`
	Message string `json:"message"`
}

// logger returns the request's logger: the server's, with the request id.
func (s *Server) logger(r *http.Request) *slog.Logger {
	return s.log.With("request_id", middleware.GetReqID(r.Context()))
}

// Package handlers is Readout's HTTP side: the chi router and its middleware, the reading and
// checking of every request against the contract in params.go, and the answers: templ pages,
// JSON, Atom and OpenSearch. Handlers parse, call the archive, build a view model, render.
package handlers

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"log/slog"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/a-h/templ"
	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"github.com/readout/readout/index"
	"github.com/readout/readout/index/highlight"
	"github.com/readout/readout/web"
)

// Archive is what the handlers need of the archive. It is declared here, where it is used, so
// that tests can give the handlers a real archive built from test files.
type Archive interface {
	Ready() bool
	Progress() index.Progress
	Stats() (index.Stats, error)
	Search(ctx context.Context, q index.Query) (*index.Results, error)
	Article(id string) (*index.Article, error)
	Quote(id string) (*index.Quote, *index.Article, error)
	Articles(page, perPage int) ([]index.Summary, int, error)
	Actors() ([]index.ActorInfo, error)
	ActorList(q index.ActorQuery) (*index.ActorList, error)
	Actor(id string) (*index.ActorInfo, error)
	Topics() ([]index.TopicInfo, error)
	Topic(id string) (*index.TopicInfo, error)
	Monthly(actor, topic string) ([]index.MonthCount, error)
	Highlighter(search string) *highlight.Highlighter
	// DidYouMean respells the words of a search that the archive does not hold; nil when none.
	DidYouMean(ctx context.Context, text string) (*index.Respelling, error)
	// Generation changes when the archive's files change while it serves.
	Generation() uint64
	// Echoes returns where else a quote's statement is found; EchoCounts, for each quote of an
	// article found elsewhere, in how many places.
	Echoes(quoteID string) ([]index.Echo, error)
	EchoCounts(articleID string) (map[string]int, error)
	// Neighbours returns other governments' statements on the subjects an article is about,
	// dated near it.
	Neighbours(articleID string) ([]index.Neighbour, error)
}

// Config configures the handlers.
type Config struct {
	Archive Archive
	Logger  *slog.Logger
	// PublicURL is the site's address as readers reach it ("https://readout.example"), for
	// feeds, OpenSearch, citations and shared links. A request's Host header is never used.
	PublicURL string
	// SearchTimeout bounds one search; 0 means the default.
	SearchTimeout time.Duration
	// Now returns the time, for citations' access dates; nil means time.Now.
	Now func() time.Time
	// CacheBytes bounds the cache of answers to pages and API requests; 0 turns it off.
	CacheBytes int
	// MaxSearches bounds the pages and API requests worked on at once (answers from the cache
	// aside); 0 means 4 per core. Past it, up to MaxQueued more (0: 32 per core) wait their turn
	// for up to QueueWait (0: 2 s); past those, requests get a 503 at once.
	MaxSearches int
	MaxQueued   int
	QueueWait   time.Duration
}

// Server answers HTTP requests.
type Server struct {
	archive Archive
	log     *slog.Logger
	public  string
	timeout time.Duration
	now     func() time.Time
	cache   *responseCache
	limiter *limiter
	router  chi.Router
}

// New returns the server for the configuration.
func New(c Config) *Server {
	s := &Server{
		archive: c.Archive,
		log:     c.Logger,
		public:  strings.TrimRight(c.PublicURL, "/"),
		timeout: c.SearchTimeout,
		now:     c.Now,
		cache:   newResponseCache(c.CacheBytes),
	}
	// The bounds are in requests a core: search is CPU-bound. The queue is long enough for a few
	// dozen readers at once on a small machine (the soak runs 36 connections on two cores) and
	// the wait short enough to tell a reader the truth before a balancer's timeout does.
	if c.MaxSearches == 0 {
		c.MaxSearches = 4 * runtime.GOMAXPROCS(0)
	}
	if c.MaxQueued == 0 {
		c.MaxQueued = 32 * runtime.GOMAXPROCS(0)
	}
	if c.QueueWait == 0 {
		c.QueueWait = 2 * time.Second
	}
	s.limiter = newLimiter(c.MaxSearches, c.MaxQueued, c.QueueWait)
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.timeout <= 0 {
		s.timeout = 5 * time.Second
	}
	if s.now == nil {
		s.now = time.Now
	}
	s.router = s.routes()
	return s
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.router.ServeHTTP(w, r) }

// routes is the one route table.
func (s *Server) routes() chi.Router {
	r := chi.NewRouter()
	r.Use(
		middleware.RequestID,
		s.logRequests,
		s.recoverPanics,
		securityHeaders,
		middleware.GetHead, // HEAD is answered wherever GET is
	)
	r.NotFound(s.handle(htmlFormat, func(w http.ResponseWriter, r *http.Request) error {
		if strings.HasPrefix(r.URL.Path, "/api/") {
			s.fail(w, r, jsonFormat, notFound("There is no API endpoint at %s.", clip(r.URL.Path, 80)))
			return nil
		}
		return notFound("There is no page at this address.")
	}))
	r.MethodNotAllowed(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Allow", "GET, HEAD")
		f := htmlFormat
		if strings.HasPrefix(r.URL.Path, "/api/") {
			f = jsonFormat
		}
		s.fail(w, r, f, &Error{Status: http.StatusMethodNotAllowed, Msg: "Only GET and HEAD are answered here."})
	})

	// Health: answered at once, whatever the index is doing.
	r.Get("/healthz", s.healthz)
	r.Get("/readyz", s.readyz)
	r.Handle("/static/*", http.StripPrefix("/static/", staticFiles(web.Static())))
	r.Get("/opensearch.xml", s.handle(htmlFormat, s.openSearch))
	r.Get("/robots.txt", robots)

	// Pages and the API, answered from the cache when asked before.
	r.Group(func(r chi.Router) {
		r.Use(s.cacheResponses)
		r.Use(s.limit(htmlFormat))
		r.Get("/", s.handle(htmlFormat, s.home))
		r.Get("/search", s.handle(htmlFormat, s.search))
		r.Get("/search/help", s.handle(htmlFormat, s.searchHelp))
		r.Get("/feed", s.handle(htmlFormat, s.feed))
		r.Get("/articles/{id}", s.handle(htmlFormat, s.article))
		r.Get("/quotes/{id}", s.handle(htmlFormat, s.quote))
		r.Get("/actors", s.handle(htmlFormat, s.actors))
		r.Get("/actors/{id}", s.handle(htmlFormat, s.actor))
		r.Get("/topics", s.handle(htmlFormat, s.topics))
		r.Get("/topics/{id}", s.handle(htmlFormat, s.topic))
	})
	// Downloads are streamed, never cached.
	r.With(s.limit(htmlFormat)).Get("/search/export", s.handle(htmlFormat, s.export))
	r.Group(func(r chi.Router) {
		r.Use(s.cacheResponses)
		r.Use(s.limit(jsonFormat))
		// The JSON API: the contract in DESIGN.md.
		r.Route("/api", func(r chi.Router) {
			r.Get("/articles", s.handle(jsonFormat, s.apiArticles))
			r.Get("/articles/{id}", s.handle(jsonFormat, s.apiArticle))
			r.Get("/search", s.handle(jsonFormat, s.apiSearch))
			r.Get("/quotes", s.handle(jsonFormat, s.apiQuotes))
			r.Get("/quotes/{id}", s.handle(jsonFormat, s.apiQuote))
			r.Get("/actors", s.handle(jsonFormat, s.apiActors))
			r.Get("/actors/{id}", s.handle(jsonFormat, s.apiActor))
			r.Get("/topics", s.handle(jsonFormat, s.apiTopics))
			r.Get("/topics/{id}", s.handle(jsonFormat, s.apiTopic))
		})
	})
	return r
}

// healthz handles "GET /healthz": the process is up.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write([]byte("ok\n"))
}

// readyz handles "GET /readyz": the index is complete and searchable (503 until then).
func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	p := s.archive.Progress()
	body := map[string]any{"ready": s.archive.Ready(), "indexed": p.Done, "total": p.Total}
	status := http.StatusOK
	if !s.archive.Ready() {
		status = http.StatusServiceUnavailable
		w.Header().Set("Retry-After", "2")
	}
	writeJSON(w, status, body)
}

func robots(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Write([]byte("User-agent: *\nDisallow: /feed\nDisallow: /api/\n"))
}

// staticFiles serves the embedded assets; their addresses carry a version, so they are cached
// for a year.
func staticFiles(fsys fs.FS) http.Handler {
	files := http.FileServerFS(fsys)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "" || strings.HasSuffix(r.URL.Path, "/") {
			http.NotFound(w, r) // no directory listings
			return
		}
		// A name that cannot be a file here (bytes that are not UTF-8, "..") or is not one is a
		// 404 before the file server sees it: it answers 500 for names the file system refuses.
		if name := r.URL.Path; !utf8.ValidString(name) || !fs.ValidPath(name) {
			http.NotFound(w, r)
			return
		} else if info, err := fs.Stat(fsys, name); err != nil || info.IsDir() {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		files.ServeHTTP(w, r)
	})
}

// render writes a page whole: it is rendered into a buffer first, so a failure half-way cannot
// send half a page under 200.
// answerBufs are the buffers pages and JSON answers are written into before they are sent, reused
// from one answer to the next: a page of hits is tens of kilobytes, grown from nothing each time
// a fifth of the bytes a search allocated.
var answerBufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func answerBuf() *bytes.Buffer {
	buf := answerBufs.Get().(*bytes.Buffer)
	buf.Reset()
	return buf
}

func putAnswerBuf(buf *bytes.Buffer) {
	if buf.Cap() <= 1<<20 { // a huge answer's buffer is not kept
		answerBufs.Put(buf)
	}
}

func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, c templ.Component) {
	buf := answerBuf()
	defer putAnswerBuf(buf)
	if err := c.Render(r.Context(), buf); err != nil {
		if r.Context().Err() != nil {
			s.fail(w, r, htmlFormat, context.Canceled)
			return
		}
		s.logger(r).Error("rendering failed", "path", r.URL.Path, "err", err)
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusInternalServerError)
		w.Write([]byte("Something went wrong on our side. It has been logged; please try again.\n"))
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	buf := answerBuf()
	defer putAnswerBuf(buf)
	enc := json.NewEncoder(buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil { // json.MarshalIndent's bytes, and a newline
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusInternalServerError)
		w.Write([]byte(`{"error":{"status":500,"message":"the answer could not be written"}}`))
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// abs returns the public address of a path.
func (s *Server) abs(path string) string { return s.public + path }

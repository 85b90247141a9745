package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/go-chi/httprate"
	"golang.org/x/sync/semaphore"

	"flowcare/graph"
)

// Codes of the refusals made before a request reaches GraphQL.
const (
	codeTooLarge    = "REQUEST_TOO_LARGE"
	codeBadRequest  = "BAD_REQUEST"
	codeRateLimited = "RATE_LIMITED"
	codeOverloaded  = "OVERLOADED"
)

// writeAPIError answers in the shape of a GraphQL error, so that clients read
// every refusal the same way.
func writeAPIError(w http.ResponseWriter, status int, code, message string) {
	writeJSON(w, status, map[string]any{"errors": []map[string]any{{
		"message": message, "extensions": map[string]string{"code": code},
	}}})
}

// clientAddress is the address limits are kept per.
func clientAddress(r *http.Request) string {
	ip, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		ip = r.RemoteAddr
	}
	return httprate.CanonicalizeIP(ip)
}

// readBody reads a request body up to limit bytes, whether its length was
// declared or it came chunked. ok is false when it answered the request itself.
func readBody(w http.ResponseWriter, r *http.Request, limit int64) (body []byte, ok bool) {
	if r.ContentLength > limit {
		writeAPIError(w, http.StatusRequestEntityTooLarge, codeTooLarge, tooLargeMessage(limit))
		return nil, false
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		writeAPIError(w, http.StatusRequestEntityTooLarge, codeTooLarge, tooLargeMessage(limit))
		return nil, false
	case err != nil:
		writeAPIError(w, http.StatusBadRequest, codeBadRequest, "请求内容未能完整读取，请重试")
		return nil, false
	}
	return body, true
}

func tooLargeMessage(limit int64) string {
	return "请求内容过大（上限 " + strconv.FormatInt(limit>>20, 10) + " MiB）"
}

// preflightHeader must come with a multipart request signed in by cookie.
const preflightHeader = "GraphQL-Preflight"

// graphQLRequest is what the guard needs to know of a JSON request.
type graphQLRequest struct {
	Query string `json:"query"`
}

// guardGraphQL checks a GraphQL request before gqlgen sees it: bodies within
// their limits, JSON that parses and is UTF-8 (gqlgen would echo a body it
// cannot parse, and would read invalid UTF-8 as replacement characters), and
// sign-in attempts within their rate.
func guardGraphQL(lim *limits, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			// Websocket upgrades: operations on the socket are checked by the
			// GraphQL extensions, and its messages are bounded by the transport.
			next.ServeHTTP(w, r.WithContext(graph.OverWebsocket(r.Context())))
			return
		}
		mediaType, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
		limit := int64(maxGraphQLBody)
		if mediaType == "multipart/form-data" {
			limit = maxUploadBody
		}
		body, ok := readBody(w, r, limit)
		if !ok {
			return
		}
		query := ""
		if mediaType == "multipart/form-data" && r.Header.Get("Authorization") == "" && r.Header.Get(preflightHeader) == "" {
			// A form post is a request any site can make with the visitor's
			// cookie; a custom header makes the browser ask first.
			writeAPIError(w, http.StatusBadRequest, codeBadRequest, "文件上传请求须带 "+preflightHeader+" 头")
			return
		}
		if mediaType == "multipart/form-data" {
			// The operation is one part of the form; the files are binary.
			query = multipartOperations(r, body)
			if !utf8.ValidString(query) {
				writeAPIError(w, http.StatusBadRequest, codeBadRequest, "请求内容不是有效的 UTF-8 文本")
				return
			}
		} else {
			if !utf8.Valid(body) {
				writeAPIError(w, http.StatusBadRequest, codeBadRequest, "请求内容不是有效的 UTF-8 文本")
				return
			}
			var req graphQLRequest
			if err := json.Unmarshal(body, &req); err != nil {
				writeAPIError(w, http.StatusBadRequest, codeBadRequest, "请求内容不是有效的 JSON")
				return
			}
			query = req.Query
		}
		// Field names cannot be escaped inside a GraphQL document, so a sign-in
		// always spells its field; a false match only spends one attempt.
		if strings.Contains(query, "signIn") && lim.signIn.limited(w, r) {
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		r.ContentLength = int64(len(body))
		next.ServeHTTP(w, r)
	})
}

// multipartOperations returns the operations part of a GraphQL multipart
// request, or the empty string when there is none.
func multipartOperations(r *http.Request, body []byte) string {
	_, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || params["boundary"] == "" {
		return ""
	}
	i := bytes.Index(body, []byte(`name="operations"`))
	if i < 0 {
		return ""
	}
	end := bytes.Index(body[i:], []byte("--"+params["boundary"]))
	if end < 0 {
		return string(body[i:])
	}
	return string(body[i : i+end])
}

// limits are the rates kept per client address.
type limits struct {
	signIn    *rateLimit
	anonymous *rateLimit
}

func newLimits(cfg Config) *limits {
	return &limits{
		signIn:    newRateLimit(cfg.SignInPerMinute, "登录尝试过于频繁，请稍后再试"),
		anonymous: newRateLimit(cfg.AnonymousPerMinute, "请求过于频繁，请稍后再试"),
	}
}

// rateLimit is one limit of requests per client address per minute.
type rateLimit struct {
	limiter *httprate.RateLimiter
	message string
}

func newRateLimit(perMinute int, message string) *rateLimit {
	if perMinute <= 0 {
		return nil
	}
	rl := &rateLimit{message: message}
	rl.limiter = httprate.NewRateLimiter(perMinute, time.Minute,
		httprate.WithLimitHandler(func(w http.ResponseWriter, _ *http.Request) {
			writeAPIError(w, http.StatusTooManyRequests, codeRateLimited, rl.message)
		}))
	return rl
}

// limited counts the request and answers 429 with Retry-After when the
// client is over the limit. A nil limit never limits.
func (l *rateLimit) limited(w http.ResponseWriter, r *http.Request) bool {
	if l == nil {
		return false
	}
	return l.limiter.RespondOnLimit(w, r, clientAddress(r))
}

// admission bounds the requests served at once, with a short queue; the rest
// are refused at once, so that an overloaded server keeps serving what it
// can in good time instead of serving everything late.
type admission struct {
	slots   *semaphore.Weighted
	waiting chan struct{}
	wait    time.Duration
}

func newAdmission(inFlight, queue int, wait time.Duration) *admission {
	if inFlight <= 0 {
		return nil
	}
	return &admission{slots: semaphore.NewWeighted(int64(inFlight)), waiting: make(chan struct{}, queue), wait: wait}
}

func (a *admission) handler(next http.Handler) http.Handler {
	if a == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Upgrade") != "" {
			// A websocket lives for the whole session; its operations are few.
			next.ServeHTTP(w, r)
			return
		}
		if !a.slots.TryAcquire(1) {
			select {
			case a.waiting <- struct{}{}:
			default:
				overloaded(w)
				return
			}
			ctx, cancel := context.WithTimeout(r.Context(), a.wait)
			err := a.slots.Acquire(ctx, 1)
			cancel()
			<-a.waiting
			if err != nil {
				overloaded(w)
				return
			}
		}
		defer a.slots.Release(1)
		next.ServeHTTP(w, r)
	})
}

func overloaded(w http.ResponseWriter) {
	w.Header().Set("Retry-After", "1")
	writeAPIError(w, http.StatusServiceUnavailable, codeOverloaded, "服务繁忙，请稍后再试")
}

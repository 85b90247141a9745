package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/lib/pq"

	"flowcare/internal/certificate"
	"flowcare/internal/flowcare"
)

// cmdMatch proposes matches for every open need of an area, on behalf of a
// staff member whose scope it runs under, printing progress as it goes.
func cmdMatch(ctx context.Context, cfg Config, stdout io.Writer, args []string) error {
	fs := flag.NewFlagSet("match", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	area := fs.String("area", "", "area id whose open needs to match")
	as := fs.String("as", "", "username of the staff member the proposals are made by")
	limit := fs.Int("limit", 5000, "most needs to match")
	if err := fs.Parse(args); err != nil || *area == "" || *as == "" || fs.NArg() > 0 {
		return usageError{"say `match --area AREA_ID --as USERNAME [--limit N]`"}
	}
	if _, err := cfg.keyring(); err != nil {
		return err
	}
	a, err := newApp(ctx, cfg)
	if err != nil {
		return err
	}
	defer a.db.Close()
	actor, err := a.access.ActorFor(ctx, *as)
	if err != nil {
		return errors.New(flowcare.ErrorMessage(err))
	}
	ctx = flowcare.WithActor(ctx, actor)
	var mu sync.Mutex
	last := time.Time{}
	res, err := a.matching.ProposeForArea(ctx, *area, *limit, func(done, total int) {
		mu.Lock()
		defer mu.Unlock()
		if done == total || time.Since(last) >= time.Second {
			last = time.Now()
			fmt.Fprintf(stdout, "match: %d/%d needs\n", done, total)
		}
	})
	if err != nil {
		return errors.New(flowcare.ErrorMessage(err))
	}
	rate := 0.0
	if res.Took > 0 {
		rate = float64(res.Needs) / res.Took.Seconds()
	}
	fmt.Fprintf(stdout, "match: %d needs, %d proposed, %d without a candidate, %d failed in %s (%.1f needs/s)\n",
		res.Needs, res.Proposed, res.NoCandidate, res.Failed, res.Took.Round(time.Millisecond), rate)
	return nil
}

// notifier fans PostgreSQL notifications of new in-app notifications out to
// the subscriptions of this replica, whichever replica wrote them.
type notifier struct {
	mu   sync.Mutex
	subs map[string]map[chan string]struct{}
}

func newNotifier() *notifier { return &notifier{subs: map[string]map[chan string]struct{}{}} }

func (n *notifier) Subscribe(ctx context.Context, userID string) <-chan string {
	ch := make(chan string, 16)
	n.mu.Lock()
	if n.subs[userID] == nil {
		n.subs[userID] = map[chan string]struct{}{}
	}
	n.subs[userID][ch] = struct{}{}
	n.mu.Unlock()
	go func() {
		<-ctx.Done()
		n.mu.Lock()
		delete(n.subs[userID], ch)
		if len(n.subs[userID]) == 0 {
			delete(n.subs, userID)
		}
		n.mu.Unlock()
		close(ch)
	}()
	return ch
}

// deliver passes a "userID notificationID" payload to that user's
// subscribers; a subscriber too slow to keep up misses the push, not the
// notification, which stays in the inbox.
func (n *notifier) deliver(payload string) {
	user, id, ok := strings.Cut(payload, " ")
	if !ok {
		return
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	for ch := range n.subs[user] {
		select {
		case ch <- id:
		default:
		}
	}
}

// runNotifier listens for notifications until ctx ends.
func runNotifier(ctx context.Context, cfg Config, log *slog.Logger, n *notifier) {
	listener := pq.NewListener(cfg.DatabaseURL, time.Second, time.Minute, func(ev pq.ListenerEventType, err error) {
		if err != nil {
			log.Warn("notification listener", "error", err.Error())
		}
	})
	defer listener.Close()
	if err := listener.Listen("flowcare_notifications"); err != nil {
		log.Warn("notification listener: pushes are off until it reconnects", "error", err.Error())
	}
	for {
		select {
		case <-ctx.Done():
			return
		case ev := <-listener.Notify:
			if ev != nil {
				n.deliver(ev.Extra)
			}
		}
	}
}

// volunteerCertificate serves the signed-in volunteer's certificate of
// approved hours as a PDF.
func volunteerCertificate(a *app, cfg Config, log *slog.Logger) http.Handler {
	var (
		once     sync.Once
		renderer *certificate.Renderer
		fontErr  error
	)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		d, err := a.matching.Certificate(r.Context())
		if err != nil {
			writeError(w, log, r, "volunteer certificate", err)
			return
		}
		once.Do(func() { renderer, fontErr = certificate.New(cfg.CJKFont) })
		if fontErr != nil {
			log.ErrorContext(r.Context(), "volunteer certificate", "error", fontErr.Error())
			writeError(w, log, r, "volunteer certificate", flowcare.Errorf(flowcare.EUNAVAILABLE, "证明暂时无法生成，请联系平台管理员"))
			return
		}
		rec := certificate.Record{
			Number:        fmt.Sprintf("FC-%s-%s", d.IssuedOn.In(flowcare.Beijing).Format("20060102"), strings.ToUpper(d.Volunteer.ID[:8])),
			VolunteerName: d.Volunteer.DisplayName, VolunteerID: d.Volunteer.ID,
			Organisation: d.Organisation.Name, TotalMinutes: d.TotalMinutes, From: d.From, To: d.To, IssuedOn: d.IssuedOn,
		}
		contact := []string{}
		if d.Organisation.ContactName != nil {
			contact = append(contact, *d.Organisation.ContactName)
		}
		if d.Organisation.ContactPhone != nil {
			contact = append(contact, *d.Organisation.ContactPhone)
		}
		rec.OrganisationContact = strings.Join(contact, " ")
		if rec.OrganisationContact == "" {
			rec.OrganisationContact = "（未登记）"
		}
		for _, s := range d.Sessions {
			rec.Sessions = append(rec.Sessions, certificate.Session{Date: s.StartsAt, Content: s.Title, Minutes: s.Minutes()})
		}
		w.Header().Set("Content-Type", "application/pdf")
		w.Header().Set("Content-Disposition", `attachment; filename="volunteer-hours.pdf"`)
		w.Header().Set("Cache-Control", "no-store")
		if err := renderer.Render(w, rec); err != nil {
			log.ErrorContext(r.Context(), "volunteer certificate", "error", err.Error())
		}
	})
}

// writeError answers a download link's failure as JSON with the error's
// code and a message a person can act on.
func writeError(w http.ResponseWriter, log *slog.Logger, r *http.Request, what string, err error) {
	code := map[string]int{flowcare.EUNAUTHENTICATED: 401, flowcare.EFORBIDDEN: 403, flowcare.EINVALID: 400,
		flowcare.ENOTFOUND: 404, flowcare.ECONFLICT: 409, flowcare.EUNAVAILABLE: 503}[flowcare.ErrorCode(err)]
	if code == 0 {
		code = http.StatusInternalServerError
		log.ErrorContext(r.Context(), what, "error", err.Error())
	}
	writeJSON(w, code, map[string]any{"error": map[string]string{"code": flowcare.ErrorCode(err), "message": flowcare.ErrorMessage(err)}})
}

// fundingReport serves the funding-to-outcome report as a workbook.
func fundingReport(a *app, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		year := 0
		if v := r.URL.Query().Get("year"); v != "" {
			y, err := strconv.Atoi(v)
			if err != nil {
				writeError(w, log, r, "funding report", flowcare.Invalid("year", "年度“%s”无效", v))
				return
			}
			year = y
		}
		data, name, err := a.funding.ReportXLSX(r.Context(), year)
		if err != nil {
			writeError(w, log, r, "funding report", err)
			return
		}
		w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
		w.Header().Set("Cache-Control", "no-store")
		_, _ = w.Write(data)
	})
}

package main

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"flowcare/internal/certificate"
	"flowcare/internal/flowcare"
)

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

// statusOf is the HTTP status of a download's failure; an internal one is
// logged, since its detail is never shown.
func statusOf(log *slog.Logger, r *http.Request, what string, err error) int {
	code := map[string]int{flowcare.EUNAUTHENTICATED: 401, flowcare.EFORBIDDEN: 403, flowcare.EINVALID: 400,
		flowcare.ENOTFOUND: 404, flowcare.ECONFLICT: 409, flowcare.EUNAVAILABLE: 503}[flowcare.ErrorCode(err)]
	if code == 0 {
		code = http.StatusInternalServerError
		log.ErrorContext(r.Context(), what, "error", err.Error())
	}
	return code
}

// writeError answers a download link's failure as JSON with the error's
// code and a message a person can act on.
func writeError(w http.ResponseWriter, log *slog.Logger, r *http.Request, what string, err error) {
	writeJSON(w, statusOf(log, r, what, err), map[string]any{"error": map[string]string{"code": flowcare.ErrorCode(err), "message": flowcare.ErrorMessage(err)}})
}

// xlsxHeaders marks the response as a workbook download that no cache keeps.
func xlsxHeaders(w http.ResponseWriter, name string) {
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	w.Header().Set("Cache-Control", "no-store")
}

// writeXLSX sends a workbook as a download that no cache keeps.
func writeXLSX(w http.ResponseWriter, name string, data []byte) {
	xlsxHeaders(w, name)
	_, _ = w.Write(data)
}

// monitoringReport serves the half-yearly monitoring report of an area as an
// XLSX download; the use case checks who may export it and audits it.
func monitoringReport(a *app, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		book, name, err := a.children.MonitoringReport(r.Context(), r.URL.Query().Get("areaId"))
		if err != nil {
			// The report is opened as a link, so the refusal is a page a person reads.
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			w.WriteHeader(statusOf(log, r, "monitoring report", err))
			_, _ = io.WriteString(w, flowcare.ErrorMessage(err)+"\n")
			return
		}
		defer book.Close()
		xlsxHeaders(w, name)
		if _, err := book.WriteTo(w); err != nil {
			// The headers are gone; the client sees a cut-off download.
			log.Warn("monitoring report not fully sent", "err", err)
		}
	})
}

// fundingReport serves the funding-to-outcome report as a workbook.
func fundingReport(a *app, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		year := 0
		if v := r.URL.Query().Get("year"); v != "" {
			y, err := strconv.Atoi(v)
			if err == nil {
				err = flowcare.Year("year", y)
			}
			if err != nil {
				writeError(w, log, r, "funding report", flowcare.Invalid("year", "年度需为 %d 到 %d 之间的整数", flowcare.MinYear, flowcare.MaxYear))
				return
			}
			year = y
		}
		data, name, err := a.funding.ReportXLSX(r.Context(), year)
		if err != nil {
			writeError(w, log, r, "funding report", err)
			return
		}
		writeXLSX(w, name, data)
	})
}

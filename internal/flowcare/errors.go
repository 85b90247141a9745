// Package flowcare is the domain language of the platform: roles, areas,
// errors with codes and the interfaces the adapters implement. It imports
// nothing else from the project.
package flowcare

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Error codes are part of the API: clients branch on them, so they never change meaning.
const (
	EUNAUTHENTICATED = "UNAUTHENTICATED"
	EFORBIDDEN       = "FORBIDDEN"
	EINVALID         = "INVALID"
	ENOTFOUND        = "NOT_FOUND"
	ECONFLICT        = "CONFLICT"
	ELOCKED          = "LOCKED"
	EUNAVAILABLE     = "UNAVAILABLE"
	EINTERNAL        = "INTERNAL"
)

// Error is an application error: Code and Message are safe to show a person,
// Err carries internal detail that is only ever logged.
type Error struct {
	Code    string
	Message string
	// Field names the input that was wrong, for INVALID errors.
	Field string
	Err   error
}

func (e *Error) Error() string {
	s := e.Code + ": " + e.Message
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an application error with a person-readable message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Invalid returns an INVALID error about one input field.
func Invalid(field, format string, args ...any) *Error {
	return &Error{Code: EINVALID, Field: field, Message: fmt.Sprintf(format, args...)}
}

// Internal wraps an unexpected failure; its detail is logged, never shown.
func Internal(err error) *Error {
	return &Error{Code: EINTERNAL, Message: "服务器内部错误，请稍后再试", Err: err}
}

// Wrap annotates err with what was being attempted while keeping its code and
// person-readable message.
func Wrap(err error, attempt string) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s: %w", attempt, err)
}

// ErrorCode returns the code of the first application error in err's chain,
// EINTERNAL for any other error and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the person-readable message of err; internal errors
// get a generic message so that no detail leaks.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) && e.Code != EINTERNAL {
		return e.Message
	}
	return Internal(nil).Message
}

// ErrorField returns the input field an INVALID error is about, if any.
func ErrorField(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Field
	}
	return ""
}

// Text trims an entered text and checks it: present when required, at most
// max characters. The error names the field and says what to fix.
func Text(field, label, v string, required bool, max int) (string, error) {
	v = strings.TrimSpace(v)
	if required && v == "" {
		return "", Invalid(field, "请填写%s", label)
	}
	if utf8.RuneCountInString(v) > max {
		return "", Invalid(field, "%s不能超过 %d 个字符", label, max)
	}
	return v, nil
}

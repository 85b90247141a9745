package main

import (
	"fmt"
	"log/slog"
	"net/url"
	"strconv"
	"time"
)

// Config is read from the environment, with defaults for a local machine.
type Config struct {
	Addr             string
	DatabaseURL      string
	ElasticsearchURL string
	// SearchPrefix starts every index and alias name, so that several
	// deployments (or test runs) can share one cluster.
	SearchPrefix string
	// Env "dev" turns on GraphQL introspection and field suggestions.
	Env          string
	CookieSecure bool
	SessionTTL   time.Duration
	LogLevel     slog.Level
}

func loadConfig(getenv func(string) string) (Config, error) {
	c := Config{
		Addr:             or(getenv("FLOWCARE_ADDR"), "127.0.0.1:8080"),
		DatabaseURL:      or(getenv("DATABASE_URL"), "postgres://flowcare@127.0.0.1:55432/flowcare?sslmode=disable"),
		ElasticsearchURL: or(getenv("ELASTICSEARCH_URL"), "http://127.0.0.1:9250"),
		SearchPrefix:     or(getenv("FLOWCARE_SEARCH_PREFIX"), "flowcare"),
		Env:              or(getenv("FLOWCARE_ENV"), "prod"),
		SessionTTL:       12 * time.Hour,
	}
	if c.Env != "dev" && c.Env != "prod" && c.Env != "test" {
		return c, fmt.Errorf("FLOWCARE_ENV must be dev, test or prod, not %q", c.Env)
	}
	if v := getenv("FLOWCARE_COOKIE_SECURE"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return c, fmt.Errorf("FLOWCARE_COOKIE_SECURE must be true or false, not %q", v)
		}
		c.CookieSecure = b
	}
	if v := getenv("FLOWCARE_SESSION_TTL"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d < time.Minute {
			return c, fmt.Errorf("FLOWCARE_SESSION_TTL must be a duration of at least 1m, such as 12h, not %q", v)
		}
		c.SessionTTL = d
	}
	if v := getenv("FLOWCARE_LOG_LEVEL"); v != "" {
		if err := c.LogLevel.UnmarshalText([]byte(v)); err != nil {
			return c, fmt.Errorf("FLOWCARE_LOG_LEVEL must be debug, info, warn or error, not %q", v)
		}
	}
	for name, u := range map[string]string{"DATABASE_URL": c.DatabaseURL, "ELASTICSEARCH_URL": c.ElasticsearchURL} {
		if _, err := url.Parse(u); err != nil {
			return c, fmt.Errorf("%s is not a URL", name)
		}
	}
	return c, nil
}

func or(v, def string) string {
	if v == "" {
		return def
	}
	return v
}

// LogValue is the configuration as logged at start-up, with credentials removed.
func (c Config) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("addr", c.Addr),
		slog.String("database_url", redactURL(c.DatabaseURL)),
		slog.String("elasticsearch_url", redactURL(c.ElasticsearchURL)),
		slog.String("search_prefix", c.SearchPrefix),
		slog.String("env", c.Env),
		slog.Bool("cookie_secure", c.CookieSecure),
		slog.Duration("session_ttl", c.SessionTTL),
		slog.String("log_level", c.LogLevel.String()),
	)
}

func redactURL(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return "(unparsable)"
	}
	q := u.Query()
	for k := range q {
		if k == "password" || k == "sslpassword" {
			q.Set(k, "xxxxx")
		}
	}
	u.RawQuery = q.Encode()
	return u.Redacted()
}

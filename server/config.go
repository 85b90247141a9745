package main

import (
	"fmt"
	"log/slog"
	"net/url"
	"runtime"
	"strconv"
	"strings"
	"time"

	"flowcare/internal/secrets"
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
	// DataKeys ("id:base64key") encrypt personal data at rest; DataKeyID names
	// the one that encrypts new values; HashKey makes keyed hashes for look-ups.
	DataKeys   []string
	DataKeyID  string
	HashKey    string
	SessionTTL time.Duration
	LogLevel   slog.Level
	// MatchMaxKm is the farthest an offer may be from a child's community.
	MatchMaxKm float64
	// CJKFont is the TrueType font certificates are set in.
	CJKFont string
	// MetricsAddr is where /metrics is served, apart from the API
	// (FLOWCARE_METRICS_ADDR; "off" turns it off).
	MetricsAddr string
	// DrainTime is how long /readyz fails before shutting down, so that a
	// load balancer stops sending first.
	DrainTime time.Duration
	// SignInPerMinute and AnonymousPerMinute limit sign-in attempts and
	// requests without a session per client address; 0 turns a limit off.
	SignInPerMinute    int
	AnonymousPerMinute int
	// MaxInFlight requests are served at once, MaxQueue more wait at most
	// QueueWait for a turn, and the rest are refused at once; 0 MaxInFlight
	// admits everything.
	MaxInFlight int
	MaxQueue    int
	QueueWait   time.Duration
}

func loadConfig(getenv func(string) string) (Config, error) {
	c := Config{
		Addr:             or(getenv("FLOWCARE_ADDR"), "127.0.0.1:8080"),
		DatabaseURL:      or(getenv("DATABASE_URL"), "postgres://flowcare@127.0.0.1:55432/flowcare?sslmode=disable"),
		ElasticsearchURL: or(getenv("ELASTICSEARCH_URL"), "http://127.0.0.1:9250"),
		SearchPrefix:     or(getenv("FLOWCARE_SEARCH_PREFIX"), "flowcare"),
		Env:              or(getenv("FLOWCARE_ENV"), "prod"),
		SessionTTL:       12 * time.Hour,
		MatchMaxKm:       10,
		CJKFont:          or(getenv("FLOWCARE_CJK_FONT"), "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
		MetricsAddr:      "127.0.0.1:9464",
		DrainTime:        5 * time.Second,
		// A whole office may share one address: generous for people, tight for scripts.
		SignInPerMinute:    30,
		AnonymousPerMinute: 300,
		MaxInFlight:        inFlightPerCore * runtime.GOMAXPROCS(0),
		MaxQueue:           2 * inFlightPerCore * runtime.GOMAXPROCS(0),
		QueueWait:          50 * time.Millisecond,
	}
	switch v := getenv("FLOWCARE_METRICS_ADDR"); v {
	case "":
	case "off":
		c.MetricsAddr = ""
	default:
		c.MetricsAddr = v
	}
	for _, k := range strings.Split(getenv("FLOWCARE_DATA_KEYS"), ",") {
		if k = strings.TrimSpace(k); k != "" {
			c.DataKeys = append(c.DataKeys, k)
		}
	}
	c.DataKeyID, c.HashKey = getenv("FLOWCARE_DATA_KEY_ID"), getenv("FLOWCARE_HASH_KEY")
	if c.DataKeyID == "" && len(c.DataKeys) > 0 {
		c.DataKeyID, _, _ = strings.Cut(c.DataKeys[len(c.DataKeys)-1], ":")
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
	if v := getenv("FLOWCARE_MATCH_MAX_KM"); v != "" {
		km, err := strconv.ParseFloat(v, 64)
		if err != nil || km < 0.5 || km > 200 {
			return c, fmt.Errorf("FLOWCARE_MATCH_MAX_KM must be a number of kilometres from 0.5 to 200, not %q", v)
		}
		c.MatchMaxKm = km
	}
	for _, d := range []struct {
		name string
		into *time.Duration
		max  time.Duration
	}{{"FLOWCARE_DRAIN_TIME", &c.DrainTime, 5 * time.Minute}, {"FLOWCARE_QUEUE_WAIT", &c.QueueWait, time.Minute}} {
		if v := getenv(d.name); v != "" {
			dur, err := time.ParseDuration(v)
			if err != nil || dur < 0 || dur > d.max {
				return c, fmt.Errorf("%s must be a duration from 0s to %s, such as 5s, not %q", d.name, d.max, v)
			}
			*d.into = dur
		}
	}
	for _, n := range []struct {
		name string
		into *int
	}{
		{"FLOWCARE_SIGNIN_PER_MINUTE", &c.SignInPerMinute}, {"FLOWCARE_ANONYMOUS_PER_MINUTE", &c.AnonymousPerMinute},
		{"FLOWCARE_MAX_IN_FLIGHT", &c.MaxInFlight}, {"FLOWCARE_MAX_QUEUE", &c.MaxQueue},
	} {
		if v := getenv(n.name); v != "" {
			i, err := strconv.Atoi(v)
			if err != nil || i < 0 || i > 1_000_000 {
				return c, fmt.Errorf("%s must be a whole number from 0 to 1000000 (0 turns it off), not %q", n.name, v)
			}
			*n.into = i
		}
	}
	for name, u := range map[string]string{"DATABASE_URL": c.DatabaseURL, "ELASTICSEARCH_URL": c.ElasticsearchURL} {
		if _, err := url.Parse(u); err != nil {
			return c, fmt.Errorf("%s is not a URL", name)
		}
	}
	return c, nil
}

// inFlightPerCore was settled by make bench-overload on two cores with
// PostgreSQL, Elasticsearch and the load generator on the same machine: at 4
// per core the admitted p99 stayed near 150 ms with goodput at 4x overload
// between 77 % and 108 % of capacity (three runs); 2 per core gave a lower p99
// (about 90 ms) but lower goodput, and 8 per core pushed p99 past 200 ms.
// With the database on its own machines the API waits more and computes
// less: raise FLOWCARE_MAX_IN_FLIGHT there, measured the same way.
const inFlightPerCore = 4

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
		slog.Int("data_keys", len(c.DataKeys)),
		slog.String("data_key_id", c.DataKeyID),
		slog.Duration("session_ttl", c.SessionTTL),
		slog.String("log_level", c.LogLevel.String()),
		slog.String("metrics_addr", c.MetricsAddr),
		slog.Duration("drain_time", c.DrainTime),
		slog.Int("signin_per_minute", c.SignInPerMinute),
		slog.Int("anonymous_per_minute", c.AnonymousPerMinute),
		slog.Int("max_in_flight", c.MaxInFlight),
		slog.Int("max_queue", c.MaxQueue),
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

// keyring builds the keys for personal data, or explains how to configure them.
func (c Config) keyring() (*secrets.Keyring, error) {
	if len(c.DataKeys) == 0 || c.HashKey == "" {
		return nil, fmt.Errorf("no keys for personal data: set FLOWCARE_DATA_KEYS (id:base64key,…), FLOWCARE_DATA_KEY_ID and FLOWCARE_HASH_KEY; " +
			"`flowcare keygen` prints a new set, and `make run` keeps development keys in .local/keys.env")
	}
	k, err := secrets.New(c.DataKeys, c.DataKeyID, c.HashKey)
	if err != nil {
		return nil, fmt.Errorf("personal-data keys: %w", err)
	}
	return k, nil
}

// Command flowcare serves the GraphQL API and the web app, and runs the
// operator's commands: migrate, seed and more.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"flowcare/graph"
	"flowcare/internal/access"
	"flowcare/internal/children"
	"flowcare/internal/directory"
	"flowcare/internal/funding"
	"flowcare/internal/matching"
	"flowcare/internal/postgres"
	"flowcare/internal/reference"
	"flowcare/search"
)

const usage = `flowcare — care and protection of flow children

usage:
  flowcare serve [--migrate]    serve the API and web app (FLOWCARE_ADDR, default 127.0.0.1:8080)
  flowcare migrate up           apply pending database migrations
  flowcare migrate status       list migrations and whether each is applied
  flowcare seed --demo          load reference data and fictional demo users (safe to repeat)
  flowcare reindex [--index N]  rebuild search indices from PostgreSQL behind their aliases, with no downtime
                                (N: services, volunteers, slots or events; default all)
  flowcare match --area ID --as USERNAME
                                propose matches for every open need of an area, as that staff member
  flowcare rotate-keys          re-encrypt personal data under the current data key, in batches
  flowcare generate city [--scale F] [--seed N]
                                build a plainly fictional data set of Beijing's size on top of the demo (once)
  flowcare keygen               print a new set of personal-data keys as environment lines

environment: DATABASE_URL, ELASTICSEARCH_URL, FLOWCARE_SEARCH_PREFIX, FLOWCARE_ADDR, FLOWCARE_ENV (dev|test|prod),
             FLOWCARE_DATA_KEYS, FLOWCARE_DATA_KEY_ID, FLOWCARE_HASH_KEY,
             FLOWCARE_COOKIE_SECURE, FLOWCARE_SESSION_TTL, FLOWCARE_LOG_LEVEL, FLOWCARE_MATCH_MAX_KM, FLOWCARE_CJK_FONT,
             FLOWCARE_METRICS_ADDR, FLOWCARE_DRAIN_TIME, FLOWCARE_SIGNIN_PER_MINUTE, FLOWCARE_ANONYMOUS_PER_MINUTE,
             FLOWCARE_MAX_IN_FLIGHT, FLOWCARE_MAX_QUEUE, FLOWCARE_QUEUE_WAIT
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr, os.Getenv)
	stop()
	os.Exit(code)
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprint(stdout, usage)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	cfg, err := loadConfig(getenv)
	if err != nil {
		fmt.Fprintln(stderr, "flowcare: configuration:", err)
		return 2
	}
	log := slog.New(slog.NewJSONHandler(stderr, &slog.HandlerOptions{Level: cfg.LogLevel}))
	var cmdErr error
	switch args[0] {
	case "serve":
		cmdErr = cmdServe(ctx, cfg, log, args[1:])
	case "migrate":
		cmdErr = cmdMigrate(ctx, cfg, log, stdout, args[1:])
	case "seed":
		cmdErr = cmdSeed(ctx, cfg, log, stdout, args[1:])
	case "reindex":
		cmdErr = cmdReindex(ctx, cfg, stdout, args[1:])
	case "match":
		cmdErr = cmdMatch(ctx, cfg, stdout, args[1:])
	case "rotate-keys":
		cmdErr = cmdRotateKeys(ctx, cfg, stdout, args[1:])
	case "generate":
		cmdErr = cmdGenerate(ctx, cfg, stdout, args[1:])
	case "keygen":
		cmdErr = cmdKeygen(stdout)
	default:
		fmt.Fprintf(stderr, "flowcare: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
	if cmdErr != nil {
		var ue usageError
		if errors.As(cmdErr, &ue) {
			fmt.Fprintf(stderr, "flowcare %s: %v\n\n%s", args[0], cmdErr, usage)
			return 2
		}
		fmt.Fprintf(stderr, "flowcare %s: %v\n", args[0], cmdErr)
		return 1
	}
	return 0
}

type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func openDB(ctx context.Context, cfg Config) (*postgres.DB, error) {
	db, err := postgres.Open(ctx, cfg.DatabaseURL)
	if err != nil {
		return nil, fmt.Errorf("%w (is PostgreSQL running? `make services` starts a local one; DATABASE_URL=%s)", err, redactURL(cfg.DatabaseURL))
	}
	return db, nil
}

func cmdMigrate(ctx context.Context, cfg Config, log *slog.Logger, stdout io.Writer, args []string) error {
	if len(args) != 1 || (args[0] != "up" && args[0] != "status") {
		return usageError{"say `migrate up` or `migrate status`"}
	}
	db, err := openDB(ctx, cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	if args[0] == "status" {
		return postgres.PrintStatus(ctx, db.SQL(), stdout)
	}
	if err := postgres.Migrate(ctx, db.SQL(), log); err != nil {
		return err
	}
	st, err := postgres.Status(ctx, db.SQL())
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "database at migration %d of %d\n", st.Current, st.Latest)
	return nil
}

// app wires the use cases over the adapters.
type app struct {
	db        *postgres.DB
	search    *search.Client
	access    *access.Service
	reference *reference.Service
	directory *directory.Service
	children  *children.Service
	matching  *matching.Service
	funding   *funding.Service
	notifier  *notifier
	// draining is set when the process is about to stop; /readyz then fails.
	draining atomic.Bool
}

func (a *app) resolver() *graph.Resolver {
	return &graph.Resolver{Access: a.access, Reference: a.reference, Directory: a.directory, ChildFiles: a.children,
		Matching: a.matching, Funding: a.funding, Notifications: a.notifier}
}

func newApp(ctx context.Context, cfg Config) (*app, error) {
	db, err := openDB(ctx, cfg)
	if err != nil {
		return nil, err
	}
	return assemble(db, cfg)
}

// assemble wires the use cases over an open database and the configured cluster.
func assemble(db *postgres.DB, cfg Config) (*app, error) {
	sc, err := search.New(cfg.ElasticsearchURL, search.WithPrefix(cfg.SearchPrefix))
	if err != nil {
		db.Close()
		return nil, err
	}
	accessCfg := access.DefaultConfig
	accessCfg.SessionTTL = cfg.SessionTTL
	acc, err := access.New(db, access.DefaultArgon2id(), access.WithConfig(accessCfg))
	if err != nil {
		db.Close()
		return nil, err
	}
	signIn := func(ctx context.Context, username, password string) (string, time.Time, error) {
		res, err := acc.SignIn(ctx, username, password)
		if err != nil {
			return "", time.Time{}, err
		}
		return res.Token, res.ExpiresAt, nil
	}
	dir := directory.New(db, sc, access.DefaultArgon2id(), signIn, time.Now)
	// Without keys the child store refuses to work; serve and seed check for
	// them up front, and commands that touch no personal data run without.
	if k, err := cfg.keyring(); err == nil {
		db.UseKeyring(k)
	}
	mcfg := matching.DefaultConfig
	mcfg.MaxKm = cfg.MatchMaxKm
	return &app{db: db, search: sc, access: acc, reference: reference.New(db, time.Now), directory: dir,
		children: children.New(db, time.Now), matching: matching.New(db, sc, mcfg, time.Now), funding: funding.New(db, time.Now), notifier: newNotifier()}, nil
}

func cmdServe(ctx context.Context, cfg Config, log *slog.Logger, args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	migrate := fs.Bool("migrate", false, "apply pending migrations before serving")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	log.Info("starting flowcare", "config", cfg)
	if _, err := cfg.keyring(); err != nil {
		return err
	}
	a, err := newApp(ctx, cfg)
	if err != nil {
		return err
	}
	defer a.db.Close()
	a.db.UseLogger(log)
	if *migrate {
		if err := postgres.Migrate(ctx, a.db.SQL(), log); err != nil {
			return err
		}
	}
	st, err := postgres.Status(ctx, a.db.SQL())
	if err != nil {
		return err
	}
	if len(st.Pending) > 0 {
		return fmt.Errorf("the database is at migration %d but this build expects %d; run `flowcare migrate up` or start with `serve --migrate`", st.Current, st.Latest)
	}
	if info, err := a.search.Info(ctx); err != nil {
		// Elasticsearch being down must not stop the API: /readyz reports it.
		log.Warn("elasticsearch not reachable at start-up", "error", err.Error())
	} else {
		log.Info("elasticsearch", "version", info.Version.Number, "cluster", info.ClusterName)
	}
	m := newMetrics(prometheus.NewRegistry(), a)
	relayCtx, stopRelay := context.WithCancel(ctx)
	relayDone := make(chan struct{})
	go func() {
		defer close(relayDone)
		runRelay(relayCtx, cfg, log, a, m)
	}()
	go runNotifier(relayCtx, cfg, log, a.notifier)
	err = serveHTTP(ctx, cfg, log, a, newHandler(cfg, log, a, m), newMetricsHandler(m))
	stopRelay()
	<-relayDone
	return err
}

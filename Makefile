# flowcare — `make run` serves everything locally; `make test` runs every test.
# Local PostgreSQL and Elasticsearch live under .local/ and bind to 127.0.0.1.
# With DATABASE_URL / ELASTICSEARCH_URL set in the environment, those servers
# are used instead and nothing is started.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PG_PORT ?= 55432
ES_PORT ?= 9250
E2E_PORT ?= 18080
export FLOWCARE_PG_PORT := $(PG_PORT)
export FLOWCARE_ES_PORT := $(ES_PORT)

ifeq ($(origin DATABASE_URL),environment)
EXTERNAL_PG := 1
else
export DATABASE_URL := postgres://flowcare@127.0.0.1:$(PG_PORT)/flowcare?sslmode=disable
endif
ifeq ($(origin ELASTICSEARCH_URL),environment)
EXTERNAL_ES := 1
else
export ELASTICSEARCH_URL := http://127.0.0.1:$(ES_PORT)
endif

BIN := bin/flowcare
KEYS := .local/keys.env
# Personal-data keys: from the environment when set, else the development
# keys kept in $(KEYS).
USE_KEYS := [ -n "$${FLOWCARE_DATA_KEYS:-}" ] || { set -a; . ./$(KEYS); set +a; }

.PHONY: help
help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

.PHONY: services
services: fonts ## start local PostgreSQL and Elasticsearch (unless external ones are configured)
ifndef EXTERNAL_PG
	@dev/postgres.sh start
else
	@echo "postgres: using DATABASE_URL from the environment"
endif
ifndef EXTERNAL_ES
	@dev/elasticsearch.sh start
else
	@echo "elasticsearch: using ELASTICSEARCH_URL from the environment"
endif

.PHONY: fonts
fonts: ## the TrueType CJK font certificates are set in (Debian's fonts-droid-fallback)
	@dev/fonts.sh

.PHONY: services-down
services-down: ## stop the local PostgreSQL and Elasticsearch
	@dev/elasticsearch.sh stop || true
	@dev/postgres.sh stop || true

frontend/node_modules/.package-lock.json: frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

.PHONY: frontend-deps
frontend-deps: frontend/node_modules/.package-lock.json

DIVISIONS := internal/reference/beijing_divisions.csv

dev/divisions/node_modules/.package-lock.json: dev/divisions/package.json dev/divisions/package-lock.json
	cd dev/divisions && npm ci --no-audit --no-fund --loglevel=error --ignore-scripts
	@touch $@

.PHONY: divisions
divisions: dev/divisions/node_modules/.package-lock.json ## regenerate Beijing's divisions from the pinned npm packages
	cd dev/divisions && node generate.mjs > ../../$(DIVISIONS).tmp
	mv $(DIVISIONS).tmp $(DIVISIONS)

.PHONY: generate
generate: frontend-deps divisions ## regenerate the GraphQL Go code, the frontend types and Beijing's divisions
	go tool gqlgen generate
	cd frontend && npm run --silent codegen

.PHONY: check-generated
check-generated: frontend-deps dev/divisions/node_modules/.package-lock.json ## fail when the committed generated code is stale
	@sum() { { find graph frontend/src/gql -type f \( -name '*.go' -o -name '*.ts' \); echo $(DIVISIONS); } | sort | xargs sha256sum; }; \
	before="$$(sum)"; $(MAKE) --no-print-directory generate >/dev/null; after="$$(sum)"; \
	if [ "$$before" != "$$after" ]; then \
		echo "generated code was stale; 'make generate' changed:"; diff <(echo "$$before") <(echo "$$after") | grep '^[<>]' || true; exit 1; fi; \
	echo "generated code is fresh"

.PHONY: web
web: frontend-deps ## build the web app into frontend/dist
	cd frontend && npm run --silent build

.PHONY: build
build: web ## build the web app and the flowcare binary
	go build -o $(BIN) ./server

$(KEYS):
	@mkdir -p .local
	@umask 077 && go run ./server keygen > $@.tmp && mv $@.tmp $@
	@echo "generated development keys for personal data in $@ (keep them: data encrypted under them needs them)"

.PHONY: run
run: services build $(KEYS) ## everything: services, migrations, demo data, web app; serves http://127.0.0.1:8080
	$(BIN) migrate up
	@$(USE_KEYS); $(BIN) seed --demo
	@echo "flowcare at http://127.0.0.1:8080 — demo sign-ins in README.md (password flowcare-demo)"
	@$(USE_KEYS); FLOWCARE_ENV=$${FLOWCARE_ENV:-dev} $(BIN) serve

.PHONY: chromium
chromium:
	@if ! command -v chromium >/dev/null 2>&1; then \
		echo "installing Debian's chromium for the browser tests"; \
		export DEBIAN_FRONTEND=noninteractive; apt-get update -qq >/dev/null; \
		apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; fi

.PHONY: test
test: services check-generated test-go test-web test-browser ## every test, against the real servers
	@echo "all tests passed"

.PHONY: test-go
test-go: ## Go tests (needs make services)
	@echo "elasticsearch version under test: $$(curl -sf $(ELASTICSEARCH_URL) | tr -d '\n' | sed -n 's/.*"number" *: *"\([^"]*\)".*/\1/p')"
	@unformatted="$$(gofmt -l $$(git ls-files '*.go'))"; if [ -n "$$unformatted" ]; then echo "not gofmt-formatted:"; echo "$$unformatted"; exit 1; fi
	go vet ./...
	go test -count=1 ./...

.PHONY: test-web
test-web: frontend-deps ## frontend unit tests
	cd frontend && npm test --silent

# Every browser test signs in from 127.0.0.1, so the per-address limits are
# raised for them; the limits themselves are tested in Go.
.PHONY: test-browser
test-browser: chromium build $(KEYS) ## browser tests against a freshly seeded server on 127.0.0.1:$(E2E_PORT)
	@E2E_DB="flowcare_e2e"; \
	ADMIN_URL="$(DATABASE_URL)"; \
	PGOPTIONS="--client-min-messages=warning" psql "$$ADMIN_URL" -qc "DROP DATABASE IF EXISTS $$E2E_DB WITH (FORCE)" -c "CREATE DATABASE $$E2E_DB" >/dev/null; \
	E2E_URL="$$(echo "$$ADMIN_URL" | sed -E "s#/[^/?]+(\?|$$)#/$$E2E_DB\1#")"; \
	export DATABASE_URL="$$E2E_URL" FLOWCARE_ADDR=127.0.0.1:$(E2E_PORT) FLOWCARE_ENV=test FLOWCARE_SEARCH_PREFIX=flowcare-e2e; \
	export FLOWCARE_METRICS_ADDR=127.0.0.1:0 FLOWCARE_DRAIN_TIME=0s FLOWCARE_SIGNIN_PER_MINUTE=2000 FLOWCARE_ANONYMOUS_PER_MINUTE=10000; \
	$(USE_KEYS); \
	$(BIN) migrate up >/dev/null 2>&1; $(BIN) seed --demo >/dev/null; $(BIN) reindex >/dev/null; \
	mkdir -p .local; $(BIN) serve > .local/e2e-server.log 2>&1 & pid=$$!; \
	trap "kill $$pid 2>/dev/null; wait $$pid 2>/dev/null || true" EXIT; \
	for i in $$(seq 1 50); do curl -sf http://127.0.0.1:$(E2E_PORT)/healthz >/dev/null && break; sleep 0.2; done; \
	if ! (cd frontend && FLOWCARE_E2E_URL=http://127.0.0.1:$(E2E_PORT) npm run --silent test:e2e); then \
		echo "browser tests failed; last lines of the server log:"; tail -n 30 .local/e2e-server.log; exit 1; fi

.PHONY: bench-outbox
bench-outbox: services ## outbox lag from write to searchable (median, p99), relay as in serve
	go test -run '^$$' -bench BenchmarkOutboxLag -benchtime 1x -count 1 -timeout 20m ./server/ \
		| grep --line-buffered -vE '^(goos|goarch|pkg|cpu|PASS|ok |BenchmarkOutboxLag)'

.PHONY: bench-reindex
bench-reindex: services ## reindex rate of all four offer indices over 1,000,000 offers (FLOWCARE_BENCH_REINDEX_OFFERS), searched throughout, beside the old way
	go test -run '^$$' -bench BenchmarkReindex -benchtime 1x -count 1 -timeout 90m ./server/

.PHONY: bench-match
bench-match: services ## match latency through the API vs Elasticsearch directly vs PostgreSQL alone, 200,000 offers; batch rate
	@# go test's own summary lines are dropped so that the figures end the output.
	go test -run '^$$' -bench BenchmarkMatch -benchtime 1x -count 1 -timeout 60m ./server/ \
		| grep --line-buffered -vE '^(goos|goarch|pkg|cpu|PASS|ok |BenchmarkMatch)'

.PHONY: bench-overload
bench-overload: services ## goodput and p99 at 1×, 2×, 4× the measured capacity, with and without admission control
	go test -run '^$$' -bench BenchmarkOverload -benchtime 1x -count 1 -timeout 20m ./server/ \
		| grep --line-buffered -vE '^(goos|goarch|pkg|cpu|PASS|ok |BenchmarkOverload)'

.PHONY: bench-read
bench-read: services $(KEYS) ## a page of 20 services with organisation, areas, locations: highest rate with p99 ≤ 50 ms, p99 at 1,000 req/s, SQL statements per request; session cache off beside it
	@$(USE_KEYS); go test -run '^$$' -bench BenchmarkGraphQLRead -benchtime 1x -count 1 -timeout 30m ./server/ \
		| grep --line-buffered -vE '^(goos|goarch|pkg|cpu|PASS|ok |BenchmarkGraphQLRead)'

.PHONY: bench-import
bench-import: services ## time to import 20,000 realistic rows in one transaction, beside writing them line by line
	go test -run '^$$' -bench '^BenchmarkImport$$' -benchtime 1x -count 1 -timeout 30m ./internal/children/

# The city-size fictional data set lives in a database of its own on the same
# server, with indices of its own; nothing else is dropped or touched.
CITY_DB := flowcare_city
CITY_URL = $(shell echo "$(DATABASE_URL)" | sed -E 's#/[^/?]+(\?|$$)#/$(CITY_DB)\1#')
CITY_ENV = DATABASE_URL="$(CITY_URL)" FLOWCARE_SEARCH_PREFIX=flowcare-city
CITY_EXISTS = psql "$(DATABASE_URL)" -Atc "SELECT count(*) FROM pg_database WHERE datname = '$(CITY_DB)'"

.PHONY: seed-city
seed-city: services $(KEYS) ## a fictional data set of Beijing's size in database flowcare_city (once; a second run leaves it)
	go build -o $(BIN) ./server
	@if [ "$$($(CITY_EXISTS))" != 1 ]; then psql "$(DATABASE_URL)" -qc "CREATE DATABASE $(CITY_DB)"; fi
	@$(USE_KEYS); export $(CITY_ENV); \
	$(BIN) migrate up && $(BIN) seed --demo && $(BIN) generate city

.PHONY: run-city
run-city: services build $(KEYS) ## serve the city-size data set (make seed-city builds it) on http://127.0.0.1:8080
	@if [ "$$($(CITY_EXISTS))" != 1 ]; then echo "run-city: there is no $(CITY_DB) database yet; make seed-city builds it"; exit 1; fi
	@$(USE_KEYS); export $(CITY_ENV); $(BIN) migrate up
	@echo "flowcare with the city-size data set at http://127.0.0.1:8080 — demo sign-ins in README.md; generated users start with gen. (password flowcare-demo)"
	@$(USE_KEYS); export $(CITY_ENV); FLOWCARE_ENV=$${FLOWCARE_ENV:-dev} $(BIN) serve

# `make bench` runs every benchmark against a copy of the city-size data set
# (made from flowcare_city, which `make seed-city` builds once), so that the
# writes of one run (proposed matches, audit rows) do not shape the next.
BENCH_DB := flowcare_bench
BENCH_URL = $(shell echo "$(DATABASE_URL)" | sed -E 's#/[^/?]+(\?|$$)#/$(BENCH_DB)\1#')
BENCH_ENV = FLOWCARE_BENCH_DATABASE_URL="$(BENCH_URL)" FLOWCARE_BENCH_SEARCH_PREFIX=flowcare-city
BENCHES := bench-city bench-match bench-read bench-import bench-reindex bench-outbox

.PHONY: bench-db
bench-db: services $(KEYS)
	@if [ "$$(psql "$(DATABASE_URL)" -Atc "SELECT count(*) FROM pg_database WHERE datname = 'flowcare_city'")" != 1 ]; then \
		echo "bench: the city-size data set is missing; building it (make seed-city)"; $(MAKE) --no-print-directory seed-city; fi
	@echo "bench: copying flowcare_city to $(BENCH_DB)"
	@# A template must have no other sessions; a server left on the city set would hold one.
	@PGOPTIONS="--client-min-messages=warning" psql "$(DATABASE_URL)" -qc "DROP DATABASE IF EXISTS $(BENCH_DB) WITH (FORCE)" \
		-c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'flowcare_city'" \
		-c "CREATE DATABASE $(BENCH_DB) TEMPLATE flowcare_city STRATEGY FILE_COPY" >/dev/null
	@DATABASE_URL="$(BENCH_URL)" go run ./server migrate up 2>&1 | tail -n 1

.PHONY: bench-city
bench-city: ## children list, overview and monitoring report at city size (on the copy bench-db makes)
	@[ -n "$${FLOWCARE_BENCH_DATABASE_URL:-}" ] || $(MAKE) --no-print-directory bench-db
	@$(USE_KEYS); [ -n "$${FLOWCARE_BENCH_DATABASE_URL:-}" ] || export $(BENCH_ENV); \
	go test -run '^$$' -bench BenchmarkCity -benchtime 1x -count 1 -timeout 30m ./server/ \
		| grep --line-buffered -vE '^(goos|goarch|pkg|cpu|PASS|ok |BenchmarkCity)'

.PHONY: bench
bench: bench-db ## every benchmark at city size, then one table: figure, goal, value, baseline from the same run
	@mkdir -p .local/bench && rm -f .local/bench/*.log
	@$(USE_KEYS); export $(BENCH_ENV); for t in $(BENCHES); do \
		echo "== $$t"; $(MAKE) --no-print-directory $$t 2>&1 | tee .local/bench/$$t.log || echo "$$t failed: see .local/bench/$$t.log"; done
	@dev/benchtable.sh $(foreach t,$(BENCHES),.local/bench/$(t).log)

.PHONY: clean
clean: ## remove build output (keeps .local data)
	rm -rf bin frontend/dist/assets frontend/dist/index.html

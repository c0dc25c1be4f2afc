# pledgegraph — every task the project has. `make run` and `make test` are the
# two commands a newcomer needs (see README).
SHELL := /bin/bash
GO    ?= go
ADDR  ?= 127.0.0.1:8080
N     ?= 1000
SEED  ?= 1
SHARED ?= ../shared

.PHONY: sync-eval run test deps web web-deps generate check-generated fmt vet unit e2e eval bench corpus build clean

## run: build the explorer, then serve GraphQL on $(ADDR) from ./pledgegraph.db, loading data/ on first start
run: web
	$(GO) run ./server --addr $(ADDR)

## test: everything CI runs — services, generated-code check, vet, Go tests (race), extraction floors, browser tests
test: deps check-generated fmt vet unit e2e

## deps: start/install what the tests need (PostgreSQL, Chromium, npm packages)
deps:
	./scripts/deps.sh
	$(MAKE) web

web-deps:
	@cd web && if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then npm ci --no-audit --no-fund; fi

## web: build the explorer and GraphiQL into web/dist (embedded by the server)
web: web-deps
	cd web && npm run build

## generate: regenerate gqlgen code and generated data
generate:
	$(GO) generate ./...

## check-generated: regenerate and fail if the committed generated code differs
check-generated:
	./scripts/check-generated.sh

fmt:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

unit:
	$(GO) test -race -count=1 -timeout 30m ./...

e2e:
	cd web && npm run test:e2e

## eval: score the loader against every gold file (shared/eval, data/, testdata/)
eval:
	./scripts/eval.sh $(SHARED)

## sync-eval: refresh testdata/eval (the hermetic copy of ../shared/eval the tests read)
sync-eval:
	mkdir -p testdata/eval/seed testdata/eval/dev
	cp $(SHARED)/eval/seed/*.gold.json testdata/eval/seed/
	cp $(SHARED)/eval/dev/*.txt $(SHARED)/eval/dev/*.gold.json $(SHARED)/eval/dev/README.md testdata/eval/dev/
	cp $(SHARED)/eval/ANNOTATION.md $(SHARED)/eval/score.py testdata/eval/

## bench: benchmarks that print throughput, latency and memory figures; the
## service benchmark (bench/) loads 1000 then 10000 generated articles into
## Bolt and PostgreSQL (when reachable) and queries them under 8 clients
## (`make bench N=200` for a quick run; N=1000,10000 is the default); one
## package at a time (-p 1), so that no benchmark shares the cores with another
BENCH_N = $(if $(filter command line environment,$(origin N)),$(N),1000$(comma)10000)
comma := ,
bench:
	BENCH_N=$(BENCH_N) $(GO) test -p 1 -run '^$$' -bench . -benchmem -benchtime 1x -timeout 3h ./...

## corpus: generate N deterministic synthetic articles into corpus/
corpus:
	$(GO) run ./cmd/corpus -n $(N) -seed $(SEED) -out corpus

build: web
	$(GO) build -o bin/server ./server
	$(GO) build -o bin/loader ./loader

clean:
	rm -rf bin web/dist/site pledgegraph.db

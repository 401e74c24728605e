# kqlite build: re2c + Lemon front end, interpreter on SQLite, Criterion tests.
#
#   make            build build/kqlite
#   make run        install missing packages, build, run the bundled DCRat hunt on the samples
#   make test       install missing packages, build, run the whole Criterion suite
#   make sanitize   the suite again under ASan + UBSan (separate build dir)
#   make install PREFIX=/usr/local
#
# Every .c under interp/ and tables/ is part of libkql; every tests/test_*.c is part
# of the test binary. Generated sources (lexer.c, parser.c, parser.h) go to $(B)/.

CC       ?= cc
OPT      ?= -O2
CFLAGS   ?= $(OPT) -g
WARN      = -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
            -Wmissing-prototypes -Wwrite-strings -Wno-unused-parameter
GENWARN   = -std=c11 -D_GNU_SOURCE -Wno-unused-parameter -Wno-unused-variable \
            -Wno-missing-prototypes -Wno-unused-but-set-variable
B        ?= build
PREFIX   ?= /usr/local
SANFLAGS ?=
LIBS      = -lsqlite3 -lpcre2-8 -lz -lm -lyaml
# geo_info_from_ip_address() with --geoip FILE.mmdb
LIBS     += -lmaxminddb
# the REPL's line editing
LIBS     += -ledit
PKGS_EXTRA = libedit-dev
INC       = -Iinterp -Itables -Igrammar -I$(B)/grammar

# Helpers may build a subset: make B=build-x LIB_SRC="..." GEN_OBJ= GEN_HDR= TEST_SRC="..."
LIB_SRC  ?= $(sort $(wildcard interp/*.c tables/*.c grammar/*.c))
GEN_OBJ  ?= $(B)/grammar/lexer.o $(B)/grammar/parser.o
GEN_HDR  ?= $(B)/grammar/parser.h
LIB_OBJ   = $(patsubst %.c,$(B)/%.o,$(filter-out interp/main.c,$(LIB_SRC))) $(GEN_OBJ)
TEST_SRC ?= $(sort $(wildcard tests/*.c))
TEST_OBJ  = $(patsubst %.c,$(B)/%.o,$(TEST_SRC))
HDRS      = $(wildcard interp/*.h interp/*.inc tables/*.h grammar/*.h)
PKGS      = re2c lemon libsqlite3-dev libcriterion-dev libpcre2-dev zlib1g-dev pkg-config libyaml-dev libmaxminddb-dev uap-core

.PHONY: all run test sanitize install clean deps check-deps bench
all: $(B)/kqlite

# Install the Debian packages the build needs, only when something is missing.
deps:
	@missing=""; for p in $(PKGS) $(PKGS_EXTRA); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

# One lemon run makes both files (a grouped target), so a grammar change
# rebuilds the lexer and everything that includes parser.h.
$(B)/grammar/parser.c $(B)/grammar/parser.h &: grammar/parser.y
	@mkdir -p $(@D)
	lemon -q -d$(@D) $<
	touch $(B)/grammar/parser.h

$(B)/grammar/lexer.c: grammar/lexer.re $(B)/grammar/parser.h
	@mkdir -p $(@D)
	re2c -W -Werror --no-generation-date -o $@ $<

$(B)/grammar/%.o: $(B)/grammar/%.c
	$(CC) $(CFLAGS) $(SANFLAGS) $(GENWARN) $(INC) -c -o $@ $<

$(B)/%.o: %.c $(GEN_HDR) $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(SANFLAGS) $(WARN) $(INC) -c -o $@ $<

$(B)/libkql.a: $(LIB_OBJ)
	rm -f $@; ar rcs $@ $^

$(B)/kqlite: $(B)/interp/main.o $(B)/libkql.a
	$(CC) $(CFLAGS) $(SANFLAGS) -o $@ $^ $(LIBS)

$(B)/test_kql: $(TEST_OBJ) $(B)/libkql.a
	$(CC) $(CFLAGS) $(SANFLAGS) -o $@ $^ -lcriterion $(LIBS)

run: deps $(B)/kqlite
	$(B)/kqlite run queries/dcrat-commonsecuritylog.kql --data tables/samples/
	$(B)/kqlite run queries/dcrat-devicenetworkevents.kql --data tables/samples/

# The suite runs from the repository root (tests find queries/, tables/samples/,
# ../shared). KQLITE points the CLI tests at the binary under test.
# KQLITE_CONFORMANCE_MIN: the share (%) of the docs' unflagged examples that must pass.
CONFORMANCE_MIN ?= 86
# slower under ASan: a case may hit its time limit
SAN_CONFORMANCE_MIN ?= 84
# Issue 7's corpus run: floors (%) at the level reached so far (targets 90, 97, 95).
CORPUS_FLOORS ?= KQLITE_CORPUS_RUN_MIN=87 KQLITE_CORPUS_OFFLINE_MIN=97.5 KQLITE_CORPUS_COLS_MIN=99
test: deps $(B)/kqlite $(B)/test_kql
	KQLITE=$(B)/kqlite KQLITE_CONFORMANCE_MIN=$(CONFORMANCE_MIN) $(CORPUS_FLOORS) $(B)/test_kql -j2 $(TESTARGS)

sanitize: deps
	$(MAKE) B=build-san OPT=-O1 SANFLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
	  build-san/kqlite build-san/test_kql
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  KQLITE=build-san/kqlite KQLITE_SANITIZE=1 KQLITE_CONFORMANCE_MIN=$(SAN_CONFORMANCE_MIN) build-san/test_kql -j2 $(TESTARGS)

install: $(B)/kqlite
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 0755 $(B)/kqlite $(DESTDIR)$(PREFIX)/bin/kqlite

# The front end (grammar/, ast, bind, plan) must not see sqlite3.h.
check-deps:
	@! grep -l 'sqlite3.h' grammar/* interp/ast.* interp/arena.* interp/diag.* interp/types.* interp/bind*.c interp/lex*.h 2>/dev/null | grep . \
	  || (echo "front end includes sqlite3.h" && false)

bench: $(B)/kqlite
	sh tests/bench/run.sh

clean:
	rm -rf build build-san

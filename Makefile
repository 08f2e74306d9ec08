# samplan — build, test and install.
#
#   make            build build/samplan (optimised)
#   make check      sanitizer build (ASan+UBSan), unit tests and end-to-end tests
#   make run        solve the default scenario (scenarios/sikt-inland)
#   make install    install to $(DESTDIR)$(PREFIX)/bin (PREFIX=/usr/local)
#   make bench      benchmarks (see bench/README.md); bench-quick under 5 min,
#                   bench-scaling: weeks, start windows and slots
#   make clean
#
# Sources are picked up by directory: model/ io/ solver/ make the static
# library libsamplan.a, cli/ the binary, tests/check_*.c one Check runner
# each, tests/tools/*.c small programs the tests use (plan checker, …).

PREFIX ?= /usr/local
CC ?= cc
PKGS := jansson sqlite3
BASE_CFLAGS := -std=c11 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	$(shell pkg-config --cflags $(PKGS))
LIBS := -lglpk -lcsv $(shell pkg-config --libs $(PKGS)) -lm
CHECK_CFLAGS := $(shell pkg-config --cflags check)
CHECK_LIBS := $(shell pkg-config --libs check)

OPT_FLAGS := -O2 -g
SAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

LIB_SRC := $(wildcard model/*.c io/*.c solver/*.c)
CLI_SRC := $(wildcard cli/*.c)
TEST_SRC := $(wildcard tests/check_*.c)
TOOL_SRC := $(wildcard tests/tools/*.c)
VERSION := $(shell cat VERSION 2>/dev/null || echo 0.1.0)

# --- optimised build --------------------------------------------------------
B := build
LIB_OBJ := $(LIB_SRC:%.c=$(B)/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(B)/%.o)

all: $(B)/samplan

$(B)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) $(OPT_FLAGS) -DSAMPLAN_VERSION='"$(VERSION)"' -MMD -MP -c $< -o $@

$(B)/libsamplan.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(B)/samplan: $(CLI_OBJ) $(B)/libsamplan.a
	$(CC) $(OPT_FLAGS) -o $@ $(CLI_OBJ) $(B)/libsamplan.a $(LIBS)

# --- sanitizer build, used by check -----------------------------------------
S := build/san
SLIB_OBJ := $(LIB_SRC:%.c=$(S)/%.o)
SCLI_OBJ := $(CLI_SRC:%.c=$(S)/%.o)
STEST_BIN := $(TEST_SRC:tests/%.c=$(S)/tests/%)
STOOL_BIN := $(TOOL_SRC:tests/tools/%.c=$(S)/tools/%)

$(S)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) $(CHECK_CFLAGS) $(SAN_FLAGS) -DSAMPLAN_VERSION='"$(VERSION)"' -MMD -MP -c $< -o $@

$(S)/libsamplan.a: $(SLIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(S)/samplan: $(SCLI_OBJ) $(S)/libsamplan.a
	$(CC) $(SAN_FLAGS) -o $@ $(SCLI_OBJ) $(S)/libsamplan.a $(LIBS)

$(S)/tests/%: $(S)/tests/%.o $(S)/libsamplan.a
	$(CC) $(SAN_FLAGS) -o $@ $< $(S)/libsamplan.a $(CHECK_LIBS) $(LIBS)

$(S)/tools/%: $(S)/tests/tools/%.o $(S)/libsamplan.a
	@mkdir -p $(dir $@)
	$(CC) $(SAN_FLAGS) -o $@ $< $(S)/libsamplan.a $(LIBS)

check: $(S)/samplan $(STEST_BIN) $(STOOL_BIN) $(B)/samplan
	SAMPLAN=$(CURDIR)/$(S)/samplan TOOLS=$(CURDIR)/$(S)/tools SAMPLAN_OPT=$(CURDIR)/$(B)/samplan \
	  sh tests/run.sh $(STEST_BIN)

# --- convenience ------------------------------------------------------------
run: $(B)/samplan
	$(B)/samplan solve scenarios/sikt-inland -o runs/sikt-inland --force

install: $(B)/samplan
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 0755 $(B)/samplan $(DESTDIR)$(PREFIX)/bin/samplan

# --- benchmarks (bench/README.md) -------------------------------------------
# Optimised builds of the test tools and the OR-Library converter, and the
# bench-only packages (glpsol, cbc, /usr/bin/time) when missing.
BT := $(B)/tools
BENCH_BIN := $(B)/samplan $(BT)/greedy_run $(BT)/plan_check $(BT)/orlib2scenario

$(BT)/%: $(B)/tests/tools/%.o $(B)/libsamplan.a
	@mkdir -p $(dir $@)
	$(CC) $(OPT_FLAGS) -o $@ $< $(B)/libsamplan.a $(LIBS)

$(BT)/orlib2scenario: bench/orlib2scenario.c
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) $(OPT_FLAGS) -o $@ $<

bench-deps:
	@if ! command -v glpsol >/dev/null || ! command -v cbc >/dev/null || [ ! -x /usr/bin/time ]; then \
	  sh scripts/install-deps.sh --bench; fi

bench: $(BENCH_BIN) bench-deps
	sh bench/run.sh full

bench-quick: $(BENCH_BIN) bench-deps
	sh bench/run.sh quick

bench-scaling: $(BENCH_BIN) bench-deps
	sh bench/scaling.sh

clean:
	rm -rf build

.PHONY: all check run install bench bench-quick bench-scaling bench-deps clean
.SECONDARY:

-include $(shell find build -name '*.d' 2>/dev/null)

# govdisclose - PGXS build.  `make && make install`, then `make installcheck`
# against a running server (test/run-tests.sh does all of it in a throwaway
# cluster).
EXTENSION = govdisclose
EXTVERSION = $(shell grep default_version $(EXTENSION).control | sed -e "s/default_version[[:space:]]*=[[:space:]]*'\([^']*\)'/\1/")

MODULE_big = govdisclose
CORE_SRCS = $(sort $(wildcard src/gd_*.c src/readers/*.c))
# glue: govdisclose.c, and govdisclose_checks.c for the reviewer checks
OBJS = $(CORE_SRCS:.c=.o) src/govdisclose.o src/govdisclose_checks.o

DATA = $(wildcard sql/$(EXTENSION)--*.sql)

# sql/ holds the install scripts and the pg_regress tests; expected/ their output
TESTS = $(filter-out sql/$(EXTENSION)--%,$(wildcard sql/*.sql))
REGRESS = $(patsubst sql/%.sql,%,$(TESTS))
REGRESS_OPTS = --load-extension=$(EXTENSION) --encoding=UTF8 --no-locale

PG_CPPFLAGS = -Isrc
PG_CFLAGS = -std=gnu11 -Wall -Wextra -Werror -Wno-unused-parameter -Wno-missing-field-initializers

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# PGXS tracks no header dependencies: every object is rebuilt when a header changes
$(OBJS): $(wildcard src/*.h src/readers/*.h)

# gdload, the loader client, has its own Makefile (gdload/Makefile says why);
# `make` and `make install` build and install it with the extension.
all: gdload-all
install: gdload-install
clean: gdload-clean
gdload-all gdload-install gdload-clean:
	$(MAKE) -C gdload PG_CONFIG='$(PG_CONFIG)' $(patsubst gdload-%,%,$@)
.PHONY: gdload-all gdload-install gdload-clean

# Makefile for vmc (GNU make). `make` builds build/vmc; see README.md for the other targets.

# Goals that set the machine up themselves (tools/deps.sh installs the Debian packages, then a sub-make builds):
# for them this Makefile must not configure yet, or ./configure would run before the packages are there.
SETUP_GOALS = deps run check check-asan bench clean check-includes fuzz
ifneq ($(MAKECMDGOALS),)
ifeq ($(filter-out $(SETUP_GOALS),$(MAKECMDGOALS)),)
SETUP_ONLY = 1
endif
endif
ifndef SETUP_ONLY
# Configure on first use; without the packages, stop with configure's one line naming them and `make deps`.
ifneq ($(shell test -f config.mk && echo y),y)
CONFIGURE_ERR := $(shell ./configure 2>&1 >/dev/null)
ifneq ($(shell test -f config.mk && echo y),y)
$(error $(CONFIGURE_ERR))
endif
endif
include config.mk
endif
PREFIX ?= /usr/local
CC ?= cc
TCC_LIBDIR ?= /usr/lib/x86_64-linux-gnu/tcc

B ?= build
WARN = -Wall -Wextra -Wshadow -Wmissing-prototypes
ifeq ($(WERROR),1)
WARN += -Werror
endif
OPT ?= -O2 -g
SAN ?=
CFLAGS_ALL = -std=c11 $(OPT) $(WARN) $(SAN) -D_GNU_SOURCE $(XCFLAGS)
LIBS = -ltcc -lgc -lm -ldl -lpthread

RT_SRC = $(wildcard runtime/*.c) $(wildcard stdlib/*.c)
# The vmc program's own files (command line, REPL, run cache): not in libvmcc.a, which executables link.
MAIN_SRC = compiler/main.c compiler/cli.c compiler/repl.c compiler/cache.c
VMCC_SRC = $(filter-out $(MAIN_SRC),$(wildcard compiler/*.c))
MAIN_OBJ = $(MAIN_SRC:%.c=$(B)/obj/%.o)
RT_OBJ = $(RT_SRC:%.c=$(B)/obj/%.o)
VMCC_OBJ = $(VMCC_SRC:%.c=$(B)/obj/%.o) $(B)/obj/gen/vmc_header.o $(B)/obj/gen/vmc_symtab.o
HDRS = runtime/value.h runtime/vmc.h

# Where the compiler finds what `vmc build` links, relative to its own executable (build tree or PREFIX).
DEFS = -DVMC_TCC_LIBDIR='"$(TCC_LIBDIR)"' -DVMC_BUILD_CFLAGS='"$(SAN) $(XCFLAGS)"'

.PHONY: all deps run check check-asan check-unit bench install clean check-includes fuzz fuzz-build
all: $(B)/vmc $(B)/include/vmc/vmc.h $(B)/include/vmc/value.h

config.mk: configure
	./configure

deps:
	@tools/deps.sh

$(B)/obj/%.o: %.c $(HDRS) $(wildcard compiler/*.h runtime/*.h stdlib/*.h) config.mk
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(DEFS) -Iruntime -c $< -o $@

$(B)/gen/vmc_header.c: $(HDRS) tools/embed.sh
	@mkdir -p $(dir $@)
	tools/embed.sh $(HDRS) > $@

$(B)/obj/gen/vmc_header.o: $(B)/gen/vmc_header.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -c $< -o $@

# The runtime's symbols for libtcc (tcc_backend.c): code compiled at run time is linked against this table.
$(B)/gen/vmc_symtab.c: $(RT_OBJ) tools/symtab.sh
	@mkdir -p $(dir $@)
	tools/symtab.sh $(RT_OBJ) > $@

$(B)/obj/gen/vmc_symtab.o: $(B)/gen/vmc_symtab.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -c $< -o $@

$(B)/lib/vmc/libvmcrt.a: $(RT_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

$(B)/lib/vmc/libvmcc.a: $(VMCC_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

$(B)/include/vmc/%.h: runtime/%.h
	@mkdir -p $(dir $@)
	cp $< $@

$(B)/vmc: $(MAIN_OBJ) $(B)/lib/vmc/libvmcc.a $(B)/lib/vmc/libvmcrt.a
	$(CC) $(CFLAGS_ALL) -rdynamic -o $@ $(MAIN_OBJ) $(B)/lib/vmc/libvmcc.a \
	  -Wl,--whole-archive $(B)/lib/vmc/libvmcrt.a -Wl,--no-whole-archive $(LIBS)

# The sample a new user runs first.
run: deps
	@$(MAKE) --no-print-directory all
	$(B)/vmc run samples/hello.lua

# What the tests of the vmc program itself need besides vmc's own packages (tests/cli: gdb for `vmc build -g`,
# perf for the perf map, python3 for the runners).
TEST_DEPS = gdb linux-perf python3

# The whole test suite: C unit tests, then every tests/**/*.lua under lua5.4, `vmc run` and `vmc build`, then
# the vmc program's own tests (tests/cli/run.sh: command line, REPL, vmc build, run cache, perf map).
check: deps check-includes
	@tools/deps.sh $(TEST_DEPS)
	@$(MAKE) --no-print-directory all check-unit
	tests/run.sh --vmc $(B)/vmc

# C unit tests of the IR/emitter, the runtime and the stdlib in isolation (each exits 1 on a failed check); the
# front end against lua5.4 on every Lua file of the tree; the include checker against injected violations.
UNIT = $(B)/unit/test_ir $(B)/unit/test_runtime $(B)/unit/test_stdlib
check-unit: $(UNIT) $(B)/unit/test_front
	@for t in $(UNIT); do $$t > $$t.log 2>&1 || { cat $$t.log; echo "unit: $$t failed"; exit 1; }; done
	@echo "unit: $(words $(UNIT)) C unit test programs passed"
	@tests/unit/test_front.sh $(B)/unit/test_front
	@tests/unit/test_includes.sh && echo "includes: the checker rejects every forbidden spelling"

$(B)/unit/test_front: tests/unit/test_front.c $(filter %/lex.o %/parse.o %/resolve.o %/common.o,$(VMCC_OBJ))
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -Wno-missing-prototypes -Icompiler -Iruntime $^ -o $@

$(B)/unit/test_ir: tests/unit/test_ir.c tests/unit/ir_astkit.h $(filter-out %/tcc_backend.o %/cc_backend.o %/driver.o %/vmc_symtab.o,$(VMCC_OBJ))
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -Wno-missing-prototypes -Icompiler -Iruntime $(filter %.c %.o,$^) -o $@

$(B)/unit/test_runtime: tests/unit/test_runtime.c $(filter $(B)/obj/runtime/%,$(RT_OBJ))
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -Wno-missing-prototypes -Iruntime $^ -o $@ -lgc -lm -lpthread

$(B)/unit/test_stdlib: tests/unit/test_stdlib.c $(RT_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -Wno-missing-prototypes -Iruntime $^ -o $@ -lgc -lm -lpthread

# The suite under ASan+UBSan; Boehm is swapped for malloc-and-never-free so ASan sees every object.
# -Wno-format-truncation: gcc 12 warns "null format string" on the path UBSan's nonnull check adds before vsnprintf
# (a false positive; the plain build keeps the warning). ASAN_BACKENDS=run limits the Lua suite to one backend.
check-asan: deps
	@tools/deps.sh $(TEST_DEPS)
	@ASAN_OPTIONS=detect_stack_use_after_return=0:detect_leaks=0 UBSAN_OPTIONS=halt_on_error=1 \
	  $(MAKE) --no-print-directory B=build/asan OPT="-O1 -g -Wno-format-truncation" \
	  SAN="-fsanitize=address,undefined -fno-omit-frame-pointer" XCFLAGS="-DVMC_MALLOC_GC" all check-unit
	ASAN_OPTIONS=detect_stack_use_after_return=0:detect_leaks=0 UBSAN_OPTIONS=halt_on_error=1 VMC_NOCOLLECT=1 \
	  tests/run.sh --vmc build/asan/vmc $(if $(ASAN_BACKENDS),--backends $(ASAN_BACKENDS))

# libFuzzer targets (tests/FUZZ.md): runtime, stdlib and compiler built by clang under ASan+UBSan in build/fuzz,
# malloc-and-never-free as in check-asan; each target of FUZZ_TARGETS then runs FUZZ_TIME seconds (tests/fuzz/run.sh,
# which starts it again on the same corpus when the memory it never frees reaches the RSS limit).
# FUZZ_MEM=boehm: the Boehm GC and UBSan alone instead (build/fuzz-gc): faster, flat memory, no bounds checks.
FUZZ_TARGETS = format pattern pack tonumber date load
FUZZ_TIME ?= 60
ifeq ($(FUZZ_MEM),boehm)
FUZZ_B = build/fuzz-gc
FUZZ_FLAGS = SAN="-fsanitize=fuzzer-no-link,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
else
FUZZ_B = build/fuzz
FUZZ_FLAGS = XCFLAGS="-DVMC_MALLOC_GC" \
  SAN="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
endif
fuzz:
	@tools/deps.sh clang libclang-rt-14-dev
	@$(MAKE) --no-print-directory B=$(FUZZ_B) CC=clang OPT="-O1 -g" $(FUZZ_FLAGS) fuzz-build
	tests/fuzz/run.sh $(FUZZ_B) $(FUZZ_TIME) $(FUZZ_TARGETS)

fuzz-build: $(FUZZ_TARGETS:%=$(B)/bin/fuzz_%)

$(B)/bin/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(B)/lib/vmc/libvmcc.a $(B)/lib/vmc/libvmcrt.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -fsanitize=fuzzer -Iruntime $< -o $@ $(B)/lib/vmc/libvmcc.a \
	  -Wl,--whole-archive $(B)/lib/vmc/libvmcrt.a -Wl,--no-whole-archive $(LIBS)

bench:
	@tools/deps.sh luajit hyperfine python3 time
	@$(MAKE) --no-print-directory all
	python3 bench/run.py $(if $(QUICK),--quick) --vmc $(B)/vmc

install: all
	mkdir -p $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/vmc $(DESTDIR)$(PREFIX)/include/vmc \
	  $(DESTDIR)$(PREFIX)/share/man/man1
	cp $(B)/vmc $(DESTDIR)$(PREFIX)/bin/vmc
	cp $(B)/lib/vmc/libvmcrt.a $(B)/lib/vmc/libvmcc.a $(DESTDIR)$(PREFIX)/lib/vmc/
	cp $(HDRS) $(DESTDIR)$(PREFIX)/include/vmc/
	cp docs/vmc.1 $(DESTDIR)$(PREFIX)/share/man/man1/vmc.1

# Includes point one way: compiler/ -> value.h/vmc.h only; stdlib/ -> vmc.h/value.h, never rt.h nor the GC's header.
check-includes:
	@tools/check_includes.sh

clean:
	rm -rf $(B)

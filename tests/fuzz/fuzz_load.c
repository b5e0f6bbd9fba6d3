/* fuzz_load.c - libFuzzer harness: any bytes as a JSON record for `chronicle
 * load`, into an in-memory database: a record that is not what extract
 * writes must be refused, never crash or half-store. */
#include <stddef.h>
#include <stdint.h>

#include "chronicle/chronicle.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static chr_store *s;
    static unsigned runs;
    char err[512];
    if (s && ++runs % 1000 == 0) {              /* a fresh database now and then: memory stays bounded */
        chr_store_close(s);
        s = NULL;
    }
    if (!s && chr_store_open(":memory:", CHR_STORE_CREATE, &s, err, sizeof err) != CHR_OK) return 0;
    int added = 0;
    chr_record *r = NULL;
    char rerr[256];
    if (chr_record_parse((const char *)data, size, &r, rerr, sizeof rerr) == CHR_OK) chr_store_load(s, r, &added);
    chr_record_free(r);
    return 0;
}

/* fuzz_frontmatter.c - libFuzzer harness: any bytes as an article's head,
 * through the front-matter reader. */
#include <stddef.h>
#include <stdint.h>

#include "chronicle/chronicle.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    chr_meta meta;
    size_t body = 0;
    char err[256];
    chr_front_matter((const char *)data, size, &meta, &body, err, sizeof err);
    return 0;
}

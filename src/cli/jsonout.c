/* jsonout.c - see jsonout.h. */
#include "jsonout.h"
#include "chronicle/record.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

static void put_str(FILE *f, const char *s, size_t n) { chr_json_put_string(f, s, n); }

static void put_value(FILE *f, const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: {
        const char *k;
        json_t *x;
        int first = 1;
        fputc('{', f);
        json_object_foreach((json_t *)v, k, x) {
            if (!first) fputc(',', f);
            first = 0;
            fputc('"', f);
            put_str(f, k, strlen(k));
            fputs("\":", f);
            put_value(f, x);
        }
        fputc('}', f);
        break;
    }
    case JSON_ARRAY: {
        fputc('[', f);
        for (size_t i = 0; i < json_array_size(v); i++) {
            if (i) fputc(',', f);
            put_value(f, json_array_get(v, i));
        }
        fputc(']', f);
        break;
    }
    case JSON_STRING:
        fputc('"', f);
        put_str(f, json_string_value(v), json_string_length(v));
        fputc('"', f);
        break;
    case JSON_INTEGER:
        fprintf(f, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        break;
    case JSON_REAL: {
        /* no record holds one; jansson's own text, to stay the same */
        char *s = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
        if (s) fputs(s, f);
        free(s);
        break;
    }
    case JSON_TRUE: fputs("true", f); break;
    case JSON_FALSE: fputs("false", f); break;
    case JSON_NULL: fputs("null", f); break;
    }
}

int jsonout_line(FILE *f, const json_t *v)
{
    put_value(f, v);
    fputc('\n', f);
    return ferror(f) ? -1 : 0;
}

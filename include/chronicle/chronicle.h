/* chronicle.h - umbrella header of the Chronicle library. */
#ifndef CHRONICLE_H
#define CHRONICLE_H

#include "chronicle/status.h"
#include "chronicle/text.h"
#include "chronicle/dates.h"
#include "chronicle/doc.h"
#include "chronicle/actors.h"
#include "chronicle/record.h"
#include "chronicle/extract.h"
#include "chronicle/store.h"
#include "chronicle/render.h"

#endif

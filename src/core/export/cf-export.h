/* cf-export.h: tables and findings out, as CSV and JSON
 *
 * The export's one public header, so that callers need not know how it is
 * split: CSV in cf-csv.h, JSON in cf-json.h (xlsx has its own, cf-xlsx.h,
 * since it depends on an optional library). */
#pragma once

#include "cf-csv.h"
#include "cf-json.h"

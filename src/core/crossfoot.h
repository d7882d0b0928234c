/* crossfoot.h: the core library's public headers in one */
#pragma once

#include "cf-audit.h"
#include "cf-cell.h"
#include "cf-decode.h"
#include "cf-document.h"
#include "cf-error.h"
#include "cf-export.h"
#include "cf-finding.h"
#include "cf-form.h"
#include "cf-normalize.h"
#include "cf-number.h"
#include "cf-prose.h"
#include "cf-table.h"
#include "cf-totals.h"

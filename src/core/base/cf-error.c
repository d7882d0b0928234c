#include "cf-error.h"

G_DEFINE_QUARK (crossfoot-error-quark, cf_error)

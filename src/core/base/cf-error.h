/* cf-error.h: errors core reports about input files */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CF_ERROR (cf_error_quark ())
GQuark cf_error_quark (void);

typedef enum
{
  CF_ERROR_IO,             /* cannot read the file */
  CF_ERROR_EMPTY,          /* no bytes, or no text */
  CF_ERROR_BINARY,         /* not a text, HTML or PDF file */
  CF_ERROR_ENCODING,       /* bytes that no supported encoding decodes */
  CF_ERROR_CORRUPT,        /* a damaged or truncated PDF */
  CF_ERROR_ENCRYPTED,      /* a PDF that needs a password (none or a wrong one given) */
  CF_ERROR_TOO_LARGE,      /* beyond what we agree to read */
  CF_ERROR_FORM,           /* a form definition file is invalid */
  CF_ERROR_INVALID,        /* bad arguments / data */
} CfErrorCode;

G_END_DECLS

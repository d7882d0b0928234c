/* cf-decode.h: turning a text file's bytes into UTF-8, whatever its encoding */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Decodes @data: a BOM decides first (UTF-8, UTF-16 LE/BE), then uchardet's
 * guess, confirmed by decoding it whole; then UTF-8, GB18030 and Big5 in turn.
 * Line ends become '\n' (CRLF, CR). Returns UTF-8 (NUL-terminated) and sets
 * @encoding to the name used ("UTF-8", "UTF-16LE", "GB18030", "BIG5", ...).
 * Errors (CF_ERROR_EMPTY, CF_ERROR_BINARY, CF_ERROR_ENCODING) name @name. */
char *cf_decode_text (const guint8 *data,
                      gsize         len,
                      const char   *name,
                      char        **encoding,
                      gsize        *out_len,
                      GError      **error);

/* What cf_decode_text_salvage could not read. */
typedef struct
{
  gsize n_broken;     /* runs of bytes that were no UTF-8, each read as U+FFFD */
  gsize first_broken; /* the byte offset of the first */
  gsize text_len;     /* (internal) */
} CfDecodeDamage;

/* cf_decode_text, and when no encoding reads every byte but the bytes are
 * UTF-8 with a few sequences broken (a converter that cut characters in
 * half), the text with U+FFFD for each broken run; @damage (may be NULL:
 * no salvage) says how many and where the first was (n_broken 0: none). */
char *cf_decode_text_salvage (const guint8   *data,
                              gsize           len,
                              const char     *name,
                              char          **encoding,
                              gsize          *out_len,
                              CfDecodeDamage *damage,
                              GError        **error);

G_END_DECLS

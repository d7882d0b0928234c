/* cf-text-damage.h: values of a text damaged in decoding left unread
 *
 * Text a converter cut in the middle of characters (html2text counts bytes
 * as columns and halves Chinese characters) is decoded with U+FFFD for each
 * cut (cf_decode_text_salvage). Such a converter also set the columns by
 * bytes: a row's numbers sit where its label's bytes pushed them, and a cut
 * character can swallow a number into the label. In a table of such a text
 * only a row printing a value in every value column and no U+FFFD is read;
 * every other row that holds values keeps its label and its values are left
 * unread (MISSING), never placed by position; a slot the row reader left
 * missing counts as a value not printed. Every table of such a text gets
 * a confidence under CF_TABLE_CONFIDENCE_DOUBTFUL, so the generic totals
 * check leaves alone a piece of a form table the damage cut off.
 */
#pragma once

#include "cf-reading.h"

G_BEGIN_DECLS

/* Applies to the reading's tables and candidates, when its text holds U+FFFD. */
void cf_text_damage_mark (CfReading *reading);

G_END_DECLS

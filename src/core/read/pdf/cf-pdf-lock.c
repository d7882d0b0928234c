/* cf-pdf-lock.c: one page rendered at a time (see cf-pdf-lock.h) */
#include "cf-pdf-lock.h"

static GMutex render_mutex;

void
cf_pdf_render_lock (void)
{
  g_mutex_lock (&render_mutex);
}

void
cf_pdf_render_unlock (void)
{
  g_mutex_unlock (&render_mutex);
}

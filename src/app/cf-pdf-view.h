/* cf-pdf-view.h: one PDF page, rendered off the main thread, with the selected cell's box */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CF_TYPE_PDF_VIEW (cf_pdf_view_get_type ())
G_DECLARE_FINAL_TYPE (CfPdfView, cf_pdf_view, CF, PDF_VIEW, GtkWidget)

/* How the zoom follows the pane's width. */
typedef enum
{
  CF_PDF_FIT_AUTO,  /* 100 %, or the pane's width when it is narrower: the default */
  CF_PDF_FIT_WIDTH, /* the page fills the pane's width */
  CF_PDF_FIT_NONE,  /* as set (cf_pdf_view_set_zoom ()) */
} CfPdfFit;

GtkWidget *cf_pdf_view_new          (void);
/* The PDF file's bytes (NULL clears). */
void       cf_pdf_view_set_pdf      (CfPdfView    *self,
                                     GBytes       *pdf,
                                     const char   *password);
int        cf_pdf_view_get_n_pages  (CfPdfView    *self);
/* 1-based. */
int        cf_pdf_view_get_page     (CfPdfView    *self);
void       cf_pdf_view_set_page     (CfPdfView    *self,
                                     int           page);
double     cf_pdf_view_get_zoom     (CfPdfView    *self);
void       cf_pdf_view_set_zoom     (CfPdfView    *self,
                                     double        zoom);
/* Zooms so the page fills @width pixels, and fills its pane's width from then on. */
void       cf_pdf_view_fit_width    (CfPdfView    *self,
                                     int           width);
CfPdfFit   cf_pdf_view_get_fit      (CfPdfView    *self);
void       cf_pdf_view_set_fit      (CfPdfView    *self,
                                     CfPdfFit      fit);
/* Outlines @bbox (PDF points, origin top-left) on @page; @page 0 clears. */
void       cf_pdf_view_set_box      (CfPdfView    *self,
                                     int           page,
                                     const double  bbox[4]);
/* The texture shown now (for tests), or NULL while rendering. */
GdkTexture *cf_pdf_view_get_texture (CfPdfView    *self);

G_END_DECLS

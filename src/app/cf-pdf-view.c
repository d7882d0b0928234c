/* cf-pdf-view.c: a PDF page drawn with poppler + cairo in a worker thread
 *
 * The page is rendered at zoom × the display's scale factor into a GdkTexture
 * (sharp on HiDPI), then drawn at the zoomed size. Poppler documents are not
 * shared between threads: each render opens its own from the bytes.
 *
 * The zoom follows the width of the pane (the scrolled window around the
 * view) unless it was set by hand: the page fits that width (Fit Width), or,
 * by default, is shown at 100 % unless the pane is narrower than that.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <poppler.h>
#include <string.h>

#include "cf-pdf-view.h"
#include "cf-pdf-lock.h"

#define MIN_ZOOM 0.25
#define MAX_ZOOM 6.0

struct _CfPdfView
{
  GtkWidget     parent_instance;

  GBytes       *pdf;
  char         *password;
  int           n_pages;
  int           page;
  double        zoom;
  CfPdfFit      fit;
  int           fit_width;    /* the pane's width the zoom was fitted to */
  double        fit_page;     /* and the page's */
  double        page_width;   /* points */
  double        page_height;

  GdkTexture   *texture;
  int           texture_page;
  double        texture_scale;
  GCancellable *render_cancellable;

  int           box_page;
  double        box[4];
};

G_DEFINE_FINAL_TYPE (CfPdfView, cf_pdf_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_PAGE,
  PROP_N_PAGES,
  PROP_ZOOM,
  PROP_FIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  GBytes *pdf;
  char   *password;
  int     page;
  double  scale;    /* device pixels per point */
} RenderJob;

typedef struct
{
  GdkTexture *texture;
  int         n_pages;
  int         page;
  double      width;
  double      height;
  double      scale;
} RenderResult;

static void
render_job_free (RenderJob *job)
{
  g_bytes_unref (job->pdf);
  g_free (job->password);
  g_free (job);
}

static void
render_result_free (RenderResult *result)
{
  g_clear_object (&result->texture);
  g_free (result);
}

static RenderResult *
render_page (PopplerDocument *doc, RenderJob *job, GCancellable *cancellable)
{
  g_autoptr (GBytes) pixels = NULL;
  RenderResult *result = g_new0 (RenderResult, 1);
  PopplerPage *page;
  cairo_surface_t *surface;
  cairo_t *cr;
  int width, height;

  result->n_pages = poppler_document_get_n_pages (doc);
  result->page = CLAMP (job->page, 1, MAX (result->n_pages, 1));
  result->scale = job->scale;
  page = poppler_document_get_page (doc, result->page - 1);
  if (page == NULL || g_cancellable_is_cancelled (cancellable))
    {
      g_clear_object (&page);
      render_result_free (result);
      return NULL;
    }
  poppler_page_get_size (page, &result->width, &result->height);
  width = MAX (1, (int) (result->width * job->scale + 0.5));
  height = MAX (1, (int) (result->height * job->scale + 0.5));
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, job->scale, job->scale);
  cf_pdf_render_lock ();
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cf_pdf_render_unlock ();
  cairo_surface_flush (surface);
  g_object_unref (page);
  pixels = g_bytes_new (cairo_image_surface_get_data (surface),
                        (gsize) cairo_image_surface_get_stride (surface) * height);
  /* Cairo's ARGB32 is GDK's default (premultiplied BGRA on little endian). */
  result->texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, pixels,
                                            cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);
  return result;
}

static void
render_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  RenderJob *job = data;
  g_autoptr (GError) error = NULL;
  PopplerDocument *doc = poppler_document_new_from_bytes (job->pdf, job->password, &error);
  RenderResult *result;

  if (doc == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  result = render_page (doc, job, cancellable);
  g_object_unref (doc);
  if (result == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
  else
    g_task_return_pointer (task, result, (GDestroyNotify) render_result_free);
}

static void
on_rendered (GObject *source, GAsyncResult *res, gpointer data)
{
  CfPdfView *self = CF_PDF_VIEW (source);
  g_autoptr (GError) error = NULL;
  RenderResult *result = g_task_propagate_pointer (G_TASK (res), &error);

  if (result == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not render the page: %s", error->message);
      return;
    }
  g_set_object (&self->texture, result->texture);
  self->texture_page = result->page;
  self->texture_scale = result->scale;
  self->page_width = result->width;
  self->page_height = result->height;
  if (self->n_pages != result->n_pages)
    {
      self->n_pages = result->n_pages;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
    }
  render_result_free (result);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
queue_render (CfPdfView *self)
{
  g_autoptr (GTask) task = NULL;
  RenderJob *job;

  g_cancellable_cancel (self->render_cancellable);
  g_clear_object (&self->render_cancellable);
  if (self->pdf == NULL)
    return;
  self->render_cancellable = g_cancellable_new ();
  job = g_new0 (RenderJob, 1);
  job->pdf = g_bytes_ref (self->pdf);
  job->password = g_strdup (self->password);
  job->page = self->page;
  job->scale = self->zoom * gtk_widget_get_scale_factor (GTK_WIDGET (self));
  task = g_task_new (self, self->render_cancellable, on_rendered, NULL);
  g_task_set_source_tag (task, queue_render);
  g_task_set_task_data (task, job, (GDestroyNotify) render_job_free);
  g_task_run_in_thread (task, render_in_thread);
}

void
cf_pdf_view_set_pdf (CfPdfView *self, GBytes *pdf, const char *password)
{
  g_return_if_fail (CF_IS_PDF_VIEW (self));
  g_clear_pointer (&self->pdf, g_bytes_unref);
  g_clear_object (&self->texture);
  g_free (self->password);
  self->password = g_strdup (password);
  self->pdf = pdf ? g_bytes_ref (pdf) : NULL;
  self->page = 1;
  self->n_pages = 0;
  self->box_page = 0;
  queue_render (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

int
cf_pdf_view_get_n_pages (CfPdfView *self)
{
  g_return_val_if_fail (CF_IS_PDF_VIEW (self), 0);
  return self->n_pages;
}

int
cf_pdf_view_get_page (CfPdfView *self)
{
  g_return_val_if_fail (CF_IS_PDF_VIEW (self), 0);
  return self->page;
}

void
cf_pdf_view_set_page (CfPdfView *self, int page)
{
  g_return_if_fail (CF_IS_PDF_VIEW (self));
  if (self->n_pages > 0)
    page = CLAMP (page, 1, self->n_pages);
  page = MAX (page, 1);
  if (page == self->page)
    return;
  self->page = page;
  queue_render (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

double
cf_pdf_view_get_zoom (CfPdfView *self)
{
  g_return_val_if_fail (CF_IS_PDF_VIEW (self), 1.0);
  return self->zoom;
}

static void
apply_zoom (CfPdfView *self, double zoom)
{
  zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
  if (G_APPROX_VALUE (zoom, self->zoom, 1e-4))
    return;
  self->zoom = zoom;
  /* The old texture, stretched, stands in until the sharp one arrives. */
  queue_render (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

void
cf_pdf_view_set_zoom (CfPdfView *self, double zoom)
{
  g_return_if_fail (CF_IS_PDF_VIEW (self));
  cf_pdf_view_set_fit (self, CF_PDF_FIT_NONE);
  apply_zoom (self, zoom);
}

void
cf_pdf_view_fit_width (CfPdfView *self, int width)
{
  g_return_if_fail (CF_IS_PDF_VIEW (self));
  cf_pdf_view_set_fit (self, CF_PDF_FIT_WIDTH);
  if (width > 0 && self->page_width > 0)
    apply_zoom (self, (width - 24) / self->page_width);
}

CfPdfFit
cf_pdf_view_get_fit (CfPdfView *self)
{
  g_return_val_if_fail (CF_IS_PDF_VIEW (self), CF_PDF_FIT_NONE);
  return self->fit;
}

void
cf_pdf_view_set_fit (CfPdfView *self, CfPdfFit fit)
{
  g_return_if_fail (CF_IS_PDF_VIEW (self));
  if (fit == self->fit)
    return;
  self->fit = fit;
  self->fit_width = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIT]);
}

/* The pane's width, followed frame by frame (GTK 4.8 notifies no size change). */
static gboolean
follow_pane (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  CfPdfView *self = CF_PDF_VIEW (widget);
  GtkWidget *pane = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  int width = pane != NULL ? gtk_widget_get_width (pane) : 0;
  double fitted;

  if (self->fit == CF_PDF_FIT_NONE || width <= 24 || self->page_width <= 0 ||
      (width == self->fit_width && self->page_width == self->fit_page))
    return G_SOURCE_CONTINUE;
  self->fit_width = width;
  self->fit_page = self->page_width;
  fitted = (width - 24) / self->page_width;
  apply_zoom (self, self->fit == CF_PDF_FIT_WIDTH ? fitted : MIN (1.0, fitted));
  return G_SOURCE_CONTINUE;
}

void
cf_pdf_view_set_box (CfPdfView *self, int page, const double bbox[4])
{
  g_return_if_fail (CF_IS_PDF_VIEW (self));
  self->box_page = page;
  if (page > 0 && bbox != NULL)
    {
      memcpy (self->box, bbox, sizeof self->box);
      cf_pdf_view_set_page (self, page);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GdkTexture *
cf_pdf_view_get_texture (CfPdfView *self)
{
  g_return_val_if_fail (CF_IS_PDF_VIEW (self), NULL);
  return self->texture;
}

static void
cf_pdf_view_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  CfPdfView *self = CF_PDF_VIEW (widget);
  double size = orientation == GTK_ORIENTATION_HORIZONTAL ? self->page_width : self->page_height;

  *minimum = *natural = (int) (size * self->zoom + 0.5);
}

static void
cf_pdf_view_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  CfPdfView *self = CF_PDF_VIEW (widget);
  double width = self->page_width * self->zoom;
  double height = self->page_height * self->zoom;

  if (self->texture == NULL)
    return;
  gtk_snapshot_append_texture (snapshot, self->texture,
                               &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->box_page == self->texture_page && self->box_page > 0)
    {
      graphene_rect_t rect = GRAPHENE_RECT_INIT (self->box[0] * self->zoom - 2,
                                                 self->box[1] * self->zoom - 2,
                                                 (self->box[2] - self->box[0]) * self->zoom + 4,
                                                 (self->box[3] - self->box[1]) * self->zoom + 4);
      GskRoundedRect outline;
      const GdkRGBA blue = { 0.21, 0.52, 0.89, 1.0 };
      const GdkRGBA fill = { 0.21, 0.52, 0.89, 0.2 };

      gsk_rounded_rect_init_from_rect (&outline, &rect, 2);
      gtk_snapshot_append_color (snapshot, &fill, &rect);
      gtk_snapshot_append_border (snapshot, &outline,
                                  (float[4]) { 2, 2, 2, 2 },
                                  (GdkRGBA[4]) { blue, blue, blue, blue });
    }
}

static gboolean
on_scroll (GtkEventControllerScroll *controller, double dx, double dy, CfPdfView *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if ((state & GDK_CONTROL_MASK) == 0)
    return FALSE;
  cf_pdf_view_set_zoom (self, self->zoom * (dy < 0 ? 1.1 : 1 / 1.1));
  return TRUE;
}

static void
on_scale_factor_changed (CfPdfView *self)
{
  queue_render (self);
}

static void
cf_pdf_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CfPdfView *self = CF_PDF_VIEW (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      g_value_set_int (value, self->page);
      break;
    case PROP_N_PAGES:
      g_value_set_int (value, self->n_pages);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_pdf_view_dispose (GObject *object)
{
  CfPdfView *self = CF_PDF_VIEW (object);

  g_cancellable_cancel (self->render_cancellable);
  g_clear_object (&self->render_cancellable);
  g_clear_object (&self->texture);
  g_clear_pointer (&self->pdf, g_bytes_unref);
  g_clear_pointer (&self->password, g_free);
  G_OBJECT_CLASS (cf_pdf_view_parent_class)->dispose (object);
}

static void
cf_pdf_view_class_init (CfPdfViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_pdf_view_dispose;
  object_class->get_property = cf_pdf_view_get_property;
  widget_class->measure = cf_pdf_view_measure;
  widget_class->snapshot = cf_pdf_view_snapshot;

  properties[PROP_PAGE] = g_param_spec_int ("page", NULL, NULL, 0, G_MAXINT, 1,
                                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PAGES] = g_param_spec_int ("n-pages", NULL, NULL, 0, G_MAXINT, 0,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] = g_param_spec_double ("zoom", NULL, NULL, MIN_ZOOM, MAX_ZOOM, 1.0,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIT] = g_param_spec_int ("fit", NULL, NULL, CF_PDF_FIT_AUTO, CF_PDF_FIT_NONE,
                                           CF_PDF_FIT_AUTO,
                                           G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_css_name (widget_class, "pdfpage");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cf_pdf_view_init (CfPdfView *self)
{
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);

  self->zoom = 1.0;
  self->fit = CF_PDF_FIT_AUTO;
  gtk_widget_add_tick_callback (GTK_WIDGET (self), follow_pane, NULL, NULL);
  self->page = 1;
  self->page_width = 595;   /* A4 until the first render says otherwise */
  self->page_height = 842;
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (on_scale_factor_changed), NULL);
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("PDF page"),
                                  -1);
}

GtkWidget *
cf_pdf_view_new (void)
{
  return g_object_new (CF_TYPE_PDF_VIEW, NULL);
}

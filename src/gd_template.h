/*
 * gd_template.h - template data shared by the core's source files (internal).
 */
#ifndef GD_TEMPLATE_H
#define GD_TEMPLATE_H

#include "gd_core.h"

#define GD_MAX_PHRASES 4

typedef struct gd_active_item
{
	const char *phrases[GD_MAX_PHRASES];
	int			first;			/* index of its first measure */
	int			width;			/* how many measures it has */
} gd_active_item;

extern const char *const gd_request_row_phrases[GD_REQ_ROWS][GD_MAX_PHRASES];
extern const gd_active_item gd_active_items_2021[];
extern const gd_active_item gd_active_items_2019[];

#endif							/* GD_TEMPLATE_H */

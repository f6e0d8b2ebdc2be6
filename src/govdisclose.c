/*
 * govdisclose.c - PostgreSQL glue around the parsing core.
 *
 * Every function here runs one parse in a private memory context (the core
 * allocates from it and never frees), turns spans into text and cells into
 * Datums, and maps problems to errors only in strict mode.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/numeric.h"
#include "utils/typcache.h"

#include "govdisclose.h"

PG_MODULE_MAGIC;

#define GD_VERSION "1.0"

static void *
palloc_from(void *ctx, size_t size)
{
	return MemoryContextAllocHuge((MemoryContext) ctx, size);
}

static void
check_interrupts(void *ctx)
{
	(void) ctx;
	CHECK_FOR_INTERRUPTS();
}

/*
 * The core reads and writes UTF-8, and the install script refuses other
 * database encodings; a library loaded into such a database by hand refuses too.
 */
static void
require_utf8_database(void)
{
	if (GetDatabaseEncoding() != PG_UTF8)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("govdisclose requires a UTF8 database"),
				 errdetail("The database encoding is %s.", GetDatabaseEncodingName())));
}

/* Parse a text argument. */
parsed
parse_text(text *body, parse_scope scope)
{
	parsed		p;
	gd_options	opt;

	require_utf8_database();
	/* NOLINTNEXTLINE(bugprone-implicit-widening-of-multiplication-result): PostgreSQL's size macros */
	p.cxt = AllocSetContextCreate(CurrentMemoryContext, "govdisclose parse", ALLOCSET_DEFAULT_SIZES);
	opt.alloc = palloc_from;
	opt.alloc_ctx = p.cxt;
	opt.check_interrupts = check_interrupts;
	opt.interrupt_ctx = NULL;
	opt.skip_facts = scope != PARSE_ALL;
	opt.sections_only = scope == PARSE_SECTIONS;
	opt.requests_only = scope == PARSE_REQUESTS;
	p.r = MemoryContextAlloc(p.cxt, sizeof(gd_report));
	gd_parse(VARDATA_ANY(body), VARSIZE_ANY_EXHDR(body), &opt, p.r);
	return p;
}

/* Text the core wrote: valid UTF-8 whenever its input was (fuzzed). */
static Datum
utf8_text_datum(const char *s, size_t len)
{
	return PointerGetDatum(cstring_to_text_with_len(s, (int) len));
}

static Datum
span_text_datum(const gd_report *r, gd_span span)
{
	size_t		s = span.off,
				e = span.off + span.len;

	while (s < e && (r->text[s] == ' ' || r->text[s] == '\n' || r->text[s] == '\t'))
		s++;
	while (e > s && (r->text[e - 1] == ' ' || r->text[e - 1] == '\n' || r->text[e - 1] == '\t'))
		e--;
	return utf8_text_datum(r->text + s, e - s);
}

/* A cell as a Datum; *isnull for blank, absent and unreadable cells. */
static Datum
cell_datum(const gd_cell *c, bool as_numeric, bool *isnull)
{
	*isnull = (c->state == GD_ABSENT || c->state == GD_BLANK || c->state == GD_UNREADABLE);
	if (*isnull)
		return (Datum) 0;
	if (!as_numeric)
		return Int64GetDatum(c->state == GD_PLACEHOLDER ? 0 : c->value);
	/* value * 10^-scale with scale digits shown, as the text "96171.6" would give */
	if (c->state == GD_PLACEHOLDER || c->scale == 0)
		return NumericGetDatum(int64_to_numeric(c->state == GD_PLACEHOLDER ? 0 : c->value));
	return NumericGetDatum(int64_div_fast_to_numeric(c->value, c->scale));
}

static TupleDesc
composite_desc(Oid typid, int natts)
{
	TupleDesc	desc = lookup_rowtype_tupdesc_copy(typid, -1);

	if (desc->natts != natts)
		elog(ERROR, "type %s has %d attributes, expected %d", format_type_be(typid), desc->natts, natts);
	return BlessTupleDesc(desc);
}

/*
 * What parse_report works out once per call site (kept in fn_extra): its row
 * types, and for each template which active measure each field of the active
 * type holds (fields are named item_measure), so no call looks them up again.
 */
typedef struct report_shape
{
	TupleDesc	report;
	TupleDesc	active;
	TupleDesc	review;
	int		   *measure_of[GD_TEMPLATE_2019 + 1];	/* [template][field]: active index or -1 */
} report_shape;

static report_shape *
report_shape_of(FunctionCallInfo fcinfo)
{
	report_shape *shape = fcinfo->flinfo->fn_extra;
	MemoryContext old;
	TupleDesc	desc;

	if (shape)
		return shape;
	old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
	shape = palloc0(sizeof(report_shape));
	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "parse_report must return a composite type");
	if (desc->natts != 9)
		elog(ERROR, "type govdisclose.report has %d attributes, expected 9", desc->natts);
	shape->report = BlessTupleDesc(desc);
	shape->active = BlessTupleDesc(lookup_rowtype_tupdesc_copy(TupleDescAttr(desc, 5)->atttypid, -1));
	shape->review = composite_desc(TupleDescAttr(desc, 6)->atttypid, GD_REV_CELLS);
	for (int t = 0; t <= GD_TEMPLATE_2019; t++)
	{
		int			nm;
		const gd_active_measure *m = gd_active_measures((gd_template) t, &nm);

		shape->measure_of[t] = palloc(sizeof(int) * shape->active->natts);
		for (int a = 0; a < shape->active->natts; a++)
		{
			shape->measure_of[t][a] = -1;
			for (int k = 0; k < nm; k++)
			{
				char		name[NAMEDATALEN];

				snprintf(name, sizeof(name), "%s_%s", m[k].item, m[k].measure);
				if (strcmp(name, NameStr(TupleDescAttr(shape->active, a)->attname)) == 0)
					shape->measure_of[t][a] = k;
			}
		}
	}
	MemoryContextSwitchTo(old);
	fcinfo->flinfo->fn_extra = shape;
	return shape;
}

/* The active table as a composite. */
static Datum
active_datum(const gd_report *r, const report_shape *shape)
{
	TupleDesc	desc = shape->active;
	Datum	   *values = palloc0(sizeof(Datum) * desc->natts);
	bool	   *nulls = palloc(sizeof(bool) * desc->natts);
	const int  *measure_of = shape->measure_of[r->template_kind];

	for (int a = 0; a < desc->natts; a++)
	{
		nulls[a] = true;
		if (measure_of[a] >= 0)
			values[a] = cell_datum(&r->active[measure_of[a]], TupleDescAttr(desc, a)->atttypid == NUMERICOID,
								   &nulls[a]);
	}
	return HeapTupleGetDatum(heap_form_tuple(desc, values, nulls));
}

static Datum
review_datum(const gd_report *r, TupleDesc desc)
{
	Datum		values[GD_REV_CELLS];
	bool		nulls[GD_REV_CELLS];

	for (int k = 0; k < GD_REV_CELLS; k++)
		values[k] = cell_datum(&r->review[k], false, &nulls[k]);
	return HeapTupleGetDatum(heap_form_tuple(desc, values, nulls));
}

static Datum
problems_datum(const gd_report *r)
{
	Datum	   *elems = palloc(sizeof(Datum) * (r->problem_count + 1));

	for (int k = 0; k < r->problem_count; k++)
		elems[k] = utf8_text_datum(r->problems[k].message, strlen(r->problems[k].message));
	return PointerGetDatum(construct_array(elems, r->problem_count, TEXTOID, -1, false, TYPALIGN_INT));
}

/* title, org, year, template, layout: the first five fields of report and parse_flat */
static void
header_values(const gd_report *r, Datum *values, bool *nulls)
{
	const char *tpl = gd_template_name(r->template_kind);

	nulls[0] = r->title_text == NULL;
	if (!nulls[0])
		values[0] = utf8_text_datum(r->title_text, r->title_text_len);
	nulls[1] = r->org_text == NULL || r->org_text_len == 0;
	if (!nulls[1])
		values[1] = utf8_text_datum(r->org_text, r->org_text_len);
	nulls[2] = r->year == 0;
	values[2] = Int32GetDatum(r->year);
	nulls[3] = tpl == NULL;
	if (tpl)
		values[3] = CStringGetTextDatum(tpl);
	nulls[4] = r->layout == GD_LAYOUT_UNKNOWN;
	values[4] = CStringGetTextDatum(gd_layout_name(r->layout));
}

/* Start a materialised SRF over the parse of its text argument. */
static parsed
begin_parse_srf(FunctionCallInfo fcinfo, parse_scope scope)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	/* the row type the executor expects is the function's: copying it costs less than reading pg_proc */
	InitMaterializedSRF(fcinfo, rsinfo != NULL && IsA(rsinfo, ReturnSetInfo) && rsinfo->expectedDesc != NULL ?
						MAT_SRF_USE_EXPECTED_DESC : 0);
	return parse_text(PG_GETARG_TEXT_PP(0), scope);
}

static void
put_row(FunctionCallInfo fcinfo, Datum *values, bool *nulls)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
}

/* A number that does not fit is out of range; everything else is unreadable text. */
static int
problem_sqlstate(gd_problem_code code)
{
	return code == GD_PROBLEM_NUMBER_TOO_LARGE ? ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE
		: ERRCODE_INVALID_TEXT_REPRESENTATION;
}

/* Strict mode: the first problem becomes the error, the count its hint. */
static void
raise_problems(const gd_report *r)
{
	const gd_problem *first;

	if (r->problem_count == 0)
		return;
	first = &r->problems[0];
	ereport(ERROR,
			(errcode(problem_sqlstate(first->code)),
			 errmsg("report cannot be read completely"),
			 errdetail("%s", first->message),
			 errhint("%d problem(s) in all; parse_report(body) lists them without raising.",
					 r->problem_count)));
}

PG_FUNCTION_INFO_V1(gd_version);
/* The version of the loaded library. */
Datum
gd_version(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(GD_VERSION));
}

PG_FUNCTION_INFO_V1(gd_parse_report);
/* parse_report(body text, strict bool) -> govdisclose.report */
Datum
gd_parse_report(PG_FUNCTION_ARGS)
{
	parsed		p = parse_text(PG_GETARG_TEXT_PP(0), PARSE_TABLES);
	bool		strict = PG_NARGS() > 1 && PG_GETARG_BOOL(1);
	gd_report  *r = p.r;
	const report_shape *shape;
	Datum		values[9];
	bool		nulls[9] = {false};

	if (strict)
		raise_problems(r);
	shape = report_shape_of(fcinfo);
	header_values(r, values, nulls);
	nulls[5] = !r->has_active;
	if (r->has_active)
		values[5] = active_datum(r, shape);
	nulls[6] = !r->has_review;
	if (r->has_review)
		values[6] = review_datum(r, shape->review);
	values[7] = problems_datum(r);
	values[8] = published_datum(r, &nulls[8]);
	{
		Datum		result = HeapTupleGetDatum(heap_form_tuple(shape->report, values, nulls));

		MemoryContextDelete(p.cxt);
		PG_RETURN_DATUM(result);
	}
}

/* A value chosen by the template's identities (glued digits split), not read as printed. */
static bool
cell_inferred(const gd_cell *c)
{
	return c->inferred && (c->state == GD_NUMBER || c->state == GD_PLACEHOLDER);
}

/* request_cells' columns whose bytes change from call to call */
#define REQUEST_VALUE 3
#define REQUEST_INFERRED 4

/*
 * A row of request_cells as a heap tuple made once per call site: a call
 * writes its value and inferred into the tuple and puts a copy in the
 * tuplestore (about 190 instructions a row, where forming the row from
 * Datums took 860).
 */
typedef struct request_row
{
	HeapTuple	tuple;			/* NULL until a call puts this row */
	char	   *value;			/* where the value's bytes are; NULL in the row whose value is NULL */
	char	   *inferred;
} request_row;

/* Every row (kept in fn_extra): [row][applicant][value is NULL]. */
typedef struct request_rows
{
	request_row row[GD_REQ_ROWS][GD_REQ_COLS][2];
} request_rows;

/* Where a non-null attribute's bytes start in a tuple, found by the rules heap_deform_tuple reads it with. */
static char *
attribute_start(TupleDesc desc, HeapTuple tuple, int attnum)
{
	HeapTupleHeader header = tuple->t_data;
	char	   *data = (char *) header + header->t_hoff;
	uint32		off = 0;

	for (int k = 0;; k++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, k);

		if (HeapTupleHasNulls(tuple) && att_isnull(k, header->t_bits))
			continue;
		off = att->attlen == -1 ? att_align_pointer(off, att->attalign, -1, data + off)
			: att_align_nominal(off, att->attalign);
		if (k == attnum)
			return data + off;
		off = att_addlength_pointer(off, att->attlen, data + off);
	}
}

/* The result type must be request_cells' own: its rows are written into at fixed places. */
static void
require_request_cells_type(TupleDesc desc)
{
	static const Oid types[] = {INT4OID, TEXTOID, TEXTOID, INT8OID, BOOLOID};
	bool		same = desc->natts == (int) lengthof(types);

	for (int k = 0; same && k < desc->natts; k++)
		same = TupleDescAttr(desc, k)->atttypid == types[k];
	if (!same)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("function returning request cells declared with the wrong result type"),
				 errdetail("The result must be (row_no integer, row_key text, applicant text, value bigint, inferred boolean).")));
}

/* The tuple of a (row, applicant) cell with or without a value, formed on its first use. */
static request_row *
request_row_of(FunctionCallInfo fcinfo, TupleDesc desc, int row, int col, bool value_is_null)
{
	request_rows *rows = fcinfo->flinfo->fn_extra;
	request_row *r;

	if (rows == NULL)
	{
		require_request_cells_type(desc);
		rows = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(request_rows));
		fcinfo->flinfo->fn_extra = rows;
	}
	r = &rows->row[row][col][value_is_null];
	if (r->tuple == NULL)
	{
		Datum		values[5];
		bool		nulls[5] = {false};
		MemoryContext old;

		values[0] = Int32GetDatum(row + 1);
		values[1] = CStringGetTextDatum(gd_request_row_keys[row]);
		values[2] = CStringGetTextDatum(gd_applicant_keys[col]);
		values[REQUEST_VALUE] = Int64GetDatum(0);
		nulls[REQUEST_VALUE] = value_is_null;
		values[REQUEST_INFERRED] = BoolGetDatum(false);
		old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
		r->tuple = heap_form_tuple(desc, values, nulls);
		MemoryContextSwitchTo(old);
		r->value = value_is_null ? NULL : attribute_start(desc, r->tuple, REQUEST_VALUE);
		r->inferred = attribute_start(desc, r->tuple, REQUEST_INFERRED);
	}
	return r;
}

PG_FUNCTION_INFO_V1(gd_request_cells);
/* request_cells(body) -> (row_no, row_key, applicant, value, inferred): 175 rows, or 182 */
Datum
gd_request_cells(PG_FUNCTION_ARGS)
{
	parsed		p = begin_parse_srf(fcinfo, PARSE_REQUESTS);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	gd_report  *r = p.r;

	for (int row = 0; row < GD_REQ_ROWS && r->has_requests; row++)
	{
		if (row == GD_REQ_OTHER_UNDIVIDED && !r->other_undivided)
			break;
		for (int col = 0; col < GD_REQ_COLS; col++)
		{
			const gd_cell *cell = &r->requests[row][col];
			bool		value_is_null;
			Datum		value = cell_datum(cell, false, &value_is_null);
			const request_row *put = request_row_of(fcinfo, rsinfo->setDesc, row, col, value_is_null);

			if (put->value)
			{
				int64		bytes = DatumGetInt64(value);	/* a bigint is stored as its 8 bytes, by value or not */

				memcpy(put->value, &bytes, sizeof(bytes));
			}
			*put->inferred = (char) cell_inferred(cell);
			tuplestore_puttuple(rsinfo->setResult, put->tuple);
		}
	}
	MemoryContextDelete(p.cxt);
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(gd_active_items);
/* active_items(body) -> (item, measure, value numeric, inferred), in template order */
Datum
gd_active_items(PG_FUNCTION_ARGS)
{
	parsed		p = begin_parse_srf(fcinfo, PARSE_TABLES);
	gd_report  *r = p.r;
	int			nm;
	const gd_active_measure *m = gd_active_measures(r->template_kind, &nm);
	for (int k = 0; k < nm && r->has_active; k++)
	{
		Datum		values[4];
		bool		nulls[4] = {false};

		values[0] = CStringGetTextDatum(m[k].item);
		values[1] = CStringGetTextDatum(m[k].measure);
		values[2] = cell_datum(&r->active[k], true, &nulls[2]);
		values[3] = BoolGetDatum(cell_inferred(&r->active[k]));
		put_row(fcinfo, values, nulls);
	}
	MemoryContextDelete(p.cxt);
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(gd_review_cells);
/* review_cells(body) -> (grp, outcome, value, inferred): 15 rows */
Datum
gd_review_cells(PG_FUNCTION_ARGS)
{
	parsed		p = begin_parse_srf(fcinfo, PARSE_TABLES);
	gd_report  *r = p.r;
	for (int k = 0; k < GD_REV_CELLS && r->has_review; k++)
	{
		Datum		values[4];
		bool		nulls[4] = {false};

		values[0] = CStringGetTextDatum(gd_review_group_keys[k / 5]);
		values[1] = CStringGetTextDatum(gd_review_outcome_keys[k % 5]);
		values[2] = cell_datum(&r->review[k], false, &nulls[2]);
		values[3] = BoolGetDatum(cell_inferred(&r->review[k]));
		put_row(fcinfo, values, nulls);
	}
	MemoryContextDelete(p.cxt);
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(gd_sections);
/* sections(body) -> (section_no, heading, content): title block 0, then 1..6 */
Datum
gd_sections(PG_FUNCTION_ARGS)
{
	parsed		p = begin_parse_srf(fcinfo, PARSE_TABLES);
	gd_report  *r = p.r;
	for (int k = 0; k < GD_SECTIONS; k++)
	{
		Datum		values[3];
		bool		nulls[3] = {false};

		if (!r->section_found[k])
			continue;
		values[0] = Int32GetDatum(k);
		if (k == 0)
		{
			nulls[1] = r->title_text == NULL;
			if (!nulls[1])
				values[1] = utf8_text_datum(r->title_text, r->title_text_len);
		}
		else
			values[1] = span_text_datum(r, r->section_heading[k]);
		values[2] = span_text_datum(r, r->section_content[k]);
		put_row(fcinfo, values, nulls);
	}
	MemoryContextDelete(p.cxt);
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(gd_narrative_facts);
/* narrative_facts(body) -> (fact, value numeric, unit, span) */
Datum
gd_narrative_facts(PG_FUNCTION_ARGS)
{
	parsed		p = begin_parse_srf(fcinfo, PARSE_ALL);
	gd_report  *r = p.r;
	for (int k = 0; k < r->fact_count; k++)
	{
		Datum		values[4];
		bool		nulls[4] = {false};
		const gd_fact *f = &r->facts[k];

		values[0] = CStringGetTextDatum(gd_fact_keys[f->key]);
		values[1] = cell_datum(&f->value, true, &nulls[1]);
		values[2] = CStringGetTextDatum(f->unit);
		values[3] = span_text_datum(r, f->span);
		put_row(fcinfo, values, nulls);
	}
	MemoryContextDelete(p.cxt);
	return (Datum) 0;
}

/* One letter per cell for the data layer: a absent, b blank, n number, p placeholder, u unreadable. */
static Datum
states_datum(const gd_cell *cells, int count)
{
	char	   *s = palloc(count + 1);

	for (int k = 0; k < count; k++)
		s[k] = gd_state_letter(&cells[k]);
	s[count] = '\0';
	return CStringGetTextDatum(s);
}

static Datum
cells_array(const gd_cell *cells, int count, bool as_numeric)
{
	Datum	   *elems = palloc(sizeof(Datum) * count);
	bool	   *nulls = palloc(sizeof(bool) * count);
	int			dims[1] = {count};
	int			lbs[1] = {1};

	for (int k = 0; k < count; k++)
		elems[k] = cell_datum(&cells[k], as_numeric, &nulls[k]);
	if (as_numeric)
		return PointerGetDatum(construct_md_array(elems, nulls, 1, dims, lbs, NUMERICOID, -1, false, TYPALIGN_INT));
	return PointerGetDatum(construct_md_array(elems, nulls, 1, dims, lbs, INT8OID, 8, FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
}

static Datum
text_array(Datum *elems, int count)
{
	return PointerGetDatum(construct_array(elems, count, TEXTOID, -1, false, TYPALIGN_INT));
}

PG_FUNCTION_INFO_V1(gd_parse_flat);
/* parse_flat(body): everything the documents table stores, from one parse */
Datum
gd_parse_flat(PG_FUNCTION_ARGS)
{
	parsed		p = parse_text(PG_GETARG_TEXT_PP(0), PARSE_ALL);
	gd_report  *r = p.r;
	TupleDesc	desc;
	Datum		values[17];
	bool		nulls[17] = {false};
	Datum	   *keys = palloc(sizeof(Datum) * (r->fact_count + 1));
	Datum	   *units = palloc(sizeof(Datum) * (r->fact_count + 1));
	Datum	   *spans = palloc(sizeof(Datum) * (r->fact_count + 1));
	gd_cell		facts[GD_MAX_FACTS];

	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE || desc->natts != 17)
		elog(ERROR, "parse_flat must return a record of 17 columns");
	desc = BlessTupleDesc(desc);
	header_values(r, values, nulls);
	values[5] = problems_datum(r);
	values[6] = cells_array(&r->requests[0][0], GD_REQ_ROWS * GD_REQ_COLS, false);
	values[7] = states_datum(&r->requests[0][0], GD_REQ_ROWS * GD_REQ_COLS);
	values[8] = cells_array(r->active, r->active_count, true);
	values[9] = states_datum(r->active, r->active_count);
	values[10] = cells_array(r->review, GD_REV_CELLS, false);
	values[11] = states_datum(r->review, GD_REV_CELLS);
	for (int k = 0; k < r->fact_count; k++)
	{
		keys[k] = CStringGetTextDatum(gd_fact_keys[r->facts[k].key]);
		units[k] = CStringGetTextDatum(r->facts[k].unit);
		spans[k] = span_text_datum(r, r->facts[k].span);
		facts[k] = r->facts[k].value;
	}
	values[12] = text_array(keys, r->fact_count);
	values[13] = cells_array(facts, r->fact_count, true);
	values[14] = text_array(units, r->fact_count);
	values[15] = text_array(spans, r->fact_count);
	values[16] = published_datum(r, &nulls[16]);
	{
		Datum		result = HeapTupleGetDatum(heap_form_tuple(desc, values, nulls));

		MemoryContextDelete(p.cxt);
		PG_RETURN_DATUM(result);
	}
}

PG_FUNCTION_INFO_V1(gd_active_measure_names);
/* active_measure_names(template) -> (ord, item, measure, label) */
Datum
gd_active_measure_names(PG_FUNCTION_ARGS)
{
	char	   *tpl = text_to_cstring(PG_GETARG_TEXT_PP(0));
	int			nm;
	const gd_active_measure *m = gd_active_measures(strcmp(tpl, "2019") == 0 ? GD_TEMPLATE_2019 : GD_TEMPLATE_2021, &nm);

	InitMaterializedSRF(fcinfo, 0);
	for (int k = 0; k < nm; k++)
	{
		Datum		values[4];
		bool		nulls[4] = {false};

		values[0] = Int32GetDatum(k + 1);
		values[1] = CStringGetTextDatum(m[k].item);
		values[2] = CStringGetTextDatum(m[k].measure);
		values[3] = CStringGetTextDatum(m[k].label);
		put_row(fcinfo, values, nulls);
	}
	return (Datum) 0;
}

/* Rows (number, key, label) of one part of the template vocabulary. */
static Datum
vocabulary_rows(FunctionCallInfo fcinfo, const char *const *keys, const char *const *labels, int count)
{

	InitMaterializedSRF(fcinfo, 0);
	for (int k = 0; k < count; k++)
	{
		Datum		values[3] = {Int32GetDatum(k + 1), CStringGetTextDatum(keys[k]),
		CStringGetTextDatum(labels[k])};
		bool		nulls[3] = {false};

		put_row(fcinfo, values, nulls);
	}
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(gd_request_rows);
/* request_rows() -> (row_no, row_key, label): the rows of the requests table */
Datum
gd_request_rows(PG_FUNCTION_ARGS)
{
	return vocabulary_rows(fcinfo, gd_request_row_keys, gd_request_row_labels, GD_REQ_ROWS);
}

PG_FUNCTION_INFO_V1(gd_applicants);
/* applicants() -> (col_no, applicant, label): the columns of the requests table */
Datum
gd_applicants(PG_FUNCTION_ARGS)
{
	return vocabulary_rows(fcinfo, gd_applicant_keys, gd_applicant_labels, GD_REQ_COLS);
}

PG_FUNCTION_INFO_V1(gd_review_layout);
/* review_layout() -> (cell_no, grp, outcome, label): the 15 cells of the review table */
Datum
gd_review_layout(PG_FUNCTION_ARGS)
{

	InitMaterializedSRF(fcinfo, 0);
	for (int k = 0; k < GD_REV_CELLS; k++)
	{
		char		label[128];
		Datum		values[4];
		bool		nulls[4] = {false};

		snprintf(label, sizeof(label), "%s·%s", gd_review_group_labels[k / 5], gd_review_outcome_labels[k % 5]);
		values[0] = Int32GetDatum(k + 1);
		values[1] = CStringGetTextDatum(gd_review_group_keys[k / 5]);
		values[2] = CStringGetTextDatum(gd_review_outcome_keys[k % 5]);
		values[3] = CStringGetTextDatum(label);
		put_row(fcinfo, values, nulls);
	}
	return (Datum) 0;
}

/* ---------- consistency rules over a stored parse ---------- */

/* A stored numeric as a core value; NaN, infinities and overlong numbers are unknown. */
static gd_value
value_of_numeric(Datum num)
{
	const char *s = DatumGetCString(DirectFunctionCall1(numeric_out, num));
	gd_value	v = {0};
	bool		neg = (*s == '-'),
				point = false;
	uint64		mag = 0;

	for (s += neg ? 1 : 0; *s; s++)
	{
		if (*s == '.' && !point)
		{
			point = true;
			continue;
		}
		if (*s < '0' || *s > '9' || mag > (PG_INT64_MAX - 9) / 10 || (point && v.scale >= 18))
			return (gd_value) {0};
		mag = mag * 10 + (uint64) (*s - '0');
		if (point)
			v.scale++;
	}
	v.value = neg ? -(int64) mag : (int64) mag;
	v.known = true;
	return v;
}

/*
 * A column of a stored parse.  report_findings() takes any row laid out like
 * govdisclose_internal.parsed (on a Citus worker the row is a shard's), so
 * a column's type is checked before its value is read.
 */
static Datum
stored_column(HeapTupleHeader row, const char *column, Oid type, bool *isnull)
{
	TupleDesc	desc = lookup_rowtype_tupdesc(HeapTupleHeaderGetTypeId(row), HeapTupleHeaderGetTypMod(row));
	HeapTupleData tuple;
	Datum		d;
	int			i = 0;

	while (i < desc->natts && (TupleDescAttr(desc, i)->attisdropped ||
							   strcmp(NameStr(TupleDescAttr(desc, i)->attname), column) != 0))
		i++;
	if (i == desc->natts || TupleDescAttr(desc, i)->atttypid != type)
	{
		ReleaseTupleDesc(desc);
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("report_findings() needs a row laid out like govdisclose_internal.parsed"),
				 errdetail("Column \"%s\" is missing or is not of type %s.", column, format_type_be(type))));
	}
	tuple.t_len = HeapTupleHeaderGetDatumLength(row);
	ItemPointerSetInvalid(&tuple.t_self);
	tuple.t_tableOid = InvalidOid;
	tuple.t_data = row;
	d = heap_getattr(&tuple, i + 1, desc, isnull);
	ReleaseTupleDesc(desc);
	return d;
}

/* Elements of a stored array column (NULL column: none). */
static int
stored_array(HeapTupleHeader row, const char *column, Oid elemtype, Datum **elems, bool **nulls)
{
	bool		isnull;
	Datum		d = stored_column(row, column, get_array_type(elemtype), &isnull);
	int16		typlen;
	bool		typbyval;
	char		typalign;
	int			n = 0;

	*elems = NULL;
	*nulls = NULL;
	if (isnull)
		return 0;
	get_typlenbyvalalign(elemtype, &typlen, &typbyval, &typalign);
	deconstruct_array(DatumGetArrayTypeP(d), elemtype, typlen, typbyval, typalign, elems, nulls, &n);
	return n;
}

static void
stored_values(HeapTupleHeader row, const char *column, Oid elemtype, gd_value *out, int max)
{
	Datum	   *elems;
	bool	   *nulls;
	int			n = stored_array(row, column, elemtype, &elems, &nulls);

	for (int k = 0; k < n && k < max; k++)
		if (!nulls[k])
			out[k] = elemtype == INT8OID ? (gd_value) {DatumGetInt64(elems[k]), 0, true}
				: value_of_numeric(elems[k]);
}

/* State letters of a stored table, padded with 'a' or cut to count; NULL stays NULL. */
static const char *
stored_states(HeapTupleHeader row, const char *column, int count)
{
	bool		isnull;
	Datum		d = stored_column(row, column, TEXTOID, &isnull);
	char	   *letters;
	char	   *s;

	if (isnull)
		return NULL;
	s = TextDatumGetCString(d);
	letters = palloc(count + 1);
	for (int k = 0; k < count; k++)
		letters[k] = *s ? *s++ : 'a';
	letters[count] = '\0';
	return letters;
}

static char *
stored_text(HeapTupleHeader row, const char *column)
{
	bool		isnull;
	Datum		d = stored_column(row, column, TEXTOID, &isnull);

	return isnull ? NULL : TextDatumGetCString(d);
}

static Datum
numeric_text_datum(const char *s)
{
	return DirectFunctionCall3(numeric_in, CStringGetDatum(s), ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
}

/* One finding as a row of report_findings(). */
static void
put_finding(void *ctx, const gd_finding *f)
{
	Datum		values[10];
	bool		nulls[10] = {false};

	values[0] = Int64GetDatum(f->sort_key);
	values[1] = CStringGetTextDatum(f->rule_id);
	values[2] = CStringGetTextDatum(f->severity);
	values[3] = CStringGetTextDatum(f->table_name);
	nulls[4] = f->row_key == NULL;
	values[4] = nulls[4] ? (Datum) 0 : CStringGetTextDatum(f->row_key);
	nulls[5] = f->column_key == NULL;
	values[5] = nulls[5] ? (Datum) 0 : CStringGetTextDatum(f->column_key);
	nulls[6] = f->cells[0] == '\0';
	values[6] = nulls[6] ? (Datum) 0 : utf8_text_datum(f->cells, strlen(f->cells));
	nulls[7] = f->expected[0] == '\0';
	values[7] = nulls[7] ? (Datum) 0 : numeric_text_datum(f->expected);
	nulls[8] = f->actual[0] == '\0';
	values[8] = nulls[8] ? (Datum) 0 : numeric_text_datum(f->actual);
	values[9] = utf8_text_datum(f->message, strlen(f->message));
	put_row((FunctionCallInfo) ctx, values, nulls);
}

/* The fact key a stored text names, or -1. */
static int
fact_key_of(Datum key)
{
	text	   *t = DatumGetTextPP(key);
	size_t		len = VARSIZE_ANY_EXHDR(t);

	for (int j = 0; j < GD_FACT_KEY_COUNT; j++)
		if (strlen(gd_fact_keys[j]) == len && memcmp(VARDATA_ANY(t), gd_fact_keys[j], len) == 0)
			return j;
	return -1;
}

/*
 * The stored facts: the four arrays are read side by side, as the fact_values
 * view unnests them; a row with a NULL or unknown key, unit or span is no
 * fact, a missing or NULL value is unknown.  Any lengths are safe.
 */
static void
stored_facts(HeapTupleHeader row, gd_check_input *in)
{
	Datum	   *keys,
			   *values,
			   *units,
			   *spans;
	bool	   *keys_null,
			   *values_null,
			   *units_null,
			   *spans_null;
	int			nkeys = stored_array(row, "fact_keys", TEXTOID, &keys, &keys_null);
	int			nvalues = stored_array(row, "fact_values", NUMERICOID, &values, &values_null);
	int			nunits = stored_array(row, "fact_units", TEXTOID, &units, &units_null);
	int			nspans = stored_array(row, "fact_spans", TEXTOID, &spans, &spans_null);

	for (int k = 0; k < nkeys && k < nunits && k < nspans && in->fact_count < GD_MAX_FACTS; k++)
	{
		gd_check_fact *fact = &in->facts[in->fact_count];
		int			which;

		CHECK_FOR_INTERRUPTS();
		if (keys_null[k] || units_null[k] || spans_null[k] || (which = fact_key_of(keys[k])) < 0)
			continue;
		fact->key = (gd_fact_key) which;
		fact->value = k < nvalues && !values_null[k] ? value_of_numeric(values[k]) : (gd_value) {0};
		fact->unit = TextDatumGetCString(units[k]);
		fact->span = TextDatumGetCString(spans[k]);
		fact->span_len = strlen(fact->span);
		in->fact_count++;
	}
}

PG_FUNCTION_INFO_V1(gd_report_findings);
/* report_findings(parsed) -> the single-report findings of one stored parse */
Datum
gd_report_findings(PG_FUNCTION_ARGS)
{
	HeapTupleHeader row = PG_GETARG_HEAPTUPLEHEADER(0);
	gd_check_input *in = palloc0(sizeof(gd_check_input));
	bool		isnull;
	Datum		year = stored_column(row, "year", INT4OID, &isnull);
	char	   *template = stored_text(row, "template");

	require_utf8_database();
	InitMaterializedSRF(fcinfo, 0);
	in->year = isnull ? 0 : DatumGetInt32(year);
	in->template_kind = template == NULL ? GD_TEMPLATE_UNKNOWN
		: strcmp(template, "2019") == 0 ? GD_TEMPLATE_2019 : GD_TEMPLATE_2021;
	in->req_states = stored_states(row, "req_states", GD_REQ_ROWS * GD_REQ_COLS);
	stored_values(row, "req_values", INT8OID, in->req, GD_REQ_ROWS * GD_REQ_COLS);
	in->review_states = stored_states(row, "review_states", GD_REV_CELLS);
	stored_values(row, "review_values", INT8OID, in->review, GD_REV_CELLS);
	/* the active table's length is its template's: the rules read no further */
	in->active_states = stored_text(row, "active_states");
	in->active_count = in->active_states == NULL ? 0 : Min((int) strlen(in->active_states), GD_ACTIVE_MAX);
	stored_values(row, "active_values", NUMERICOID, in->active, in->active_count);
	stored_facts(row, in);
	gd_check(in, put_finding, fcinfo);
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(gd_canonical_text);
/* canonical_text(body) -> the text two copies of one report share */
Datum
gd_canonical_text(PG_FUNCTION_ARGS)
{
	text	   *body = PG_GETARG_TEXT_PP(0);
	size_t		len = VARSIZE_ANY_EXHDR(body);
	text	   *result = (text *) palloc(VARHDRSZ + len);

	SET_VARSIZE(result, VARHDRSZ + gd_canonicalize_text(VARDATA_ANY(body), len, VARDATA(result)));
	PG_RETURN_TEXT_P(result);
}

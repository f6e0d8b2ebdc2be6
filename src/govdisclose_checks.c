/*
 * govdisclose_checks.c - PostgreSQL glue of the reviewer checks: section
 * signatures for COPIED-TEXT and the publication date for LATE.  The work
 * is in the core (gd_minhash.c, gd_published.c); this file converts.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"

#include "gd_checks.h"
#include "govdisclose.h"

/* The prose sections whose copying the check looks for. */
static const int prose_sections[] = {1, 5, 6};

Datum
published_datum(const gd_report *r, bool *isnull)
{
	gd_date		d;

	*isnull = !gd_published(r->text, r->text_len, &d);
	if (*isnull)
		return (Datum) 0;
	return DateADTGetDatum(date2j(d.year, d.month, d.day) - POSTGRES_EPOCH_JDATE);
}

static Datum
signature_datum(const uint32_t sig[GD_MINHASH_K])
{
	Datum		elems[GD_MINHASH_K];

	for (int k = 0; k < GD_MINHASH_K; k++)
		elems[k] = Int32GetDatum((int32) sig[k]);
	return PointerGetDatum(construct_array(elems, GD_MINHASH_K, INT4OID, 4, true, TYPALIGN_INT));
}

/* A signature argument; anything but GD_MINHASH_K non-null integers is an error. */
static void
signature_arg(ArrayType *a, uint32_t sig[GD_MINHASH_K])
{
	int			n;

	if (ARR_ELEMTYPE(a) != INT4OID || ARR_NDIM(a) > 1)
		ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						errmsg("a minhash signature must be a one-dimensional integer array"),
						errdetail("The array has %d dimensions.", ARR_NDIM(a))));
	n = ArrayGetNItems(ARR_NDIM(a), ARR_DIMS(a));
	if (n != GD_MINHASH_K)
		ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						errmsg("a minhash signature must have %d elements", GD_MINHASH_K),
						errdetail("The array has %d elements.", n)));
	if (ARR_HASNULL(a))
		for (int k = 0; k < n; k++)
			if (!(ARR_NULLBITMAP(a)[k / 8] & (1 << (k % 8))))
				ereport(ERROR, (errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
								errmsg("a minhash signature cannot hold NULL"),
								errdetail("Element %d is NULL.", k + 1)));
	/* read on every candidate pair of a load: the values lie packed, no NULL among them */
	/* ARR_DATA_PTR, spelled out: the macro mixes signedness under -Wextra */
	memcpy(sig, (const char *) a + (a->dataoffset != 0 ? (size_t) a->dataoffset : ARR_OVERHEAD_NONULLS(ARR_NDIM(a))),
		   sizeof(uint32_t) * GD_MINHASH_K);
}

PG_FUNCTION_INFO_V1(gd_section_minhash);
/* section_minhash(body) -> (section_no, chars, minhash int4[]) for sections 1, 5 and 6 when long enough */
Datum
gd_section_minhash(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	parsed		p;

	InitMaterializedSRF(fcinfo, 0);
	p = parse_text(PG_GETARG_TEXT_PP(0), PARSE_SECTIONS);
	for (size_t k = 0; k < lengthof(prose_sections); k++)
	{
		int			sec = prose_sections[k];
		const gd_span *content = &p.r->section_content[sec];
		uint32_t	sig[GD_MINHASH_K];
		size_t		chars;
		Datum		values[3];
		bool		nulls[3] = {false};

		if (!p.r->section_found[sec])
			continue;
		chars = gd_minhash(p.r->text + content->off, content->len, sig);
		if (chars < GD_MINHASH_MIN_CHARS)
			continue;
		values[0] = Int32GetDatum(sec);
		values[1] = Int32GetDatum((int32) Min(chars, (size_t) PG_INT32_MAX));
		values[2] = signature_datum(sig);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	MemoryContextDelete(p.cxt);
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(gd_sql_minhash_bands);
/* minhash_bands(int4[]) -> bigint[]: the LSH band keys of a signature */
Datum
gd_sql_minhash_bands(PG_FUNCTION_ARGS)
{
	uint32_t	sig[GD_MINHASH_K];
	int64_t		keys[GD_LSH_BANDS];
	Datum		elems[GD_LSH_BANDS];

	signature_arg(PG_GETARG_ARRAYTYPE_P(0), sig);
	gd_minhash_bands(sig, keys);
	for (int k = 0; k < GD_LSH_BANDS; k++)
		elems[k] = Int64GetDatum(keys[k]);
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, GD_LSH_BANDS, INT8OID, 8, FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
}

PG_FUNCTION_INFO_V1(gd_sql_minhash_similarity);
/* minhash_similarity(int4[], int4[]) -> float8: the estimated Jaccard similarity */
Datum
gd_sql_minhash_similarity(PG_FUNCTION_ARGS)
{
	uint32_t	a[GD_MINHASH_K],
				b[GD_MINHASH_K];

	signature_arg(PG_GETARG_ARRAYTYPE_P(0), a);
	signature_arg(PG_GETARG_ARRAYTYPE_P(1), b);
	PG_RETURN_FLOAT8(gd_minhash_similarity(a, b));
}

package io.restorejobcanceller.query;

import java.util.Locale;
import java.util.Set;

/**
 * The functions a {@code query} may call: H2's and PostgreSQL's common ones that only compute a value from their
 * arguments (aggregates, window, conditional, string, number, date and time, JSON, row generators). Anything else is
 * refused, since a function is where a SELECT writes a file (H2's FILE_WRITE, CSVWRITE), reaches another database
 * (LINK_SCHEMA, dblink), signals a process (pg_terminate_backend) or holds the database (pg_sleep, advisory locks).
 */
final class PureFunctions {

    private static final Set<String> NAMES = Set.of(
            // aggregates and window functions
            "count", "sum", "avg", "min", "max", "every", "bool_and", "bool_or", "any_value", "string_agg", "listagg",
            "array_agg", "group_concat", "stddev", "stddev_pop", "stddev_samp", "var_pop", "var_samp", "variance",
            "median", "mode", "percentile_cont", "percentile_disc", "json_agg", "jsonb_agg", "json_object_agg",
            "jsonb_object_agg", "row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile", "lag", "lead",
            "first_value", "last_value", "nth_value",
            // conditional
            "coalesce", "nullif", "greatest", "least", "ifnull", "nvl", "nvl2", "casewhen",
            // strings
            "lower", "upper", "lcase", "ucase", "length", "char_length", "character_length", "octet_length",
            "substring", "substr", "left", "right", "position", "locate", "instr", "strpos", "replace", "translate",
            "trim", "ltrim", "rtrim", "btrim", "lpad", "rpad", "concat", "concat_ws", "repeat", "reverse", "split_part",
            "initcap", "regexp_replace", "regexp_like", "regexp_substr", "regexp_match", "ascii", "chr", "char",
            "starts_with", "to_char", "to_number", "format", "string_to_array", "array_to_string", "cardinality",
            "array_length", "unnest", "md5",
            // numbers
            "abs", "ceil", "ceiling", "floor", "round", "trunc", "truncate", "mod", "div", "power", "sqrt", "exp", "ln",
            "log", "log10", "sign", "width_bucket",
            // dates and times
            "now", "current_date", "current_time", "current_timestamp", "localtime", "localtimestamp", "date_trunc",
            "date_part", "dateadd", "datediff", "timestampadd", "timestampdiff", "year", "month", "day", "hour", "minute",
            "second", "week", "quarter", "dayofweek", "dayofmonth", "dayofyear", "day_of_week", "day_of_month",
            "day_of_year", "iso_week", "age", "make_date", "make_timestamp", "make_interval", "to_date", "to_timestamp",
            "formatdatetime", "parsedatetime", "date_bin",
            // JSON
            "json_build_object", "jsonb_build_object", "json_build_array", "jsonb_build_array", "json_object",
            "json_array", "to_json", "to_jsonb", "row_to_json", "jsonb_pretty", "json_extract_path_text",
            "jsonb_extract_path_text",
            // rows to select from (a runaway one is stopped by canceller.query.timeout)
            "system_range", "generate_series");

    private PureFunctions() {
    }

    /** Whether the name, as written (a quoted or schema-qualified name never is), is one of the pure functions. */
    static boolean allows(String name) {
        return name != null && NAMES.contains(name.toLowerCase(Locale.ROOT));
    }
}

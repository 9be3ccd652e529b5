package io.restorejobcanceller.query;

import java.util.List;

/** Receives a query's result as it is read: the column names once, then each row, then the end. */
interface QuerySink {

    void columns(List<String> names);

    /** Values are numbers, booleans, strings or {@code null}. */
    void row(List<Object> values);

    void end();
}

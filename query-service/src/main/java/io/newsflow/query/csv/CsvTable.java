package io.newsflow.query.csv;

import java.util.List;

/** An answer that is a table when sent as CSV: a header and rows of the same width. */
public interface CsvTable {

    List<String> csvHeader();

    List<List<Object>> csvRows();
}

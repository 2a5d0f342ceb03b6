package org.fangfei.app.shared;

import java.io.Serializable;
import java.util.List;

/**
 * What an import file holds, with the columns of its template. Column names are matched
 * exactly; the order in the file does not matter, and optional columns may be left out.
 * Serializable so that a checked file can wait in the HTTP session.
 */
public interface ImportTemplate extends Serializable {

	/** The URL segment naming the kind, e.g. {@code region} or {@code subject}. */
	String path();

	/** What the file holds, in Chinese: 区划, 风险主体 … */
	String label();

	/** The template's header row, in template order. */
	List<String> columns();

	/** The columns a file must have. */
	List<String> required();

	/** One row from the demo county 会宁县, shown under the template's header. */
	List<String> example();

	default String templateFilename() {
		return label() + "导入模板.xlsx";
	}

	/** The template workbook: the header row and the example row. */
	default byte[] templateXlsx() {
		return TabularFile.writeXlsx(label(), columns(), List.of(example()));
	}

}

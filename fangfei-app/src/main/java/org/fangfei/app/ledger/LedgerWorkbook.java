package org.fangfei.app.ledger;

import java.util.ArrayList;
import java.util.List;

import org.fangfei.app.shared.TabularFile;
import org.fangfei.app.shared.TabularFile.Worksheet;

/** A kept ledger or report as .xlsx: a title sheet (说明), then one sheet per section. */
final class LedgerWorkbook {

	private LedgerWorkbook() {
	}

	static byte[] of(LedgerContent content, List<List<String>> about) {
		List<List<String>> head = new ArrayList<>();
		head.add(List.of("台账", content.title()));
		head.add(List.of("数据截至", content.asAt()));
		head.addAll(about);
		List<Worksheet> sheets = new ArrayList<>();
		sheets.add(new Worksheet("说明", List.of("项目", "内容"), head));
		for (LedgerContent.Section section : content.sections()) {
			sheets.add(new Worksheet(section.title(), section.header(), section.rows()));
		}
		return TabularFile.writeXlsx(sheets);
	}

}

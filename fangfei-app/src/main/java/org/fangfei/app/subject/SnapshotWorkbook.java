package org.fangfei.app.subject;

import java.util.ArrayList;
import java.util.List;

import org.fangfei.app.shared.TabularFile.Worksheet;
import org.fangfei.app.shared.TabularFile;
import org.fangfei.app.subject.SnapshotComparison.Change;
import org.fangfei.app.subject.SnapshotComparison.Count;
import org.fangfei.app.subject.SnapshotComparison.Entry;

/**
 * The 动态管理台账 as submitted monthly: a month's ledger, or a comparison of two months with a
 * summary sheet and one sheet each for the subjects added, removed and changed.
 */
final class SnapshotWorkbook {

	private static final List<String> ENTRY_HEADER = List.of("编号", "名称", "主体类型", "所属区划代码", "所属区划", "行业", "风险等级", "状态");

	private SnapshotWorkbook() {
	}

	static byte[] ledger(String month, List<Entry> entries) {
		return TabularFile.writeXlsx(month + " 动态管理台账", ENTRY_HEADER,
				entries.stream().map(SnapshotWorkbook::row).toList());
	}

	static byte[] comparison(SnapshotComparison c) {
		List<List<String>> summary = new ArrayList<>();
		addCounts(summary, "状态", c.byStatus());
		addCounts(summary, "风险等级", c.byRiskLevel());
		addCounts(summary, "行业", c.bySector());
		List<String> changeHeader = List.of("编号", "名称", "所属区划", "行业", c.from() + " 状态", c.to() + " 状态",
				c.from() + " 风险等级", c.to() + " 风险等级");
		return TabularFile.writeXlsx(List.of(new Worksheet("汇总", List.of("分类", "项目", c.from(), c.to(), "增减"), summary),
				new Worksheet("新增(含移入)", ENTRY_HEADER, c.added().stream().map(SnapshotWorkbook::row).toList()),
				new Worksheet("减少(含移出)", ENTRY_HEADER, c.removed().stream().map(SnapshotWorkbook::row).toList()),
				new Worksheet("状态或等级变化", changeHeader, c.changed().stream().map(SnapshotWorkbook::row).toList())));
	}

	private static void addCounts(List<List<String>> rows, String dimension, List<Count> counts) {
		for (Count count : counts) {
			rows.add(List.of(dimension, count.label(), String.valueOf(count.from()), String.valueOf(count.to()),
					signed(count.difference())));
		}
	}

	static String signed(long n) {
		return n > 0 ? "+" + n : String.valueOf(n);
	}

	private static List<String> row(Entry e) {
		return java.util.Arrays.asList(String.valueOf(e.subjectId()), e.name(), e.kind().label(), e.regionCode(),
				e.regionName(), e.sectorLabel(), e.riskLabel(), e.status().label());
	}

	private static List<String> row(Change c) {
		Entry to = c.to();
		return java.util.Arrays.asList(String.valueOf(to.subjectId()), to.name(), to.regionName(), to.sectorLabel(),
				c.from().status().label(), to.status().label(), c.from().riskLabel(), to.riskLabel());
	}

}

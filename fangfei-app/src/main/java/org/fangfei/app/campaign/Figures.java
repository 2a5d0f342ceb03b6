package org.fangfei.app.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fangfei.app.shared.Rejected;

/**
 * The figures of a progress report, typed one a line as {@code 名称：数字} (排查主体：120).
 */
final class Figures {

	static final int MAX_LINES = 10;

	private Figures() {
	}

	/** One figure. */
	record Figure(String label, long value) {
	}

	static List<Figure> parse(String text) {
		List<Figure> figures = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return figures;
		}
		String[] lines = text.strip().split("\\R");
		int n = 0;
		for (String raw : lines) {
			n++;
			String line = raw.strip();
			if (line.isEmpty()) {
				continue;
			}
			String[] parts = line.split("[:：]", 2);
			if (parts.length != 2 || parts[0].isBlank() || !parts[1].strip().matches("[0-9]{1,12}")) {
				throw new Rejected("数据第" + n + "行格式应为“名称：非负整数”，如“排查主体：120”", Map.of("figures", "数据格式不正确"));
			}
			String label = parts[0].strip();
			if (label.length() > 50) {
				throw new Rejected("数据第" + n + "行名称不能超过50个字", Map.of("figures", "名称过长"));
			}
			if (figures.stream().anyMatch(f -> f.label().equals(label))) {
				throw new Rejected("数据“" + label + "”重复填写", Map.of("figures", "名称重复"));
			}
			figures.add(new Figure(label, Long.parseLong(parts[1].strip())));
		}
		if (figures.size() > MAX_LINES) {
			throw new Rejected("数据最多填写" + MAX_LINES + "项", Map.of("figures", "数据项过多"));
		}
		return figures;
	}

}

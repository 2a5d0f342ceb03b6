package org.fangfei.app.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fangfei.app.report.FormDefinition.Column;
import org.fangfei.app.report.FormDefinition.HeaderCell;
import org.fangfei.app.shared.Rejected;

/**
 * A form as the structured editor of 报表定义 shows it, for an office clerk who reads no
 * English: the title, the title block and notes as lines, whether there is a row per
 * township, and the columns — each a group heading (分组, optional), a column heading and a
 * figure chosen by its Chinese label. Columns side by side with the same group share a
 * merged group cell over them, so a one- or two-row header is built from it; a form with
 * a deeper or irregular header is edited as text (高级).
 *
 * @param title the form's title
 * @param titleBlock the lines under the title, one per line
 * @param byRegion a row per sub-region with 本级 and 合计, else 合计 only
 * @param corner the heading of the row labels' column (单位)
 * @param columns the figure columns, left to right
 * @param notes the lines under the table, one per line
 */
public record FormLayout(String title, String titleBlock, boolean byRegion, String corner, List<LayoutColumn> columns,
		String notes) {

	/** One figure column: its group heading (blank: none), heading and figure key. */
	public record LayoutColumn(String group, String text, String figure) {

		boolean blank() {
			return isBlank(this.group) && isBlank(this.text) && isBlank(this.figure);
		}

	}

	/** A figure a column can show: a measure with or without one of its parameters. */
	public record Figure(String key, String label, String unit, String group) {
	}

	/**
	 * Every figure of the catalogue, by Chinese label: each measure, then the measure for
	 * each of its parameter values; keyed {@code code} or {@code code:param} (never
	 * shown).
	 */
	public static List<Figure> figures(MeasureCatalog catalog) {
		List<Figure> figures = new ArrayList<>();
		for (Measure m : catalog.all()) {
			String group = groupOf(m.code());
			figures
				.add(new Figure(m.code(), m.parameters().isEmpty() ? m.label() : m.label() + "(合计)", m.unit(), group));
			for (String param : m.parameters().keySet()) {
				figures.add(new Figure(m.code() + ":" + param, m.labelFor(param), m.unit(), group));
			}
		}
		return figures;
	}

	private static String groupOf(String code) {
		return switch (code.substring(0, code.indexOf('.'))) {
			case "clue" -> "线索";
			case "subject" -> "风险主体";
			case "building" -> "楼宇排查";
			case "patrol" -> "走访巡查";
			case "case" -> "案件";
			case "outreach" -> "宣传教育和培训";
			case "petition" -> "信访";
			default -> "其他";
		};
	}

	/**
	 * The layout of a checked definition, or empty when its header is not one the
	 * structured editor builds (more than two rows, or merges it cannot express).
	 */
	public static Optional<FormLayout> of(FormDefinition d) {
		List<LayoutColumn> columns = new ArrayList<>();
		List<List<HeaderCell>> header = d.header();
		int width = d.columns().size();
		String[] groups = new String[width];
		String[] texts = new String[width];
		String corner;
		if (header.size() == 1) {
			List<HeaderCell> row = header.get(0);
			if (row.size() != width + 1 || row.stream().anyMatch(c -> c.width() != 1 || c.height() != 1)) {
				return Optional.empty();
			}
			corner = row.get(0).text();
			for (int i = 0; i < width; i++) {
				texts[i] = row.get(i + 1).text();
			}
		}
		else if (header.size() == 2) {
			List<HeaderCell> top = header.get(0);
			List<HeaderCell> below = header.get(1);
			if (top.isEmpty() || top.get(0).width() != 1 || top.get(0).height() != 2) {
				return Optional.empty();
			}
			corner = top.get(0).text();
			int c = 0;
			int b = 0;
			for (HeaderCell cell : top.subList(1, top.size())) {
				if (cell.height() == 2 && cell.width() == 1) {
					texts[c++] = cell.text();
				}
				else if (cell.height() == 1) {
					for (int i = 0; i < cell.width(); i++) {
						if (b >= below.size() || below.get(b).width() != 1 || below.get(b).height() != 1) {
							return Optional.empty();
						}
						groups[c] = cell.text();
						texts[c++] = below.get(b++).text();
					}
				}
				else {
					return Optional.empty();
				}
			}
			if (c != width || b != below.size()) {
				return Optional.empty();
			}
			// two neighbouring groups of the same name would be merged into one when
			// saved
			for (int i = 1; i < width; i++) {
				if (groups[i] != null && groups[i].equals(groups[i - 1]) && startsGroup(top, i)) {
					return Optional.empty();
				}
			}
		}
		else {
			return Optional.empty();
		}
		for (int i = 0; i < width; i++) {
			Column column = d.columns().get(i);
			columns.add(new LayoutColumn(groups[i] == null ? "" : groups[i], texts[i],
					column.param() == null ? column.measure() : column.measure() + ":" + column.param()));
		}
		return Optional.of(new FormLayout(d.title(), String.join("\n", d.titleBlock()), d.byRegion(), corner, columns,
				String.join("\n", d.notes())));
	}

	private static boolean startsGroup(List<HeaderCell> top, int column) {
		int c = 0;
		for (HeaderCell cell : top.subList(1, top.size())) {
			if (c == column) {
				return true;
			}
			c += cell.width();
		}
		return false;
	}

	/**
	 * The definition's JSON text, for {@link FormDefinition#read} to check; refuses in
	 * Chinese what the structured editor can tell itself (a column without heading or
	 * figure, a figure not in the catalogue). Blank column rows are left out.
	 */
	public String json(MeasureCatalog catalog) {
		List<LayoutColumn> used = this.columns == null ? List.of()
				: this.columns.stream().filter(c -> !c.blank()).toList();
		List<String> problems = new ArrayList<>();
		if (isBlank(this.title)) {
			problems.add("请填写报表标题");
		}
		if (used.isEmpty()) {
			problems.add("至少要有一列指标：请在“各列”中填写列名并选择指标");
		}
		Map<String, Figure> figures = new LinkedHashMap<>();
		figures(catalog).forEach(f -> figures.put(f.key(), f));
		List<Column> columns = new ArrayList<>();
		for (int i = 0; i < used.size(); i++) {
			LayoutColumn c = used.get(i);
			String where = "第" + (i + 1) + "列";
			if (isBlank(c.text())) {
				problems.add(where + "没有填写列名");
			}
			if (isBlank(c.figure())) {
				problems.add(where + "没有选择指标");
				continue;
			}
			if (!figures.containsKey(c.figure().strip())) {
				problems.add(where + "选择的指标不存在，请重新选择");
				continue;
			}
			String[] parts = c.figure().strip().split(":", 2);
			columns.add(new Column(parts[0], parts.length > 1 ? parts[1] : null));
		}
		if (!problems.isEmpty()) {
			String all = String.join("；", problems);
			throw new Rejected("报表定义有误：" + all, Map.of("definition", all));
		}
		boolean grouped = used.stream().anyMatch(c -> !isBlank(c.group()));
		String corner = isBlank(this.corner) ? "单位" : this.corner.strip();
		List<List<HeaderCell>> header = new ArrayList<>();
		if (!grouped) {
			List<HeaderCell> row = new ArrayList<>();
			row.add(new HeaderCell(corner, null, null));
			used.forEach(c -> row.add(new HeaderCell(c.text().strip(), null, null)));
			header.add(row);
		}
		else {
			List<HeaderCell> top = new ArrayList<>();
			List<HeaderCell> below = new ArrayList<>();
			top.add(new HeaderCell(corner, null, 2));
			for (int i = 0; i < used.size();) {
				String group = isBlank(used.get(i).group()) ? null : used.get(i).group().strip();
				if (group == null) {
					top.add(new HeaderCell(used.get(i).text().strip(), null, 2));
					i++;
					continue;
				}
				int j = i;
				while (j < used.size()
						&& group.equals(isBlank(used.get(j).group()) ? null : used.get(j).group().strip())) {
					below.add(new HeaderCell(used.get(j).text().strip(), null, null));
					j++;
				}
				top.add(new HeaderCell(group, j - i == 1 ? null : j - i, null));
				i = j;
			}
			header.add(top);
			header.add(below);
		}
		return new FormDefinition(this.title.strip(), lines(this.titleBlock), this.byRegion ? "REGIONS" : "TOTAL",
				header, columns, lines(this.notes))
			.json();
	}

	private static List<String> lines(String text) {
		return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
	}

	private static boolean isBlank(String s) {
		return s == null || s.isBlank();
	}

}

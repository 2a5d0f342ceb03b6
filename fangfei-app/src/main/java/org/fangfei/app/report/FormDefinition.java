package org.fangfei.app.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fangfei.app.shared.Rejected;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A form as the office set it up (报表定义), kept as JSON in {@code report_form}: the title,
 * the title block's lines, the header rows with merged cells, one column per figure (a
 * measure and optionally its parameter) and the rows — one per township (or village) of
 * the chosen jurisdiction with 本级 and 合计, or the total only. Read only through
 * {@link #read}, which refuses anything a generated form could not show.
 *
 * @param title the form's title, e.g. 风险线索排查处置情况统计表
 * @param titleBlock lines under the title; {@code {填报单位}}, {@code {统计期间}},
 * {@code {开始日期}}, {@code {截止日期}} and {@code {制表日期}} are filled in
 * @param rows {@code REGIONS} or {@code TOTAL}
 * @param header header rows, left to right; the first column is the row labels' column
 * @param columns the figure columns, left to right after the row labels' column
 * @param notes lines under the table (填表说明)
 */
public record FormDefinition(String title, List<String> titleBlock, String rows, List<List<HeaderCell>> header,
		List<Column> columns, List<String> notes) {

	static final int MAX_COLUMNS = 60;

	static final int MAX_HEADER_ROWS = 4;

	static final List<String> PLACEHOLDERS = List.of("填报单位", "统计期间", "开始日期", "截止日期", "制表日期");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)\\}");

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	/** A header cell spanning {@code cols} columns and {@code rows} header rows. */
	public record HeaderCell(String text, Integer cols, Integer rows) {

		int width() {
			return this.cols == null ? 1 : this.cols;
		}

		int height() {
			return this.rows == null ? 1 : this.rows;
		}

	}

	/** A figure column: a measure's code and, when the measure takes one, a parameter. */
	public record Column(String measure, String param) {
	}

	/** A header cell placed at its row and column of the header grid. */
	public record Placed(int row, int col, int rows, int cols, String text) {
	}

	public FormDefinition {
		titleBlock = titleBlock == null ? List.of() : List.copyOf(titleBlock);
		notes = notes == null ? List.of() : List.copyOf(notes);
		header = header == null ? List.of()
				: header.stream().map(r -> r == null ? List.<HeaderCell>of() : List.copyOf(r)).toList();
		columns = columns == null ? List.of() : List.copyOf(columns);
	}

	/** Whether the form has a row per sub-region. */
	public boolean byRegion() {
		return "REGIONS".equals(this.rows);
	}

	/**
	 * Parses and checks a definition against the measures there are; refuses it with
	 * every problem found, in Chinese, under the field {@code definition}.
	 */
	public static FormDefinition read(String json, MeasureCatalog catalog) {
		if (json == null || json.isBlank()) {
			throw refused(List.of("请填写报表定义"));
		}
		if (json.length() > 100_000) {
			throw refused(List.of("报表定义过长(不超过100000个字符)"));
		}
		FormDefinition form;
		try {
			form = JSON.readValue(json, FormDefinition.class);
		}
		catch (JacksonException ex) {
			String where = ex.getLocation() == null ? ""
					: "第" + ex.getLocation().getLineNr() + "行第" + ex.getLocation().getColumnNr() + "列附近";
			throw refused(
					List.of("报表定义不是有效的 JSON 格式" + (where.isEmpty() ? "" : "(" + where + ")") + "：请检查括号、逗号、引号和字段名"));
		}
		if (form == null) {
			throw refused(List.of("请填写报表定义"));
		}
		List<String> problems = form.problems(catalog);
		if (!problems.isEmpty()) {
			throw refused(problems);
		}
		return form;
	}

	/** The definition as stored. */
	public String json() {
		return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this);
	}

	/** The header cells at their places; only for a checked definition. */
	public List<Placed> placed() {
		int width = this.columns.size() + 1;
		boolean[][] taken = new boolean[this.header.size()][width];
		List<Placed> placed = new ArrayList<>();
		for (int r = 0; r < this.header.size(); r++) {
			int c = 0;
			for (HeaderCell cell : this.header.get(r)) {
				while (c < width && taken[r][c]) {
					c++;
				}
				placed.add(new Placed(r, c, cell.height(), cell.width(), cell.text().strip()));
				for (int i = r; i < Math.min(r + cell.height(), taken.length); i++) {
					for (int j = c; j < Math.min(c + cell.width(), width); j++) {
						taken[i][j] = true;
					}
				}
				c += cell.width();
			}
		}
		return placed;
	}

	/** The placed header cells row by row, for a page's {@code <thead>}. */
	public List<List<Placed>> placedRows() {
		List<Placed> all = placed();
		List<List<Placed>> rows = new ArrayList<>();
		for (int r = 0; r < this.header.size(); r++) {
			int row = r;
			rows.add(all.stream().filter(p -> p.row() == row).toList());
		}
		return rows;
	}

	/** A title-block line with its placeholders filled in. */
	static String fill(String line, Map<String, String> values) {
		Matcher m = PLACEHOLDER.matcher(line);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
		}
		m.appendTail(out);
		return out.toString();
	}

	private List<String> problems(MeasureCatalog catalog) {
		List<String> problems = new ArrayList<>();
		if (this.title == null || this.title.isBlank()) {
			problems.add("请填写报表标题(title)");
		}
		else if (this.title.strip().length() > 100) {
			problems.add("报表标题不能超过100个字");
		}
		if (this.titleBlock.size() > 4) {
			problems.add("标题下的说明行(titleBlock)最多4行");
		}
		for (int i = 0; i < this.titleBlock.size(); i++) {
			checkLine(this.titleBlock.get(i), "说明行第" + (i + 1) + "行", true, problems);
		}
		if (this.notes.size() > 6) {
			problems.add("填表说明(notes)最多6行");
		}
		for (int i = 0; i < this.notes.size(); i++) {
			checkLine(this.notes.get(i), "填表说明第" + (i + 1) + "行", false, problems);
		}
		if (!"REGIONS".equals(this.rows) && !"TOTAL".equals(this.rows)) {
			problems.add("行(rows)只能是 REGIONS(按下级区划逐行并合计)或 TOTAL(仅合计一行)");
		}
		checkColumns(catalog, problems);
		checkHeader(problems);
		return problems;
	}

	private static void checkLine(String line, String where, boolean placeholders, List<String> problems) {
		if (line == null || line.isBlank()) {
			problems.add(where + "不能为空");
			return;
		}
		if (line.length() > 200) {
			problems.add(where + "不能超过200个字");
		}
		Matcher m = PLACEHOLDER.matcher(line);
		while (m.find()) {
			if (!placeholders) {
				problems.add(where + "不能使用占位符" + m.group());
			}
			else if (!PLACEHOLDERS.contains(m.group(1))) {
				problems.add(where + "的占位符" + m.group() + "不存在，可用：{" + String.join("} {", PLACEHOLDERS) + "}");
			}
		}
	}

	private void checkColumns(MeasureCatalog catalog, List<String> problems) {
		if (this.columns.isEmpty()) {
			problems.add("至少要有一列指标(columns)");
		}
		if (this.columns.size() > MAX_COLUMNS) {
			problems.add("指标列最多" + MAX_COLUMNS + "列");
		}
		for (int i = 0; i < this.columns.size(); i++) {
			Column column = this.columns.get(i);
			String where = "第" + (i + 1) + "列指标";
			if (column == null || column.measure() == null || column.measure().isBlank()) {
				problems.add(where + "没有填写指标代码(measure)");
				continue;
			}
			var measure = catalog.find(column.measure().strip());
			if (measure.isEmpty()) {
				problems.add(where + "的代码“" + column.measure() + "”不存在，请从指标目录中选择");
				continue;
			}
			Measure m = measure.get();
			if (column.param() != null && m.parameters().isEmpty()) {
				problems.add(where + "“" + m.label() + "”不带参数，请删除 param");
			}
			else if (column.param() != null && !m.parameters().containsKey(column.param())) {
				problems.add(where + "“" + m.label() + "”的参数“" + column.param() + "”无效，可用："
						+ String.join("、", m.parameters().keySet()));
			}
		}
	}

	private void checkHeader(List<String> problems) {
		int width = this.columns.size() + 1;
		int height = this.header.size();
		if (height == 0) {
			problems.add("至少要有一行表头(header)");
			return;
		}
		if (height > MAX_HEADER_ROWS) {
			problems.add("表头最多" + MAX_HEADER_ROWS + "行");
			return;
		}
		boolean[][] taken = new boolean[height][width];
		for (int r = 0; r < height; r++) {
			int c = 0;
			for (HeaderCell cell : this.header.get(r)) {
				String where = "表头第" + (r + 1) + "行";
				if (cell == null || cell.text() == null || cell.text().isBlank()) {
					problems.add(where + "有单元格没有文字");
					return;
				}
				if (cell.text().strip().length() > 60) {
					problems.add(where + "“" + cell.text() + "”超过60个字");
				}
				if (cell.width() < 1 || cell.height() < 1) {
					problems.add(where + "“" + cell.text() + "”的合并列数(cols)和行数(rows)须为正整数");
					return;
				}
				while (c < width && taken[r][c]) {
					c++;
				}
				if (c + cell.width() > width) {
					problems.add(where + "“" + cell.text() + "”超出了表格宽度：表格共" + width + "列(1列单位加" + this.columns.size()
							+ "列指标)");
					return;
				}
				if (r + cell.height() > height) {
					problems.add(where + "“" + cell.text() + "”向下合并" + cell.height() + "行，超出了表头的" + height + "行");
					return;
				}
				for (int i = r; i < r + cell.height(); i++) {
					for (int j = c; j < c + cell.width(); j++) {
						if (taken[i][j]) {
							problems.add(where + "“" + cell.text() + "”与上方向下合并的单元格重叠");
							return;
						}
						taken[i][j] = true;
					}
				}
				c += cell.width();
			}
			int covered = 0;
			for (boolean t : taken[r]) {
				covered += t ? 1 : 0;
			}
			if (covered != width) {
				problems.add("表头第" + (r + 1) + "行覆盖了" + covered + "列，应覆盖" + width + "列(1列单位加" + this.columns.size()
						+ "列指标)");
				return;
			}
		}
	}

	private static Rejected refused(List<String> problems) {
		String all = String.join("；", problems);
		return new Rejected("报表定义有误：" + all, Map.of("definition", all));
	}

}

package org.fangfei.app.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.fangfei.app.report.Measure;
import org.fangfei.app.report.MeasureCatalog;
import org.fangfei.app.shared.Rejected;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A scoring scheme (考核方案): the indicators of a year's evaluation of the townships or the
 * departments, their weights adding up to 100. Seed 002 (创建无非法集资社区(村), 强化督导考核) puts new
 * cases and the participants in them first; the default schemes follow it.
 */
public record Scheme(Target target, List<Indicator> indicators) {

	static final int MAX_INDICATORS = 20;

	/** The longest key (the manual scores' column is 30 characters, as a name). */
	static final int MAX_KEY = 30;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public Scheme {
		indicators = List.copyOf(indicators);
	}

	/** The indicator of that name, if any. */
	public java.util.Optional<Indicator> indicator(String label) {
		return this.indicators.stream().filter(i -> i.label().equals(label)).findFirst();
	}

	/** The indicator with that key, if any. */
	public java.util.Optional<Indicator> byKey(String key) {
		return this.indicators.stream().filter(i -> i.key().equals(key)).findFirst();
	}

	/**
	 * Reads and checks a scheme as typed: every problem in Chinese, all at once.
	 * @throws Rejected listing the problems
	 */
	static Scheme read(Target target, SchemeForm form, MeasureCatalog catalog) {
		List<String> problems = new ArrayList<>();
		List<Indicator> indicators = new ArrayList<>();
		Set<String> labels = new HashSet<>();
		Set<String> keys = new HashSet<>();
		int n = 0;
		for (SchemeForm.Line line : form.getIndicators()) {
			if (line == null || line.blank()) {
				continue;
			}
			n++;
			Indicator i = line(target, n, line, catalog, problems);
			if (i != null && !labels.add(i.label())) {
				problems.add("第" + n + "项指标的名称“" + i.label() + "”重复，每项指标的名称须不同");
			}
			if (i != null) {
				indicators.add(i.withKey(key(line.getKey(), keys)));
			}
		}
		if (n == 0) {
			problems.add("考核方案至少要有一项指标");
		}
		if (n > MAX_INDICATORS) {
			problems.add("考核方案最多" + MAX_INDICATORS + "项指标");
		}
		if (problems.isEmpty()) {
			int sum = indicators.stream().mapToInt(Indicator::weight).sum();
			if (sum != 100) {
				problems.add("各项指标权重合计须为100分，现为" + sum + "分");
			}
		}
		if (!problems.isEmpty()) {
			throw new Rejected(String.join("；", problems));
		}
		return new Scheme(target, indicators);
	}

	private static Indicator line(Target target, int n, SchemeForm.Line line, MeasureCatalog catalog,
			List<String> problems) {
		String at = "第" + n + "项指标";
		int before = problems.size();
		String label = strip(line.getLabel());
		if (label == null) {
			problems.add(at + "请填写名称");
		}
		else if (label.length() > 30) {
			problems.add(at + "的名称不能超过30个字");
		}
		Integer weight = integer(line.getWeight());
		if (weight == null || weight < 1 || weight > 100) {
			problems.add(at + "的权重须为1到100之间的整数");
		}
		if ("MANUAL".equals(line.getSource())) {
			return problems.size() > before ? null : Indicator.manual(label, weight);
		}
		if (!"MEASURE".equals(line.getSource())) {
			problems.add(at + "请选择数据来源(统计指标或人工评分)");
			return null;
		}
		if (target == Target.DEPARTMENT) {
			problems.add(at + "：统计指标按属地计数，不适用于成员单位考核，请改为人工评分");
			return null;
		}
		Measure measure = measure(at, "统计指标", strip(line.getMeasure()), catalog, problems);
		String param = strip(line.getParam());
		if (measure != null && param != null && !measure.parameters().containsKey(param)) {
			problems.add(measure.parameters().isEmpty() ? at + "的统计指标“" + measure.label() + "”不带参数"
					: at + "的参数“" + param + "”不是统计指标“" + measure.label() + "”的可选值");
		}
		String den = strip(line.getDenominator());
		Measure denominator = den == null ? null : measure(at, "比率分母", den, catalog, problems);
		Rule rule = rule(line.getRule());
		if (rule == null) {
			problems.add(at + "请选择计分规则");
			return null;
		}
		BigDecimal full = null;
		BigDecimal zero = null;
		BigDecimal per = null;
		if (rule == Rule.DEDUCT) {
			per = number(line.getPer());
			if (per == null || per.signum() <= 0) {
				problems.add(at + "请填写每项扣分(大于0的数)");
			}
			if (den != null) {
				problems.add(at + "按比率计分时不能按项扣分，请选择“越少越好”或“越多越好”");
			}
		}
		else {
			full = number(line.getFull());
			zero = number(line.getZero());
			if (full == null || zero == null) {
				problems.add(at + "请填写满分界限和零分界限(不小于0的数)");
			}
			else if (full.signum() < 0 || zero.signum() < 0) {
				problems.add(at + "的界限不能为负数");
			}
			else if (rule == Rule.AT_MOST && full.compareTo(zero) >= 0) {
				problems.add(at + "(越少越好)的满分界限须小于零分界限");
			}
			else if (rule == Rule.AT_LEAST && zero.compareTo(full) >= 0) {
				problems.add(at + "(越多越好)的零分界限须小于满分界限");
			}
			else if (den != null
					&& (full.compareTo(BigDecimal.valueOf(100)) > 0 || zero.compareTo(BigDecimal.valueOf(100)) > 0)) {
				problems.add(at + "按比率(%)计分，界限须在0到100之间");
			}
		}
		if (problems.size() > before || measure == null || (den != null && denominator == null)) {
			return null;
		}
		return new Indicator(label, weight, measure.code(), param, den, rule, full, zero, per, null);
	}

	private static Measure measure(String at, String what, String code, MeasureCatalog catalog, List<String> problems) {
		if (code == null) {
			problems.add(at + "请选择" + what);
			return null;
		}
		return catalog.find(code).orElseGet(() -> {
			problems.add(at + "的" + what + "“" + code + "”不存在，请从指标目录中选择");
			return null;
		});
	}

	/**
	 * The key an indicator keeps: the one it was shown with (a renamed indicator keeps
	 * its manual scores), or a new one for a new line, a repeated or an unreadable key.
	 */
	private static String key(String typed, Set<String> taken) {
		String key = strip(typed);
		while (key == null || key.length() > MAX_KEY || !taken.add(key)) {
			key = "k" + java.util.UUID.randomUUID().toString().substring(0, 8);
		}
		return key;
	}

	private static Rule rule(String text) {
		for (Rule r : Rule.values()) {
			if (r.name().equals(text)) {
				return r;
			}
		}
		return null;
	}

	private static String strip(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private static Integer integer(String s) {
		try {
			return s == null ? null : Integer.valueOf(s.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static BigDecimal number(String s) {
		try {
			return s == null || s.isBlank() ? null : new BigDecimal(s.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	String json() {
		return JSON.writeValueAsString(this.indicators);
	}

	static Scheme of(Target target, String json) {
		return new Scheme(target, JSON.readValue(json, new TypeReference<List<Indicator>>() {
		}));
	}

	/**
	 * The scheme a year starts from. Townships: new cases and their participants first
	 * (seed 002, 强化督导考核: 重点督导新发案件数和参与投资人数), then clues handled on time, the share of
	 * grids patrolled (not the number of visits: a hundred visits to one street leave the
	 * other villages unwatched), outreach and the awareness rate, training, and the
	 * mechanisms in place (scored by hand). Departments: scored by hand, since the
	 * measures count territory.
	 */
	static Scheme defaults(Target target) {
		if (target == Target.DEPARTMENT) {
			return new Scheme(target, List.of(Indicator.manual("牵头任务落实", 30), Indicator.manual("线索移交与联合处置", 30),
					Indicator.manual("行业领域风险排查", 20), Indicator.manual("宣传教育与培训", 10), Indicator.manual("机制建设", 10)));
		}
		return new Scheme(target,
				List.of(Indicator.deduct("新发非法集资案件", 25, "case.opened", 10),
						Indicator.linear("新增集资参与人", 20, "case.participants", null, Rule.AT_MOST, 0, 200),
						Indicator.deduct("线索超期未办结", 10, "clue.overdue", 2),
						Indicator.rate("网格巡查覆盖率", 10, "patrol.grids", "PATROLLED", "patrol.grids", 95, 60),
						Indicator.linear("宣传活动", 10, "outreach.activities", null, Rule.AT_LEAST, 12, 0),
						Indicator.linear("群众知晓率", 10, "outreach.surveyAware", "outreach.surveyAnswers", Rule.AT_LEAST,
								90, 60),
						Indicator.linear("培训", 5, "outreach.trainings", null, Rule.AT_LEAST, 2, 0),
						Indicator.manual("机制建设", 10)));
	}

}

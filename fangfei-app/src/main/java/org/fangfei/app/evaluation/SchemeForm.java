package org.fangfei.app.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * The scheme as typed on its page: one line per indicator, every field as text so that
 * each mistake gets its own Chinese message from {@link Scheme#read}.
 */
public class SchemeForm {

	private List<Line> indicators = new ArrayList<>();

	private int version;

	public List<Line> getIndicators() {
		return this.indicators;
	}

	public void setIndicators(List<Line> indicators) {
		this.indicators = indicators;
	}

	public int getVersion() {
		return this.version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

	/** The form of a scheme, for editing, with {@code blank} empty lines to add. */
	static SchemeForm of(Scheme scheme, int version, int blank) {
		SchemeForm form = new SchemeForm();
		form.version = version;
		for (Indicator i : scheme.indicators()) {
			form.indicators.add(Line.of(i));
		}
		for (int n = 0; n < blank; n++) {
			form.indicators.add(new Line());
		}
		return form;
	}

	/** One indicator as typed. */
	public static class Line {

		private String key;

		private String label;

		private String weight;

		private String source;

		private String measure;

		private String param;

		private String denominator;

		private String rule;

		private String full;

		private String zero;

		private String per;

		public Line() {
		}

		Line(String label, String weight, String source, String measure, String param, String denominator, String rule,
				String full, String zero, String per) {
			this.label = label;
			this.weight = weight;
			this.source = source;
			this.measure = measure;
			this.param = param;
			this.denominator = denominator;
			this.rule = rule;
			this.full = full;
			this.zero = zero;
			this.per = per;
		}

		static Line of(Indicator i) {
			Line line = new Line(i.label(), Integer.toString(i.weight()), i.manual() ? "MANUAL" : "MEASURE",
					i.measure(), i.param(), i.denominator(), i.rule() == null ? null : i.rule().name(),
					Indicator.plain(i.full()), Indicator.plain(i.zero()), Indicator.plain(i.per()));
			line.key = i.key();
			return line;
		}

		boolean blank() {
			return isBlank(this.label) && isBlank(this.weight) && isBlank(this.measure) && isBlank(this.full)
					&& isBlank(this.zero) && isBlank(this.per);
		}

		static boolean isBlank(String s) {
			return s == null || s.isBlank();
		}

		/**
		 * The indicator's stable key, carried by the form so a rename keeps its scores.
		 */
		public String getKey() {
			return this.key;
		}

		public void setKey(String key) {
			this.key = key;
		}

		public String getLabel() {
			return this.label;
		}

		public void setLabel(String label) {
			this.label = label;
		}

		public String getWeight() {
			return this.weight;
		}

		public void setWeight(String weight) {
			this.weight = weight;
		}

		public String getSource() {
			return this.source;
		}

		public void setSource(String source) {
			this.source = source;
		}

		public String getMeasure() {
			return this.measure;
		}

		public void setMeasure(String measure) {
			this.measure = measure;
		}

		public String getParam() {
			return this.param;
		}

		public void setParam(String param) {
			this.param = param;
		}

		public String getDenominator() {
			return this.denominator;
		}

		public void setDenominator(String denominator) {
			this.denominator = denominator;
		}

		public String getRule() {
			return this.rule;
		}

		public void setRule(String rule) {
			this.rule = rule;
		}

		public String getFull() {
			return this.full;
		}

		public void setFull(String full) {
			this.full = full;
		}

		public String getZero() {
			return this.zero;
		}

		public void setZero(String zero) {
			this.zero = zero;
		}

		public String getPer() {
			return this.per;
		}

		public void setPer(String per) {
			this.per = per;
		}

	}

}

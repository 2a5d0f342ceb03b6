package org.fangfei.app.warning;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.Rejected;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The index's weights, half-life, tier cut-offs, response deadlines and key sectors, read
 * fresh on each pass and changed by the office head on the settings page (checked whole
 * before any is written, audited). A change takes effect at the next recomputation (the
 * page starts one).
 */
@Service
class WarningSettings {

	static final String EDIT = "warning:setting:edit";

	/** One setting as the page shows it. */
	record Setting(String key, String label, String value) {
	}

	/** The settings as the computation uses them. */
	record Config(Map<SignalKind, Double> weights, double halfLifeDays, int yellow, int orange, int red, int dueOrange,
			int dueRed, Set<String> keySectors) {

		Tier tierOf(int score) {
			return score >= this.red ? Tier.RED
					: score >= this.orange ? Tier.ORANGE : score >= this.yellow ? Tier.YELLOW : Tier.BLUE;
		}

		int dueDays(Tier tier) {
			return tier == Tier.RED ? this.dueRed : this.dueOrange;
		}

	}

	private final JdbcClient jdbc;

	private final AuditLog audit;

	WarningSettings(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	List<Setting> all() {
		return this.jdbc.sql("select key, label, value from warning_setting order by key")
			.query((rs, n) -> new Setting(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	Config config() {
		Map<String, String> v = new LinkedHashMap<>();
		all().forEach(s -> v.put(s.key(), s.value()));
		Map<SignalKind, Double> weights = new EnumMap<>(SignalKind.class);
		for (SignalKind k : SignalKind.values()) {
			weights.put(k, Double.parseDouble(v.getOrDefault("weight." + k.name(), "0")));
		}
		return new Config(weights, Double.parseDouble(v.get("half-life-days")), Integer.parseInt(v.get("tier.YELLOW")),
				Integer.parseInt(v.get("tier.ORANGE")), Integer.parseInt(v.get("tier.RED")),
				Integer.parseInt(v.get("due.ORANGE")), Integer.parseInt(v.get("due.RED")),
				sectors(v.get("key-sectors")));
	}

	/**
	 * Changes the settings given (others stay): weights 0–100, half-life 1–3650 days,
	 * cut-offs 1–100 with 黄 &lt; 橙 &lt; 红, deadlines 1–30 working days, key sectors codes
	 * of the sector dictionary. Checks all before writing any; returns whether any
	 * changed.
	 */
	@Transactional
	boolean update(Map<String, String> values, String actor) {
		Map<String, String> errors = new LinkedHashMap<>();
		Map<String, String> merged = new LinkedHashMap<>();
		List<Setting> current = all();
		for (Setting s : current) {
			String raw = values.get(s.key());
			String v = raw == null ? s.value() : raw.strip();
			merged.put(s.key(), v);
			if (raw != null) {
				check(s, v, errors);
			}
		}
		if (errors.isEmpty()) {
			int y = Integer.parseInt(merged.get("tier.YELLOW"));
			int o = Integer.parseInt(merged.get("tier.ORANGE"));
			int r = Integer.parseInt(merged.get("tier.RED"));
			if (!(y < o && o < r)) {
				errors.put("tier.ORANGE", "等级下限应满足 黄色 < 橙色 < 红色");
			}
		}
		if (!errors.isEmpty()) {
			throw new Rejected(String.join("；", errors.values()), errors);
		}
		boolean changed = false;
		for (Setting s : current) {
			String v = merged.get(s.key());
			if (!v.equals(s.value())) {
				this.jdbc.sql("update warning_setting set value = :v, updated_at = now() where key = :k")
					.param("v", v)
					.param("k", s.key())
					.update();
				this.audit.success("WARNING_SETTING", "warning_setting", s.key(), "修改风险指数设置 " + s.label(), s.value(),
						v);
				changed = true;
			}
		}
		return changed;
	}

	private void check(Setting s, String v, Map<String, String> errors) {
		String key = s.key();
		if (key.equals("key-sectors")) {
			Set<String> codes = sectors(v);
			List<String> known = this.jdbc
				.sql("select code from dict_item where dict_type = 'sector' and code = any(:codes)")
				.param("codes", codes.toArray(String[]::new))
				.query(String.class)
				.list();
			List<String> unknown = codes.stream().filter(c -> !known.contains(c)).toList();
			if (!unknown.isEmpty()) {
				errors.put(key, s.label() + "中有行业字典里没有的代码：" + String.join("、", unknown));
			}
			return;
		}
		int min = key.startsWith("weight.") ? 0 : 1;
		int max = key.startsWith("half-life") ? 3650 : key.startsWith("due.") ? 30 : 100;
		try {
			int n = Integer.parseInt(v);
			if (n < min || n > max) {
				throw new NumberFormatException();
			}
		}
		catch (NumberFormatException ex) {
			errors.put(key, s.label() + "应为 " + min + " 到 " + max + " 之间的整数");
		}
	}

	private static Set<String> sectors(String csv) {
		Set<String> codes = new LinkedHashSet<>();
		Arrays.stream(csv.split("[,，\\s]+")).map(String::strip).filter(c -> !c.isEmpty()).forEach(codes::add);
		return codes;
	}

}

package org.fangfei.app.outreach;

import java.time.LocalDate;
import java.util.Map;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The checks every outreach form shares, each adding a Chinese message under its field.
 */
final class Checks {

	private Checks() {
	}

	/** A required text of at most {@code max} characters. */
	static void text(String value, String field, String label, int max, Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			errors.put(field, "请填写" + label);
		}
		else if (value.strip().length() > max) {
			errors.put(field, label + "不能超过" + max + "字");
		}
	}

	/** An optional text of at most {@code max} characters. */
	static void optional(String value, String field, String label, int max, Map<String, String> errors) {
		if (value != null && value.strip().length() > max) {
			errors.put(field, label + "不能超过" + max + "字");
		}
	}

	/** A date that is given and not after today. */
	static void pastDate(LocalDate value, String field, String label, Map<String, String> errors) {
		if (value == null) {
			errors.put(field, "请填写" + label);
		}
		else if (value.isAfter(Times.today())) {
			errors.put(field, label + "不能晚于今天");
		}
		else if (value.getYear() < 2000) {
			errors.put(field, label + "不能早于2000年");
		}
	}

	/** A count from 0 to {@code max}. */
	static void count(Integer value, String field, String label, int max, boolean required,
			Map<String, String> errors) {
		if (value == null) {
			if (required) {
				errors.put(field, "请填写" + label);
			}
		}
		else if (value < 0) {
			errors.put(field, label + "不能为负数");
		}
		else if (value > max) {
			errors.put(field, label + "不能超过" + max);
		}
	}

	/** A region that exists and lies within the actor's jurisdiction. */
	static void region(String code, Actor actor, JdbcClient jdbc, Map<String, String> errors) {
		if (code == null || code.isBlank()) {
			errors.put("regionCode", "请选择所在区划");
			return;
		}
		boolean exists = jdbc.sql("select count(*) from region where code = :c")
			.param("c", code.strip())
			.query(Long.class)
			.single() > 0;
		if (!exists) {
			errors.put("regionCode", "区划不存在");
		}
		else if (!actor.scope().covers(code.strip())) {
			errors.put("regionCode", "所在区划不在您的管辖范围内");
		}
	}

	/** Throws the collected problems, if any, as one refusal. */
	static void done(Map<String, String> errors) {
		if (!errors.isEmpty()) {
			throw new Rejected(String.join("；", errors.values()), errors);
		}
	}

	static String strip(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}

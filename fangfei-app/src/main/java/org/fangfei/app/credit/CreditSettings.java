package org.fangfei.app.credit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.Rejected;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The county's choices for its list, read fresh on each use: whether enterprises on the
 * list are shown to the public (off unless the county turns it on) and the default period
 * of each kind of basis ({@link ListingPeriod}). Changed by the office head, audited.
 */
@Service
class CreditSettings {

	static final String PUBLIC_LIST = "public-list";

	static final String EDIT = "credit:setting:edit";

	/** One setting as the page shows it. */
	public record Setting(String key, String label, String value) {
	}

	private final JdbcClient jdbc;

	private final AuditLog audit;

	CreditSettings(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	boolean publicList() {
		return Boolean.parseBoolean(value(PUBLIC_LIST));
	}

	int period(BasisKind kind) {
		return Integer.parseInt(value("period." + kind.name()));
	}

	List<Setting> all() {
		return this.jdbc.sql("select key, label, value from credit_setting order by key")
			.query((rs, n) -> new Setting(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	/**
	 * Changes the settings given (others stay): the public list
	 * {@code true}/{@code false}, periods whole years within {@link ListingPeriod}.
	 * Checks all before writing any.
	 */
	@Transactional
	void update(Map<String, String> values) {
		Map<String, String> errors = new LinkedHashMap<>();
		Map<String, String> clean = new LinkedHashMap<>();
		for (Setting s : all()) {
			String raw = values.get(s.key());
			if (raw == null) {
				continue;
			}
			String v = raw.strip();
			if (s.key().equals(PUBLIC_LIST)) {
				if (!v.equals("true") && !v.equals("false")) {
					errors.put(s.key(), s.label() + "应为“是”或“否”");
				}
			}
			else {
				try {
					ListingPeriod.check(Integer.parseInt(v));
				}
				catch (NumberFormatException | Rejected ex) {
					errors.put(s.key(),
							s.label() + "应为 " + ListingPeriod.MIN_YEARS + " 到 " + ListingPeriod.MAX_YEARS + " 之间的整数");
				}
			}
			if (!v.equals(s.value())) {
				clean.put(s.key(), v);
			}
		}
		if (!errors.isEmpty()) {
			throw new Rejected(String.join("；", errors.values()), errors);
		}
		for (Setting s : all()) {
			String v = clean.get(s.key());
			if (v != null) {
				this.jdbc.sql("update credit_setting set value = :v, updated_at = now() where key = :k")
					.param("v", v)
					.param("k", s.key())
					.update();
				this.audit.success("CREDIT_SETTING", "credit_setting", s.key(), "修改失信名单设置 " + s.label(), s.value(), v);
			}
		}
	}

	private String value(String key) {
		return this.jdbc.sql("select value from credit_setting where key = :k")
			.param("k", key)
			.query(String.class)
			.single();
	}

}

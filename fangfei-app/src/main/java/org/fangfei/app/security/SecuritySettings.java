package org.fangfei.app.security;

import java.util.List;
import java.util.Map;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.Rejected;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The security parameters editable by the security administrator, read fresh on each use.
 */
@Service
class SecuritySettings {

	/** Allowed range of each parameter. */
	private static final Map<String, int[]> RANGES = Map.of("password.min-length", new int[] { 8, 64 },
			"password.min-classes", new int[] { 2, 4 }, "lockout.max-failures", new int[] { 3, 20 }, "lockout.minutes",
			new int[] { 1, 1440 }, "session.idle-minutes", new int[] { 5, 480 }, "password.history",
			new int[] { 1, SecuritySettings.MAX_PASSWORD_HISTORY });

	/** The most passwords an account's history keeps. */
	static final int MAX_PASSWORD_HISTORY = 24;

	record Setting(String key, String label, int value, int min, int max) {
	}

	private final JdbcClient jdbc;

	private final AuditLog audit;

	SecuritySettings(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	int get(String key) {
		return Integer.parseInt(this.jdbc.sql("select value from setting where key = :key")
			.param("key", key)
			.query(String.class)
			.single());
	}

	int passwordMinLength() {
		return get("password.min-length");
	}

	int passwordMinClasses() {
		return get("password.min-classes");
	}

	/**
	 * Failed sign-ins one address may make for one account before it pauses for that
	 * account ({@link SignInThrottle}); the key keeps its old name.
	 */
	int lockoutMaxFailures() {
		return get("lockout.max-failures");
	}

	/** How long that pause lasts, in minutes. */
	int lockoutMinutes() {
		return get("lockout.minutes");
	}

	int passwordHistory() {
		return get("password.history");
	}

	int sessionIdleMinutes() {
		return get("session.idle-minutes");
	}

	List<Setting> all() {
		return this.jdbc.sql("select key, label, value from setting order by key").query((rs, n) -> {
			int[] range = RANGES.get(rs.getString("key"));
			return new Setting(rs.getString("key"), rs.getString("label"), Integer.parseInt(rs.getString("value")),
					range[0], range[1]);
		}).list();
	}

	@Transactional
	void update(Map<String, String> values) {
		Map<String, String> errors = new java.util.LinkedHashMap<>();
		for (Setting s : all()) {
			String raw = values.get(s.key());
			if (raw == null) {
				continue;
			}
			try {
				int v = Integer.parseInt(raw.trim());
				if (v < s.min() || v > s.max()) {
					errors.put(s.key(), s.label() + "应在 " + s.min() + " 到 " + s.max() + " 之间");
				}
			}
			catch (NumberFormatException ex) {
				errors.put(s.key(), s.label() + "应为整数");
			}
		}
		if (!errors.isEmpty()) {
			throw new Rejected(String.join("；", errors.values()), errors);
		}
		for (Setting s : all()) {
			String raw = values.get(s.key());
			if (raw != null && Integer.parseInt(raw.trim()) != s.value()) {
				this.jdbc.sql("update setting set value = :value, updated_at = now() where key = :key")
					.param("value", String.valueOf(Integer.parseInt(raw.trim())))
					.param("key", s.key())
					.update();
				this.audit.success("UPDATE", "setting", s.key(), "修改安全参数 " + s.label(), String.valueOf(s.value()),
						raw.trim());
			}
		}
	}

}

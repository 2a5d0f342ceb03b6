package org.fangfei.app.subject;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fundraising scheme dictionary (集资模式, dict_type {@code scheme}).
 */
@Service
public class Schemes {

	/** One scheme of the dictionary. */
	public record Scheme(String code, String label) {
	}

	private final JdbcClient jdbc;

	Schemes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Code and label of each enabled scheme, in dictionary order. */
	@Transactional(readOnly = true)
	public List<Scheme> all() {
		return this.jdbc
			.sql("select code, label from dict_item where dict_type = 'scheme' and enabled order by sort_order, code")
			.query((rs, n) -> new Scheme(rs.getString("code"), rs.getString("label")))
			.list();
	}

}

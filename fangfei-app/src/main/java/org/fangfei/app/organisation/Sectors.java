package org.fangfei.app.organisation;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sector dictionary (dict_type {@code sector}).
 */
@Service
public class Sectors {

	private final JdbcClient jdbc;

	Sectors(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public List<Sector> all() {
		return this.jdbc
			.sql("select code, label from dict_item where dict_type = 'sector' and enabled order by sort_order, code")
			.query((rs, n) -> new Sector(rs.getString("code"), rs.getString("label")))
			.list();
	}

}

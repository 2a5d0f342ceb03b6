package org.fangfei.app.ad;

import java.util.concurrent.atomic.AtomicReference;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;
import org.fangfei.detect.screen.ScreenDictionary;
import org.fangfei.detect.screen.Screener;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The office's copy of the screener's dictionary (词库): the built-in one until the office
 * saves its own; every save is kept (the latest row is in use) and audited. The compiled
 * screener is cached and rebuilt when the dictionary changes.
 */
@Service
public class AdDictionary {

	/** Longest dictionary accepted, in characters. */
	static final int MAX_CHARS = 200_000;

	private record Compiled(long version, Screener screener) {
	}

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final AtomicReference<Compiled> cache = new AtomicReference<>();

	AdDictionary(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** The dictionary's text in use. */
	public String text() {
		return this.jdbc.sql("select body from ad_dictionary order by id desc limit 1")
			.query(String.class)
			.optional()
			.orElseGet(() -> ScreenDictionary.builtIn().text());
	}

	/** The screener with the dictionary in use. */
	public Screener screener() {
		long version = this.jdbc.sql("select coalesce(max(id), 0) from ad_dictionary").query(Long.class).single();
		Compiled c = this.cache.get();
		if (c == null || c.version() != version) {
			c = new Compiled(version, version == 0 ? Screener.builtIn() : new Screener(ScreenDictionary.parse(text())));
			this.cache.set(c);
		}
		return c.screener();
	}

	/**
	 * Saves the office's dictionary after reading it through the screener's own parser.
	 * @throws Rejected naming the wrong line
	 */
	@Transactional
	public void save(String text, Actor actor) {
		if (text == null || text.isBlank()) {
			throw new Rejected("词库不能为空", java.util.Map.of("body", "词库不能为空"));
		}
		if (text.length() > MAX_CHARS) {
			throw new Rejected("词库不能超过 " + MAX_CHARS + " 个字符", java.util.Map.of("body", "词库过长"));
		}
		ScreenDictionary parsed;
		try {
			parsed = ScreenDictionary.parse(text);
		}
		catch (IllegalArgumentException ex) {
			throw new Rejected(ex.getMessage(), java.util.Map.of("body", ex.getMessage()));
		}
		long id = this.jdbc
			.sql("insert into ad_dictionary (body, updated_by, updated_at) values (:b, :u, :t) returning id")
			.param("b", text.replace("\r\n", "\n"))
			.param("u", actor.username())
			.param("t", Times.now())
			.query(Long.class)
			.single();
		this.audit.success("AD_DICTIONARY", "ad_dictionary", id, "修改广告排查词库：" + parsed.terms().size() + " 个词条", null,
				null);
	}

	/** Back to the built-in dictionary (saved as a new version, so the history stays). */
	@Transactional
	public void reset(Actor actor) {
		save(ScreenDictionary.builtIn().text(), actor);
	}

}

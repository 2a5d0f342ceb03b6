package org.fangfei.app.ad;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;
import org.fangfei.detect.screen.Screener;
import org.fangfei.detect.screen.Screening;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 排查: screens a batch of texts with the office's dictionary, keeps every text with its
 * score and explanation, and links each hit to the ledger subject it names
 * ({@link AdLinks}). All or nothing: a wrong text refuses the whole batch.
 */
@Service
public class AdScreening {

	/** Texts accepted in one batch. */
	public static final int MAX_TEXTS = 5_000;

	/** Longest text accepted, in characters. */
	public static final int MAX_CHARS = 100_000;

	/** What a batch did. */
	public record Screened(long batchId, int texts, int hits, int linked) {
	}

	private final JdbcClient jdbc;

	private final AdDictionary dictionary;

	private final AdLinks links;

	private final AuditLog audit;

	AdScreening(JdbcClient jdbc, AdDictionary dictionary, AdLinks links, AuditLog audit) {
		this.jdbc = jdbc;
		this.dictionary = dictionary;
		this.links = links;
		this.audit = audit;
	}

	/**
	 * Screens the texts for {@code actor}, in their jurisdiction.
	 * @param channel PASTE, UPLOAD or API
	 * @throws Rejected when there is nothing to screen, too much, or a text is too long
	 */
	@Transactional
	public Screened screen(List<PostInput> posts, String channel, String fileName, Actor actor) {
		check(posts);
		Screener screener = this.dictionary.screener();
		long batch = this.jdbc.sql("""
				insert into ad_batch (channel, file_name, region_code, texts, hits, created_by, created_at)
				values (:c, :f, :r, 0, 0, :u, :t) returning id""")
			.param("c", channel)
			.param("f", fileName)
			.param("r", actor.regionCode())
			.param("u", actor.username())
			.param("t", Times.now())
			.query(Long.class)
			.single();
		int hits = 0;
		int linked = 0;
		for (PostInput p : posts) {
			Screening s = screener.screen(p.text());
			long id = insert(batch, p, s, screener, actor);
			if (s.flagged()) {
				hits++;
				linked += this.links.linkByName(id, p.title() == null ? p.text() : p.title() + "\n" + p.text(),
						s.score(), p.publishedAt(), actor) ? 1 : 0;
			}
		}
		this.jdbc.sql("update ad_batch set texts = :n, hits = :h where id = :id")
			.param("n", posts.size())
			.param("h", hits)
			.param("id", batch)
			.update();
		this.audit.success("AD_SCREEN", "ad_batch", batch,
				"排查广告资讯 " + posts.size() + " 条，命中 " + hits + " 条" + (fileName == null ? "" : "（" + fileName + "）"),
				null, null);
		return new Screened(batch, posts.size(), hits, linked);
	}

	private static void check(List<PostInput> posts) {
		if (posts == null || posts.isEmpty()
				|| posts.stream().allMatch((p) -> p.text() == null || p.text().isBlank())) {
			throw new Rejected("没有可排查的文字", Map.of("text", "请粘贴或上传要排查的文字"));
		}
		if (posts.size() > MAX_TEXTS) {
			throw new Rejected("一次最多排查 " + MAX_TEXTS + " 条，实有 " + posts.size() + " 条，请分批提交");
		}
		for (int i = 0; i < posts.size(); i++) {
			PostInput p = posts.get(i);
			if (p.text() == null || p.text().isBlank()) {
				throw new Rejected("第 " + (i + 1) + " 条没有正文");
			}
			if (p.text().length() > MAX_CHARS) {
				throw new Rejected("第 " + (i + 1) + " 条正文超过 " + MAX_CHARS + " 个字");
			}
			if (p.url() != null && p.url().length() > 1000) {
				throw new Rejected("第 " + (i + 1) + " 条链接超过 1000 个字符");
			}
			if (p.url() != null && !p.url().isBlank() && !p.url().strip().matches("(?i)https?://\\S+")) {
				throw new Rejected("第 " + (i + 1) + " 条链接“" + abbreviate(p.url()) + "”不是 http(s) 网址");
			}
		}
	}

	private long insert(long batch, PostInput p, Screening s, Screener screener, Actor actor) {
		return this.jdbc.sql("""
				insert into ad_post (batch_id, region_code, url, title, body, published_at, text_key, score, flagged,
				  explanation, created_at)
				values (:b, :r, :url, :title, :body, :pub, :key, :score, :flagged, :ex, :now) returning id""")
			.param("b", batch)
			.param("r", actor.regionCode())
			.param("url", blank(p.url()) ? null : p.url().strip())
			.param("title", blank(p.title()) ? null : abbreviate(p.title().strip(), 300))
			.param("body", p.text().strip())
			.param("pub", p.publishedAt())
			.param("key", key(screener.normalise(p.text())))
			.param("score", s.score())
			.param("flagged", s.flagged())
			.param("ex", abbreviate(s.explanation(), 4000))
			.param("now", Times.now())
			.query(Long.class)
			.single();
	}

	/** Repeated posts share this key: the text as the screener reads it, hashed. */
	static String key(String normalised) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static String abbreviate(String s) {
		return abbreviate(s, 40);
	}

	static String abbreviate(String s, int max) {
		return s.length() > max ? s.substring(0, max - 1) + "…" : s;
	}

	static OffsetDateTime orNow(OffsetDateTime t) {
		return t == null ? Times.now() : t;
	}

}

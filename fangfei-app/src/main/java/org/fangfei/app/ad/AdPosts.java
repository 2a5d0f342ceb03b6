package org.fangfei.app.ad;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.PageOf;
import org.fangfei.app.shared.PageRequest;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The screened texts as lists: hits by score, repeated posts grouped (one row per text as
 * the screener reads it, with how many times it was posted), one batch; always within the
 * reader's scope.
 */
@Service
public class AdPosts {

	/** A list's filters: flagged only (the default), a batch, a minimum score, words. */
	public record Query(boolean all, Long batchId, Integer minScore, String text) {
	}

	static final String SELECT = """
			select p.id, p.batch_id, p.region_code, p.url, p.title, p.body, p.published_at, p.score, p.flagged,
			  p.explanation, p.subject_id, p.subject_name, p.clue_id, p.clue_code, p.created_at,
			  (select count(*) from ad_post r where r.text_key = p.text_key and r.region_code like p.region_code || '%') repeats
			from ad_post p
			""";

	static final RowMapper<AdPost> MAPPER = (rs, n) -> new AdPost(rs.getLong(1), rs.getLong(2), rs.getString(3),
			rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, java.time.OffsetDateTime.class),
			rs.getInt(8), rs.getBoolean(9), rs.getString(10), (Long) rs.getObject(11), rs.getString(12),
			(Long) rs.getObject(13), rs.getString(14), rs.getObject(15, java.time.OffsetDateTime.class), rs.getInt(16));

	private static final String WHERE = """
			where p.region_code like :like
			  and (:all or p.flagged)
			  and (cast(:batch as bigint) is null or p.batch_id = :batch)
			  and (cast(:min as integer) is null or p.score >= :min)
			  and (cast(:text as varchar) is null or p.body like :text or p.title like :text)""";

	private final JdbcClient jdbc;

	AdPosts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One row per distinct text (the latest post of it), highest score first;
	 * {@code repeats} says how many posts carry it.
	 */
	@Transactional(readOnly = true)
	public PageOf<AdPost> search(Query q, DataScope scope, PageRequest paging) {
		Map<String, Object> params = params(q, scope);
		String grouped = SELECT + WHERE
				+ " and p.id = (select max(g.id) from ad_post g where g.text_key = p.text_key and g.region_code like :like)";
		long total = this.jdbc.sql("select count(*) from (" + grouped + ") t")
			.params(params)
			.query(Long.class)
			.single();
		List<AdPost> items = this.jdbc.sql(grouped + " order by p.score desc, p.id desc limit :size offset :offset")
			.params(params)
			.param("size", paging.size())
			.param("offset", paging.offset())
			.query(MAPPER)
			.list();
		return paging.pageOf(items, total);
	}

	@Transactional(readOnly = true)
	public AdPost get(long id, DataScope scope) {
		return this.jdbc.sql(SELECT + " where p.id = :id and p.region_code like :like")
			.param("id", id)
			.param("like", scope.regionLike())
			.query(MAPPER)
			.optional()
			.orElseThrow(() -> new NotFound("广告资讯 " + id));
	}

	/** The other posts of the same text, newest first (at most 50). */
	@Transactional(readOnly = true)
	public List<AdPost> repeatsOf(long id, DataScope scope) {
		return this.jdbc.sql(SELECT + """
				where p.region_code like :like and p.id <> :id
				  and p.text_key = (select k.text_key from ad_post k where k.id = :id)
				order by p.id desc limit 50""").param("id", id).param("like", scope.regionLike()).query(MAPPER).list();
	}

	private static Map<String, Object> params(Query q, DataScope scope) {
		Map<String, Object> p = new HashMap<>();
		p.put("like", scope.regionLike());
		p.put("all", q.all());
		p.put("batch", q.batchId());
		p.put("min", q.minScore());
		p.put("text", q.text() == null || q.text().isBlank() ? null
				: "%" + q.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		return p;
	}

}
